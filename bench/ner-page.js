// Driven by bench/ner.mjs: window.ner.* are called with page.evaluate. The
// documents' texts are handed over once (load); each tool then runs on every
// text: one untimed pass gives the predicted spans, then, after a warm-up,
// timed passes. The
// time is text in, predicted spans out (bench/ner-score.js turns each tool's
// output into spans; scoring happens in Node with the same module).
import init, { analyze, analyzeTimed, version } from '../www/pkg/article_lens.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';
import { articleLensSpans, compromiseSpans } from './ner-score.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Offsets must refer to the text given: analysed as it is, as plain text.
const OPTIONS = { raw: true, kind: 'text' };
let texts = [];

// Warm-up: at least this long before timing. Chromium compiles wasm with a
// baseline compiler first and optimises hot functions in the background, so
// on a busy 2-core machine the first passes over the corpus run 2-4x slower
// than later ones (measured); the same holds for compromise's JavaScript.
const WARM_MS = 3000;
// Timed passes: at least `runs`, and at least this long.
const TIMED_MS = 2000;

/**
 * One untimed pass over every text for the spans, more until WARM_MS have
 * gone by, then timed passes over all the texts (one clock reading around
 * each pass: performance.now() is coarse in a page that is not cross-origin
 * isolated): at least `runs` and at least TIMED_MS. `run(text)` gives
 * { spans, text? }.
 */
function measure(run, runs) {
  const warmStart = performance.now();
  const spans = [];
  const errors = [];
  let textChanged = 0;
  texts.forEach((t, i) => {
    try {
      const r = run(t);
      spans.push(r.spans);
      if (r.text !== undefined && r.text !== t) textChanged++;
    } catch (e) {
      spans.push([]);
      errors.push(`document ${i}: ${String((e && e.message) || e)}`);
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
  return { spans, errors, textChanged, ms: median(passes), passes: passes.length };
}

window.ner = {
  load(t) {
    texts = t;
    return t.length;
  },
  versions: () => ({ articleLens: version(), compromise: nlp.version }),
  articleLens: (runs) =>
    measure((t) => {
      const a = analyze(t, OPTIONS);
      return { spans: articleLensSpans(a), text: a.text };
    }, runs),
  compromise: (runs) => measure((t) => ({ spans: compromiseSpans(nlp(t)) }), runs),
  /**
   * The library's own stage times from `analyzeTimed`, summed over the
   * documents, median of the passes (at least `runs` and TIMED_MS, after
   * one): { stage: ms }. Run after articleLens(), which warmed the module up. performance.now() is
   * coarse in a page that is not cross-origin isolated (0.1 ms), so a stage
   * far below that per document is only roughly measured.
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
window.nerReady = true;
