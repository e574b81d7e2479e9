// Registers the service worker (sw.js) that keeps the page working offline
// and makes it installable. A module of its own because the page's CSP
// forbids inline scripts. Where service workers are unavailable (an insecure
// origin, a private window that refuses them, a file:// page, an old browser)
// nothing happens: the page works as before, only not offline.
try {
  if ('serviceWorker' in navigator) {
    const register = () => {
      navigator.serviceWorker
        // updateViaCache 'none': the browser checks sw.js and the list it
        // imports against the server itself, never against an HTTP cache a
        // plain static server may have let it keep, so an update is seen
        // on the next visit.
        .register(new URL('./sw.js', import.meta.url), { updateViaCache: 'none' })
        .catch((err) => console.warn(`article-lens: offline use is not available (${err.message}).`));
    };
    // After the page's own files: the worker's downloads then do not compete
    // with the first analysis for the network.
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }
} catch (err) {
  // Reading navigator.serviceWorker throws in some sandboxed frames.
  console.warn(`article-lens: offline use is not available (${err.message}).`);
}
