// Driven by bench/quotes.mjs: window.quotes.* are called with page.evaluate.
// The articles' texts are handed over once (load); each tool then runs on
// every text: one untimed pass gives the predicted quotes, then, after a
// warm-up, timed passes. The time is text in, predicted quotes out
// (bench/quotes-score.js turns each tool's output into quotes; scoring
// happens in Node with the same module).
import init, { analyze, analyzeTimed, version } from '../www/pkg/article_lens.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';
import { articleLensQuotes, compromiseQuotes } from './quotes-score.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Offsets must refer to the text given: analysed as it is, as plain text.
const OPTIONS = { raw: true, kind: 'text' };
let texts = [];

// Warm-up: at least this long before timing (Chromium optimises hot wasm and
// JavaScript in the background; see bench/ner-page.js).
const WARM_MS = 3000;
// Timed passes: at least `runs`, and at least this long.
const TIMED_MS = 2000;

/**
 * One untimed pass over every text for the quotes, more until WARM_MS have
 * gone by, then timed passes over all the texts (one clock reading around
 * each pass): at least `runs` and at least TIMED_MS. `run(text)` gives
 * { quotes, text?, scare? } (scare: how many scare quotes, which are not scored).
 */
function measure(run, runs) {
  const warmStart = performance.now();
  const quotes = [];
  const errors = [];
  let textChanged = 0;
  let scare = 0;
  texts.forEach((t, i) => {
    try {
      const r = run(t);
      quotes.push(r.quotes);
      if (r.text !== undefined && r.text !== t) textChanged++;
      scare += r.scare || 0;
    } catch (e) {
      quotes.push([]);
      errors.push(`article ${i}: ${String((e && e.message) || e)}`);
    }
  });
  const pass = () => {
    for (const t of texts) {
      try {
        run(t);
      } catch {
        // Counted in the first pass; the time is still the time spent.
      }
    }
  };
  while (performance.now() - warmStart < WARM_MS) pass();
  const passes = [];
  const timedStart = performance.now();
  while (passes.length < runs || performance.now() - timedStart < TIMED_MS) {
    const t0 = performance.now();
    pass();
    passes.push(performance.now() - t0);
  }
  return { quotes, errors, textChanged, scare, ms: median(passes), passes: passes.length };
}

window.quotes = {
  load(t) {
    texts = t;
    return t.length;
  },
  versions: () => ({ articleLens: version(), compromise: nlp.version }),
  articleLens: (runs) =>
    measure((t) => {
      const a = analyze(t, OPTIONS);
      return { quotes: articleLensQuotes(a), text: a.text, scare: (a.quotes || []).filter((q) => q.kind === 'scare').length };
    }, runs),
  compromise: (runs) => measure((t) => ({ quotes: compromiseQuotes(nlp(t)) }), runs),
  /**
   * The library's own stage times from `analyzeTimed`, summed over the
   * articles, median of the passes (at least `runs` and TIMED_MS, after
   * one): { stage: ms }. Run after articleLens(), which warmed the module up.
   */
  stages(runs) {
    const passes = [];
    const start = performance.now();
    for (let k = 0; k <= runs || performance.now() - start < TIMED_MS; k++) {
      const sums = {};
      for (const t of texts) {
        try {
          for (const [name, ms] of analyzeTimed(t, OPTIONS).timings) sums[name] = (sums[name] || 0) + ms;
        } catch {
          // Counted by articleLens().
        }
      }
      if (k) passes.push(sums); // the first pass warms up
    }
    const names = [...new Set(passes.flatMap((p) => Object.keys(p)))];
    return Object.fromEntries(names.map((n) => [n, median(passes.map((p) => p[n] ?? 0))]));
  },
};

await init();
window.quotesReady = true;
