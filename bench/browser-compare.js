// Driven by bench/browser.mjs: window.compare.* are called with page.evaluate.
// The speed of article-lens beside other tools on the same inputs in one page:
//
// - extraction: one HTML page at a time, handed over once (load); article-lens
//   `analyze(html, {kind: 'html'})` (the whole analysis), `analyzeTimed` for
//   its `input` stage (parsing, main content, metadata, cleanup: what
//   Readability.js does), and Readability.js (`DOMParser.parseFromString` +
//   `new Readability(doc).parse()`), the three in turn in each round, so that
//   a change of load on the machine falls on all three alike;
// - nlp: texts handed over once; article-lens `analyze(text, {kind: 'text'})`
//   and its stages, and compromise with compromise-dates (`nlp(text)`, then
//   people(), places(), organizations(), dates(), quotations(), each as
//   `.json({offset: true})`), through bench/page-timing.js's comparisonPage().
import init, { analyze, analyzeTimed, version } from '../www/pkg/article_lens.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';
import datesPlugin from '../node_modules/compromise-dates/builds/compromise-dates.mjs';
import { median, comparisonPage } from './page-timing.js';

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

await init();
comparisonPage('nlp', {
  unit: 'text',
  versions: () => ({ articleLens: version(), compromise: nlp.version, compromiseDates: datesPlugin.version }),
  tools: {
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
  },
  // Node gets { found: { entities, quotes, times, dateFailures } summed, errors, ms, passes }.
  collect: ({ outputs, textChanged, ...rest }) => {
    const found = {};
    for (const o of outputs) for (const [k, v] of Object.entries(o || {})) found[k] = (found[k] || 0) + v;
    return { found, ...rest };
  },
  timings: (t) => analyzeTimed(t, TEXT).timings,
});
