// Jiandu (监督): one login page for every surface. When this webapp would show its own
// login view (#/login: not logged in, or after 退出), the browser goes to the app's Chinese
// login page instead and comes back here once logged in (the session is shared both ways).
// Loaded as a custom script (config.js, customScripts).

function toTheLoginPage() {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace('/login?redirect=' + encodeURIComponent(window.location.pathname));
  }
}

window.addEventListener('hashchange', toTheLoginPage);
toTheLoginPage();

export default [];
