// Driven by bench/browser.mjs: window.bench.* are called with page.evaluate.
import init, { analyzeTimed } from '../www/pkg/article_lens.js';
import { median } from './page-timing.js';

window.bench = {
  /** Cold start: fetch + compile + instantiate the wasm, then the first analysis. */
  async cold(text) {
    const t0 = performance.now();
    await init();
    const t1 = performance.now();
    analyzeTimed(text, {});
    const t2 = performance.now();
    return { load: t1 - t0, first: t2 - t1, total: t2 - t0 };
  },
  /** Warm runs of one input for at least `seconds`: median per stage and total. */
  warm(text, seconds, minRuns) {
    for (let i = 0; i < 3; i++) analyzeTimed(text, {});
    const stages = {};
    const totals = [];
    const start = performance.now();
    while (performance.now() - start < seconds * 1000 || totals.length < minRuns) {
      const t0 = performance.now();
      const { timings } = analyzeTimed(text, {});
      totals.push(performance.now() - t0);
      for (const [name, ms] of timings) (stages[name] ||= []).push(ms);
    }
    return {
      runs: totals.length,
      total: median(totals),
      stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)])),
    };
  },
};
window.benchReady = true;
