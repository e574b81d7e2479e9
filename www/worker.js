// Runs the analyzer off the page's main thread, so a 10 MB paste never freezes
// the page. The module is instantiated once, behind a cached promise.
import init, { analyzeTimed } from './pkg/article_lens.js';

// A first small analysis right after loading makes the engine compile the
// analyzer's functions now (wasm is compiled lazily, function by function)
// instead of during the user's first paste.
const ready = init().then(() => {
  try {
    analyzeTimed('Warm-up. “A quote,” Mr. Smith said on Jan. 13 in the U.S.\n\nAdvertisement', {});
    analyzeTimed('<title>Warm-up</title><p>HTML <b>too</b>.</p><nav>Home</nav>', {});
  } catch (err) {
    // A failure here is a bug in the analyzer: make it visible, and let every
    // analysis fail (the page then restarts the worker) rather than trust a
    // module that may have trapped.
    console.error('article-lens: the warm-up analysis failed', err);
    throw err;
  }
});

self.onmessage = async (event) => {
  const { id, input, options } = event.data;
  try {
    await ready;
  } catch (err) {
    self.postMessage({
      id,
      ok: false,
      fatal: true,
      error: { kind: 'load', message: `The analyzer could not be loaded (${err && err.message}). Reload the page.` },
    });
    return;
  }
  const started = performance.now();
  try {
    const { analysis, timings } = analyzeTimed(input, options);
    self.postMessage({ id, ok: true, analysis, timings, ms: performance.now() - started });
  } catch (err) {
    // Errors the library raises carry a `kind`; anything else (a trap) means
    // the module's state can no longer be trusted, so the page restarts us.
    const known = err && typeof err.kind === 'string';
    self.postMessage({
      id,
      ok: false,
      fatal: !known,
      error: {
        kind: known ? err.kind : 'internal',
        message: known ? err.message : `The analyzer failed unexpectedly (${err && err.message}). This is a bug; the analyzer has been restarted.`,
      },
    });
  }
};
