// article-lens for other sites: one module, included with one tag,
//
//   <script type="module" src="/some/folder/article-lens.js"></script>
//   <article-lens date="2024-02-27">Headline\n\nThe article's text…</article-lens>
//
// with worker.js, analyzer.js, lens-view.js and pkg/ beside it (every file is
// found relative to this module's own address, so the folder and the page's
// path do not matter). It gives:
//
// - the <article-lens> element: a compact reading view of an article in its
//   own shadow DOM (the page's styles do not reach in, its own do not leak
//   out). Attributes: `text` or `html` (else the element's own text), `date`,
//   `layers`, `summary-sentences`. Events: `analysis` and `analysis-error`.
// - analyze(input, options): the analysis only, as a promise.
//
// Every element and every analyze() call on a page share one worker. The
// types are in article-lens.d.ts; the element's view is lens-view.js.
import { Analyzer, AnalyzerError } from './analyzer.js';
import { LAYERS, mount, stylesheet } from './lens-view.js';

export { AnalyzerError, LAYERS };

let analyzer = null;
let queue = Promise.resolve();

/** Runs one analysis on the shared worker, after those already asked for.
 *  Analyzer keeps one request at a time and a new one stops the running one
 *  (right for the page's single text box, wrong for several elements), so
 *  requests wait their turn here. `wanted()` is asked when the turn comes: a
 *  request its element has replaced meanwhile is skipped. */
function enqueue(input, options, wanted = () => true) {
  const turn = queue.then(() => {
    if (!wanted()) throw new AnalyzerError('aborted', 'A newer analysis replaced this one.');
    analyzer ??= new Analyzer();
    return analyzer.analyze(input, options);
  });
  queue = turn.catch(() => {}); // one failure does not stop the queue
  return turn;
}

/**
 * Analyses an article (text or HTML) in the shared worker and resolves to the
 * analysis (format 1, docs/FORMAT.md). Options are the library's: date, kind,
 * raw, keep, max_input_bytes, summary_sentences. Rejects with an
 * AnalyzerError whose `kind` says why (empty, too_large, binary,
 * invalid_option, load, internal).
 */
export async function analyze(input, options = {}) {
  if (typeof input !== 'string') throw new TypeError('analyze() takes the article as a string of text or HTML.');
  const { analysis } = await enqueue(input, options ?? {});
  return analysis;
}

/** Removes the indentation the page's source gives an element's text (the
 *  lines of a paragraph written inside <article-lens> are indented like the
 *  markup around them), and the blank lines around it. */
function dedent(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export class ArticleLens extends HTMLElement {
  static observedAttributes = ['text', 'html', 'date', 'layers', 'summary-sentences'];

  #view;
  #analysis = null;
  #ms = 0;
  /** The request the shown analysis answers: moving the element in the page
   *  (disconnected, connected again) does not analyse the same text again. */
  #shownKey = null;
  /** Bumped by every request; an answer to an older one is dropped. */
  #generation = 0;
  #scheduled = false;
  /** Watches the element's own text, which is the input when neither
   *  `text` nor `html` is set. */
  #content = new MutationObserver(() => {
    if (!this.hasAttribute('text') && !this.hasAttribute('html')) this.#schedule();
  });

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [stylesheet()];
    this.#view = mount(root);
  }

  /** The last analysis shown, or null. */
  get analysis() {
    return this.#analysis;
  }

  /** The layers the `layers` attribute chooses (all when it is absent). */
  get layers() {
    const value = this.getAttribute('layers');
    if (value === null) return new Set(LAYERS);
    const names = value.split(/\s+/).filter(Boolean);
    const unknown = names.filter((n) => !LAYERS.includes(n));
    if (unknown.length) console.warn(`<article-lens>: unknown layers ${unknown.join(', ')}; known: ${LAYERS.join(' ')}.`);
    return new Set(names.filter((n) => LAYERS.includes(n)));
  }

  connectedCallback() {
    this.#content.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#content.disconnect();
    this.#generation++; // an analysis still running is no longer wanted
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    // Layers change what is drawn, not the analysis: draw it again.
    if (name === 'layers') {
      if (this.#analysis) this.#view.show(this.#analysis, this.layers, this.#ms);
      return;
    }
    this.#schedule();
  }

  /** Several attributes set in one go (text and date) give one analysis. */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#run();
    });
  }

  /** What to analyse and how, from the attributes; null when the element
   *  has nothing at all (its text may come later: the observer is waiting). */
  #request() {
    let input;
    let kind = 'text';
    if (this.hasAttribute('html')) {
      input = this.getAttribute('html');
      kind = 'html';
    } else if (this.hasAttribute('text')) {
      input = this.getAttribute('text');
    } else {
      input = dedent(this.textContent);
      if (!input) return null;
    }
    const options = { kind };
    const date = this.getAttribute('date');
    if (date) options.date = date.trim();
    const sentences = this.getAttribute('summary-sentences');
    if (sentences !== null && sentences.trim() !== '') {
      if (!/^\s*\d+\s*$/.test(sentences)) {
        throw new AnalyzerError('invalid_option', `summary-sentences must be a whole number from 0 to 10, not “${sentences}”.`);
      }
      options.summary_sentences = Number(sentences);
    }
    return { input, options };
  }

  async #run() {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    let request;
    try {
      request = this.#request();
    } catch (err) {
      this.#failed(err);
      return;
    }
    if (!request) {
      this.#analysis = null;
      this.#shownKey = null;
      this.#view.clear();
      return;
    }
    const key = JSON.stringify(request);
    if (this.#analysis && key === this.#shownKey) return;
    this.#view.busy();
    try {
      const { analysis, ms } = await enqueue(request.input, request.options, current);
      if (!current()) return;
      this.#analysis = analysis;
      this.#shownKey = key;
      this.#ms = ms;
      this.#view.show(analysis, this.layers, ms);
      this.dispatchEvent(new CustomEvent('analysis', { detail: { analysis, ms }, bubbles: true, composed: true }));
    } catch (err) {
      if (current() && err.kind !== 'aborted') this.#failed(err);
    }
  }

  #failed(err) {
    const kind = typeof err.kind === 'string' ? err.kind : 'internal';
    const message = err.message || String(err);
    this.#analysis = null;
    this.#shownKey = null;
    this.#view.fail(message);
    this.dispatchEvent(new CustomEvent('analysis-error', { detail: { kind, message }, bubbles: true, composed: true }));
  }
}

// The module may be imported twice (by two addresses); the name is defined once.
if (!customElements.get('article-lens')) customElements.define('article-lens', ArticleLens);
