const panel = document.getElementById('panel');
const every = Math.max(1000, Number(panel.dataset.refreshMs) || 5000);
function refresh() {
  fetch(location.pathname.replace(/\/?$/, '/panel'), { cache: 'no-store', headers: { 'Accept': 'text/html' } })
    .then((response) => {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    })
    .then((html) => {
      panel.innerHTML = html;
      document.getElementById('updated').textContent = panel.querySelector('[data-generated]').dataset.generated;
      document.body.classList.remove('stale');
    })
    .catch(() => document.body.classList.add('stale'))
    .then(() => setTimeout(refresh, every));
}
setTimeout(refresh, every);
