// Driven by bench/browser.mjs (window.wink.*, through page.evaluate): wink-nlp
// with its English "lite" web model on the inputs article-lens's speed part
// times, in a page of its own so that neither tool's garbage or compiled code
// weighs on the other's figures. wink-nlp ships CommonJS only; bench/browser.mjs
// bundles it with esbuild into target/bench/ before it opens this page.
//
// What one run does is wink-nlp's documented pipeline read out in full:
// `readDoc` (tokens, sentence boundaries, negation, sentiment, part-of-speech
// tags, its pattern entities), then every entity's detail, every sentence and
// every token's part of speech as JavaScript values, as article-lens's run
// ends with its whole result as a JavaScript object. The lite model's
// entities are dates, times, numbers, money, percentages, durations, e-mail
// and web addresses and the like: it names no people, places or
// organisations, so its figures are a floor for a tagger that does, not a
// rival's.
import { winkNLP, model } from '../target/bench/wink-nlp.js';
import { median } from './page-timing.js';

const nlp = winkNLP(model);
const its = nlp.its;

/** One run of the pipeline over `text`, read out; what it found. */
function run(text) {
  const doc = nlp.readDoc(text);
  const entities = doc.entities().out(its.detail);
  const sentences = doc.sentences().out();
  const pos = doc.tokens().out(its.pos);
  return { entities: entities.length, sentences: sentences.length, tokens: pos.length };
}

// As bench/harness.js: each timed pass holds at least this much work, since
// performance.now() has 0.1 ms steps in a page that is not cross-origin isolated.
const PASS_MS = 20;

window.wink = {
  /** Runs on `text` until `ms` have gone by (Chromium's optimising compiler works in the background). */
  warmUp(text, ms) {
    const t0 = performance.now();
    let runs = 0;
    while (performance.now() - t0 < ms) {
      run(text);
      runs++;
    }
    return { ms: performance.now() - t0, runs };
  },
  /**
   * Timed passes over `text`, as bench/harness.js's timed(): one untimed run
   * (what was found), then passes of k runs under one clock reading, at least
   * `minRuns` runs and at least `minMs`; the median ms per run.
   */
  measure(text, { minRuns = 5, minMs = 1000 } = {}) {
    const t0 = performance.now();
    const found = run(text);
    const first = performance.now() - t0;
    const k = Math.max(1, Math.ceil(PASS_MS / Math.max(first, 0.01)));
    const passes = [];
    const start = performance.now();
    while (passes.length * k < minRuns || performance.now() - start < minMs) {
      const t1 = performance.now();
      for (let i = 0; i < k; i++) run(text);
      passes.push((performance.now() - t1) / k);
    }
    return { ms: median(passes), runs: passes.length * k, found };
  },
};
window.winkReady = true;
