// The web app's only script (served from /static/, as the Content-Security-Policy requires).
// Pages work without it; it stops a second submit of the ingest form while a batch is analysed,
// which would otherwise queue the same files again.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('ingest')) return;
  const button = form.querySelector('button[type=submit]');
  if (button) {
    button.disabled = true;
    button.textContent = 'Analysing…';
  }
});
