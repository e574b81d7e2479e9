// Driven by bench/browser.mjs: window.bench.* are called with page.evaluate.
// The page loads nothing but the wasm module, so cold start and memory are
// the module's own. The wasm's linear memory (`memory.buffer.byteLength`)
// never shrinks: it is the high-water mark of everything analysed in this
// page so far, which is why bench/browser.mjs measures the memory of each
// size in a fresh page.
import init, { analyze, analyzeTimed } from '../www/pkg/article_lens.js';
import { median } from './page-timing.js';

let wasm = null;
const memory = () => (wasm ? wasm.memory.buffer.byteLength : 0);

// Each timed pass holds at least this much work, so that performance.now()'s
// 0.1 ms steps (a page that is not cross-origin isolated) stay under 1 %.
const PASS_MS = 20;

/**
 * Timed passes of `analyzeTimed(text, options)` after `warm` untimed runs:
 * each pass runs it k times (k from the untimed runs, so that a pass lasts
 * about PASS_MS) under one clock reading; at least `minRuns` runs in all and
 * at least `minMs`. The whole analysis is the time around the call (the
 * library's work, its ~12 readings of the clock and building the JavaScript
 * result); the stages are the library's own timings, summed over a pass.
 * With `plain`, each pass is followed by as many runs of plain `analyze`
 * (`plainMs`: their median per run), so that both see the same load.
 * Returns medians per run: { ms, stages, runs, perPass, plainMs, memoryFirst
 * (after the first run), memory (after all) }.
 */
function timed(text, options, { warm = 1, minRuns = 5, minMs = 1000, plain = false } = {}) {
  let first = Infinity;
  let memoryFirst = 0;
  for (let i = 0; i < warm; i++) {
    const t0 = performance.now();
    analyzeTimed(text, options);
    first = Math.min(first, performance.now() - t0);
    if (!i) memoryFirst = memory();
  }
  const k = Math.max(1, Math.ceil(PASS_MS / Math.max(first, 0.01)));
  const passes = [];
  const plainPasses = [];
  const stages = {};
  const start = performance.now();
  while (passes.length * k < minRuns || performance.now() - start < minMs) {
    const sums = {};
    const t0 = performance.now();
    for (let i = 0; i < k; i++) {
      for (const [name, ms] of analyzeTimed(text, options).timings) sums[name] = (sums[name] || 0) + ms;
    }
    passes.push((performance.now() - t0) / k);
    for (const [name, ms] of Object.entries(sums)) (stages[name] ||= []).push(ms / k);
    if (plain) {
      const t1 = performance.now();
      for (let i = 0; i < k; i++) analyze(text, options);
      plainPasses.push((performance.now() - t1) / k);
    }
  }
  return {
    ms: median(passes),
    stages: Object.fromEntries(Object.entries(stages).map(([n, v]) => [n, median(v)])),
    runs: passes.length * k,
    perPass: k,
    plainMs: plain ? median(plainPasses) : undefined,
    memoryFirst,
    memory: memory(),
  };
}

window.bench = {
  /** Cold start: fetch + compile + instantiate the wasm, then the first analysis. */
  async cold(text) {
    const t0 = performance.now();
    wasm = await init();
    const t1 = performance.now();
    analyze(text, {});
    const t2 = performance.now();
    return { load: t1 - t0, first: t2 - t1, total: t2 - t0, memory: memory() };
  },
  /** Loads the module (not timed): the memory it starts with. */
  async load() {
    wasm = await init();
    return memory();
  },
  memory,
  /**
   * Warm-up: analyses `text` in rounds of ROUND_MS, half of each round through
   * `analyze` and half through `analyzeTimed` (with LTO the stages are
   * inlined into each, so each has code of its own to warm up), until a
   * round's time per analysis of both is within 5 % of the round before
   * (Chromium compiles hot code with its optimising compiler in the
   * background, later on a busy machine), at least `minMs` and at most
   * `maxMs`. Returns { ms: the whole time, runs, rounds: [analyze,
   * analyzeTimed] ms per analysis in each round }.
   */
  warmUp(text, minMs = 3000, maxMs = 20000) {
    const ROUND_MS = 500;
    const start = performance.now();
    const rounds = [];
    let runs = 0;
    const round = (fn) => {
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < ROUND_MS / 2) {
        fn(text, {});
        n++;
      }
      runs += n;
      return (performance.now() - t0) / n;
    };
    const near = (a, b) => Math.abs(a / b - 1) <= 0.05;
    for (;;) {
      rounds.push([round(analyze), round(analyzeTimed)]);
      const elapsed = performance.now() - start;
      const [last, before] = [rounds.at(-1), rounds.at(-2)];
      const steady = before && near(last[0], before[0]) && near(last[1], before[1]);
      if ((elapsed >= minMs && steady) || elapsed >= maxMs) return { ms: elapsed, runs, rounds };
    }
  },
  /** Each of `texts` analysed once, in order: the memory after each. */
  memoryAfter(texts, options) {
    return texts.map((t) => {
      analyze(t, options);
      return memory();
    });
  },
  /** Warm time of one input: timed() (analyzeTimed, with its stages). */
  measure: (text, options, limits) => timed(text, options, limits),
};
window.benchReady = true;
