const panel = document.getElementById('panel');
const every = Math.max(1000, Number(panel.dataset.refreshMs) || 5000);
async function refresh() {
  try {
    const response = await fetch(location.pathname.replace(/\/?$/, '/panel'), { cache: 'no-store', headers: { 'Accept': 'text/html' } });
    if (!response.ok) { throw new Error('HTTP ' + response.status); }
    panel.innerHTML = await response.text();
    document.getElementById('updated').textContent = panel.querySelector('[data-generated]').dataset.generated;
    document.body.classList.remove('stale');
  } catch (e) {
    document.body.classList.add('stale');
  }
  setTimeout(refresh, every);
}
setTimeout(refresh, every);
