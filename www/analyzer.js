// The page's side of the worker: one request at a time, the newest wins.
// Starting a new analysis while one runs ends the old worker (the only way to
// stop wasm mid-run) and starts a fresh one.

export class AnalyzerError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

export class Analyzer {
  #worker = null;
  #pending = null; // { id, resolve, reject }
  #nextId = 1;

  #spawn() {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      // With a request waiting it fails; either way the worker is replaced, so
      // the next request does not go to a dead one.
      this.#fail(new AnalyzerError('load', `The analyzer could not start (${event.message || 'worker error'}).`), true);
    };
    return worker;
  }

  #receive(msg) {
    const p = this.#pending;
    if (!p || msg.id !== p.id) return; // an answer to a request we gave up on
    this.#pending = null;
    if (msg.fatal) this.#restart();
    if (msg.ok) p.resolve({ analysis: msg.analysis, timings: msg.timings, ms: msg.ms });
    else p.reject(new AnalyzerError(msg.error.kind, msg.error.message));
  }

  #fail(error, restart) {
    const p = this.#pending;
    this.#pending = null;
    if (restart) this.#restart();
    if (p) p.reject(error);
    else if (error.kind !== 'aborted') console.error(`article-lens: ${error.message}`);
  }

  #restart() {
    if (this.#worker) this.#worker.terminate();
    this.#worker = null;
  }

  /** Starts the worker (and so the wasm download and compilation) ahead of
   *  the first analysis, so the first paste does not wait for it. */
  warm() {
    if (!this.#worker) this.#worker = this.#spawn();
  }

  /** True while an analysis runs. */
  get busy() {
    return this.#pending !== null;
  }

  /** Analyses `input` (text or HTML); resolves to { analysis, timings, ms }. */
  analyze(input, options = {}) {
    if (this.#pending) this.abort();
    if (!this.#worker) this.#worker = this.#spawn();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending = { id, resolve, reject };
      this.#worker.postMessage({ id, input, options });
    });
  }

  /** Stops the running analysis; its promise rejects with kind "aborted". */
  abort() {
    if (this.#pending) this.#fail(new AnalyzerError('aborted', 'The analysis was stopped.'), true);
  }
}
