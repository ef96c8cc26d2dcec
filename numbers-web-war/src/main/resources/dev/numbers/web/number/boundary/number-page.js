document.getElementById('draw').addEventListener('submit', (event) => {
  event.preventDefault();
  const result = document.getElementById('result');
  fetch('api/number', { headers: { 'Accept': 'application/json' } })
    .then((response) => response.json().then((body) => {
      if (!response.ok || typeof body.number !== 'number') { throw new Error(); }
      result.textContent = 'Here it is: ' + body.number;
      result.className = 'number';
    }))
    .catch(() => {
      result.textContent = 'RNG service unavailable!';
      result.className = 'unavailable';
    });
});
