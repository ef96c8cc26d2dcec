document.getElementById('draw').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = document.getElementById('result');
  try {
    const response = await fetch('api/number', { headers: { 'Accept': 'application/json' } });
    const body = await response.json();
    if (!response.ok || typeof body.number !== 'number') { throw new Error(); }
    result.textContent = 'Here it is: ' + body.number;
    result.className = 'number';
  } catch (e) {
    result.textContent = 'RNG service unavailable!';
    result.className = 'unavailable';
  }
});
