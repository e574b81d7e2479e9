// The timing of the benchmark pages that set two tools side by side
// (bench/ner-page.js, bench/quotes-page.js, through comparisonPage();
// bench/extract-page.js and bench/harness.js take `median`): each tool runs
// on every text of a corpus handed over once, one untimed pass for its
// output, then, after a warm-up, timed passes over all the texts.

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm-up: at least this long before timing. Chromium compiles wasm with a
// baseline compiler first and optimises hot functions in the background, so
// on a busy 2-core machine the first passes over the corpus run 2-4x slower
// than later ones (measured); the same holds for compromise's JavaScript.
export const WARM_MS = 3000;
// Timed passes: at least `runs`, and at least this long.
export const TIMED_MS = 2000;

/**
 * One untimed pass over every text for the output, more until WARM_MS have
 * gone by, then timed passes over all the texts (one clock reading around
 * each pass: performance.now() is coarse in a page that is not cross-origin
 * isolated): at least `runs` and at least TIMED_MS. `run(text)` gives
 * { text?, ...output }: `text`, the tool's own text, is checked against the
 * input (its offsets must refer to it); the rest is kept. Returns
 * { outputs, errors, textChanged, ms, passes }: `outputs[i]` is what
 * `run(texts[i])` kept on the first pass, null where it threw (the error is
 * in `errors`, named `${unit} ${i}`); `ms` is the median of the timed passes.
 */
export function measure(texts, run, runs, unit) {
  const warmStart = performance.now();
  const outputs = [];
  const errors = [];
  let textChanged = 0;
  texts.forEach((t, i) => {
    try {
      const { text, ...output } = run(t);
      outputs.push(output);
      if (text !== undefined && text !== t) textChanged++;
    } catch (e) {
      outputs.push(null);
      errors.push(`${unit} ${i}: ${String((e && e.message) || e)}`);
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
  return { outputs, errors, textChanged, ms: median(passes), passes: passes.length };
}

/**
 * The library's own stage times, `timings(text)` giving [[stage, ms], …]
 * (`analyzeTimed(text, options).timings`), summed over the texts, median of
 * the passes (at least `runs` and TIMED_MS, after one): { stage: ms }. Run
 * after the tool's measure(), which warmed the module up; a text that throws
 * is counted there. performance.now() is coarse in a page that is not
 * cross-origin isolated (0.1 ms), so a stage far below that per text is only
 * roughly measured.
 */
export function stageMedians(texts, timings, runs) {
  const passes = [];
  const start = performance.now();
  for (let k = 0; k <= runs || performance.now() - start < TIMED_MS; k++) {
    const sums = {};
    for (const t of texts) {
      try {
        for (const [name, ms] of timings(t)) sums[name] = (sums[name] || 0) + ms;
      } catch {
        // Counted by the tool's measure().
      }
    }
    if (k) passes.push(sums); // the first pass warms up
  }
  const names = [...new Set(passes.flatMap((p) => Object.keys(p)))];
  return Object.fromEntries(names.map((n) => [n, median(passes.map((p) => p[n] ?? 0))]));
}

/**
 * The page side of bench/chromium-run.mjs's compareInChromium(): sets
 * window[name] (call it once the wasm module is initialised; it then sets
 * window[`${name}Ready`]) with
 * - load(texts): the corpus, handed over once;
 * - versions(): `versions()`, the tools' versions;
 * - articleLens(runs), compromise(runs): measure() over the texts, named
 *   `unit` in errors, of `tools.articleLens(text)` / `tools.compromise(text)`,
 *   its outputs turned into what Node gets by `collect(result)`;
 * - stages(runs): stageMedians() of `timings(text)`, run after articleLens(),
 *   which warmed the module up.
 */
export function comparisonPage(name, { unit, versions, tools, collect, timings }) {
  let texts = [];
  window[name] = {
    load(t) {
      texts = t;
      return t.length;
    },
    versions,
    articleLens: (runs) => collect(measure(texts, tools.articleLens, runs, unit)),
    compromise: (runs) => collect(measure(texts, tools.compromise, runs, unit)),
    stages: (runs) => stageMedians(texts, timings, runs),
  };
  window[`${name}Ready`] = true;
}
