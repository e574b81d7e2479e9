// Driven by bench/time.mjs: window.time.* are called with page.evaluate. The
// documents, each its text and its reference date (the DCT), are handed over
// once (load); each tool then runs on every document: one untimed pass gives
// the predicted time expressions, then, after a warm-up, timed passes
// (bench/page-timing.js's measure(), over the documents' indexes, since each
// tool needs the date beside the text). The time is text and date in,
// predicted spans out (bench/time-score.js turns each tool's output into
// spans; scoring happens in Node with the same module).
import init, { analyze, analyzeTimed, version } from '../www/pkg/article_lens.js';
import * as chrono from '../node_modules/chrono-node/dist/esm/index.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';
import datesPlugin from '../node_modules/compromise-dates/builds/compromise-dates.mjs';
import { articleLensTimes, chronoTimes, compromiseTimes } from './time-score.js';
import { measure, stageMedians } from './page-timing.js';

nlp.plugin(datesPlugin);

// Offsets must refer to the text given: analysed as it is, as plain text,
// relative expressions resolved against the document's date.
const options = (date) => ({ raw: true, kind: 'text', date });
// chrono's reference: noon of that day in the page's time zone, the zone in
// which chrono reads and gives its calendar values.
const chronoReference = (date) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};
// compromise-dates' context: the day, in UTC (its values are read as written).
const compromiseContext = (date) => ({ today: date, timezone: 'UTC' });

await init();
let docs = [];
const indexes = () => docs.map((_, i) => i);

// Each takes a document's index; `changed`: article-lens's text differed from
// the input (raw mode should keep it); `failures`: compromise-dates' dates
// that threw and were left out (bench/time-score.js, compromiseTimes()).
const tools = {
  articleLens(i) {
    const a = analyze(docs[i].text, options(docs[i].date));
    return { times: articleLensTimes(a), changed: a.text !== docs[i].text };
  },
  chrono: (i) => ({ times: chronoTimes(chrono.casual.parse(docs[i].text, chronoReference(docs[i].date))) }),
  compromise(i) {
    const failures = [];
    return { times: compromiseTimes(nlp(docs[i].text), compromiseContext(docs[i].date), failures), failures };
  },
};

// Node gets { times, textChanged, failures, errors, ms, passes }.
const collect = ({ outputs, ...rest }) => ({
  ...rest,
  times: outputs.map((o) => (o ? o.times : [])),
  textChanged: outputs.filter((o) => o && o.changed).length,
  failures: outputs.flatMap((o, i) => ((o && o.failures) || []).map((f) => ({ document: i, ...f }))),
});

window.time = {
  load(d) {
    docs = d;
    return d.length;
  },
  versions: () => ({ articleLens: version(), compromise: nlp.version, compromiseDates: datesPlugin.version }),
  run: (tool, runs) => collect(measure(indexes(), tools[tool], runs, 'document')),
  // Run after articleLens, which warmed the module up.
  stages: (runs) => stageMedians(indexes(), (i) => analyzeTimed(docs[i].text, options(docs[i].date)).timings, runs),
};
window.timeReady = true;
