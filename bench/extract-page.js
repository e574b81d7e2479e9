// Driven by bench/extract.mjs: window.extract.* are called with page.evaluate.
// The page's HTML is handed over once (load), then each tool runs on that same
// string; the timed part is only the tool's own work.
import init, { analyze } from '../www/pkg/article_lens.js';
import { median } from './page-timing.js';

const OPTIONS = { kind: 'html' };
let html = '';

/** Runs `fn` once for the result (not timed: it warms up), then `runs` timed times. */
function measure(fn, runs) {
  let result;
  try {
    result = fn();
  } catch (e) {
    return { error: String((e && e.message) || e) };
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    try {
      fn();
    } catch {
      // The first run succeeded; a later failure would be nondeterminism, and
      // the time is still the time spent.
    }
    times.push(performance.now() - t0);
  }
  return { result, ms: runs ? median(times) : null };
}

function articleLens() {
  const a = analyze(html, OPTIONS);
  const m = a.meta || {};
  return {
    text: a.text ?? '',
    meta: {
      title: m.title ?? null,
      byline: m.byline ?? null,
      authors: Array.isArray(m.authors) ? m.authors : [],
      published: m.published ?? null,
      site: m.site ?? null,
      lang: m.lang ?? null,
    },
  };
}

function readability() {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const r = new Readability(doc).parse();
  if (!r) return { text: '', meta: {}, null: true };
  return {
    text: r.textContent ?? '',
    meta: {
      title: r.title ?? null,
      byline: r.byline ?? null,
      lang: r.lang ?? null,
      siteName: r.siteName ?? null,
      publishedTime: r.publishedTime ?? null,
    },
  };
}

window.extract = {
  load(h) {
    html = h;
    return h.length;
  },
  articleLens: (runs) => measure(articleLens, runs),
  readability: (runs) => measure(readability, runs),
  /** The text of an expected-output HTML fragment: `body.textContent`. */
  truth(h) {
    return new DOMParser().parseFromString(h, 'text/html').body?.textContent ?? '';
  },
};

await init();
window.extractReady = true;
