// Driven by bench/browser.mjs: window.compare.* are called with page.evaluate.
// The speed of article-lens beside other tools on the same inputs in one page:
//
// - extraction: one HTML page at a time, handed over once (load); article-lens
//   `analyze(html, {kind: 'html'})` (the whole analysis), `analyzeTimed` for
//   its `input` stage (parsing, main content, metadata, cleanup: what
//   Readability.js does), and Readability.js (`DOMParser.parseFromString` +
//   `new Readability(doc).parse()`), the three in turn in each round, so that
//   a change of load on the machine falls on all three alike;
// - nlp: texts handed over once; article-lens `analyzeTimed(text, {kind:
//   'text'})` (the whole analysis and its stages) and compromise with
//   compromise-dates (`nlp(text)`, then people(), places(), organizations(),
//   dates(), quotations(), each as `.json({offset: true})`), in alternating
//   passes over all the texts.
import init, { analyze, analyzeTimed, version } from '../www/pkg/article_lens.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';
import datesPlugin from '../node_modules/compromise-dates/builds/compromise-dates.mjs';
import { median } from './page-timing.js';

nlp.plugin(datesPlugin);

const HTML = { kind: 'html' };
const TEXT = { kind: 'text' };
let html = '';

const tools = {
  articleLens: () => analyze(html, HTML),
  input: () => analyzeTimed(html, HTML).timings.find(([name]) => name === 'input')[1],
  readability: () => new Readability(new DOMParser().parseFromString(html, 'text/html')).parse(),
};

/** `fn()`, or the error's message as { error }. */
function attempt(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: String((e && e.message) || e) };
  }
}

window.compare = {
  load(h) {
    html = h;
    return h.length;
  },
  /**
   * The loaded page: one untimed run of each tool, then `runs` rounds of the
   * three in turn; medians in ms, { al, input, rd, alError, rdError, rdNull }.
   */
  extractPage(runs) {
    const out = {};
    const al = attempt(tools.articleLens);
    const rd = attempt(tools.readability);
    if (al.error) out.alError = al.error;
    if (rd.error) out.rdError = rd.error;
    if (!rd.error && !rd.value) out.rdNull = true;
    const times = { al: [], input: [], rd: [] };
    for (let i = 0; i < runs; i++) {
      if (!al.error) {
        const t0 = performance.now();
        attempt(tools.articleLens);
        times.al.push(performance.now() - t0);
        const s = attempt(tools.input);
        if (s.value !== undefined) times.input.push(s.value);
      }
      if (!rd.error) {
        const t0 = performance.now();
        attempt(tools.readability);
        times.rd.push(performance.now() - t0);
      }
    }
    for (const k of Object.keys(times)) out[k] = times[k].length ? median(times[k]) : null;
    return out;
  },
  /** Both tools on the pages `htmls`, again and again for `ms` (warm-up: Chromium optimises hot code in the background). */
  warmUp(htmls, ms) {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < ms) {
      for (const h of htmls) {
        html = h;
        attempt(tools.articleLens);
        attempt(tools.input);
        attempt(tools.readability);
        n++;
      }
    }
    return n;
  },
};

/** compromise-dates' dates as data; a date that throws is left out (`failures`), as bench/time-score.js does. */
function compromiseDates(doc, failures) {
  const dates = doc.dates();
  try {
    return dates.json({ offset: true });
  } catch {
    const found = [];
    dates.forEach((m) => {
      try {
        found.push(...m.dates().json({ offset: true }));
      } catch {
        failures.n++;
      }
    });
    return found;
  }
}

const nlpTools = {
  articleLens(t) {
    const a = analyze(t, TEXT);
    return { entities: a.entities.length, quotes: a.quotes.length, times: a.times.length };
  },
  compromise(t) {
    const doc = nlp(t);
    const failures = { n: 0 };
    const json = (view) => view.json({ offset: true });
    const entities = json(doc.people()).length + json(doc.places()).length + json(doc.organizations()).length;
    const times = compromiseDates(doc, failures).length;
    const quotes = json(doc.quotations()).length;
    return { entities, quotes, times, dateFailures: failures.n };
  },
};

let texts = [];

/** One pass of `fn` over the texts, errors kept out: its time in ms. */
function pass(fn) {
  const t0 = performance.now();
  for (const t of texts) attempt(() => fn(t));
  return performance.now() - t0;
}

window.nlp = {
  load(t) {
    texts = t;
    return t.length;
  },
  versions: () => ({ articleLens: version(), compromise: nlp.version, compromiseDates: datesPlugin.version }),
  /**
   * Both tools over all the texts, interleaved so that a change of load on
   * the machine falls on both alike: one untimed pass of each for what they
   * find; article-lens's passes (`analyze` and `analyzeTimed` in turn) until
   * `warmMs` and one more of compromise (warm-up); then `rounds` rounds, each
   * a pass of article-lens through `analyzeTimed` (the wall time around each
   * call is the whole analysis; its stages summed over the texts) and a pass
   * of compromise. Medians of the rounds: { al: { ms, found, errors }, stages,
   * cp: { ms, found, errors }, rounds: [[al ms, stage sums, cp ms], …] }.
   */
  run(rounds, warmMs) {
    const first = (fn) => {
      const found = {};
      const errors = [];
      texts.forEach((t, i) => {
        const r = attempt(() => fn(t));
        if (r.error) errors.push(`text ${i}: ${r.error}`);
        else for (const [k, v] of Object.entries(r.value)) found[k] = (found[k] || 0) + v;
      });
      return { found, errors };
    };
    const al = first(nlpTools.articleLens);
    const cp = first(nlpTools.compromise);
    const start = performance.now();
    while (performance.now() - start < warmMs) {
      pass(nlpTools.articleLens);
      pass((t) => analyzeTimed(t, TEXT));
    }
    pass(nlpTools.compromise);
    const log = [];
    for (let r = 0; r < rounds; r++) {
      const sums = {};
      let ms = 0;
      for (const t of texts) {
        const t0 = performance.now();
        const res = attempt(() => analyzeTimed(t, TEXT));
        ms += performance.now() - t0;
        if (res.value) for (const [name, v] of res.value.timings) sums[name] = (sums[name] || 0) + v;
      }
      log.push([ms, sums, pass(nlpTools.compromise)]);
    }
    const names = Object.keys(log[0][1]);
    return {
      al: { ...al, ms: median(log.map((l) => l[0])) },
      stages: Object.fromEntries(names.map((n) => [n, median(log.map((l) => l[1][n] ?? 0))])),
      cp: { ...cp, ms: median(log.map((l) => l[2])) },
      rounds: log,
    };
  },
};

await init();
window.nlpReady = true;
