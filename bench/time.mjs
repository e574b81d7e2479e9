// Time expressions side by side in Debian's Chromium: article-lens (the wasm
// module, `analyze(text, {raw: true, kind: 'text', date: DCT})`, its `times`),
// chrono-node (`chrono.casual.parse(text, reference)`) and compromise with
// compromise-dates (`nlp(text).dates({today: DCT})`, `durations()`,
// `times()`), on the same documents, scored by the same code
// (bench/time-score.js, which the page imports too):
//
// - TimeBank and AQUAINT as cleaned for TempEval-3 (`time/tbaq`: TimeBank/*.tml
//   and AQUAINT/*.tml, TimeML), each document's TEXT, tags removed, analysed
//   against its creation date (the date part of its DCT);
// - relaxed and strict span precision / recall / F1 and value F1 (the
//   TempEval-3 measures), type accuracy, by the rules of time-score.js
//   (SCORING), which the report prints; HeidelTime's TempEval-3 scores and the
//   targets of issue 6 beside them;
// - documents per second: the corpus over the median time of the timed passes
//   over all documents (text and date in, spans out), and for article-lens
//   also over its "times" stage alone (`analyzeTimed`), once it has one.
//
// The same scoring natively, for the quick loop, is bench/time.rs. Prints a
// Markdown table and saves it to bench/results/time.md; article-lens's misses
// (gold expressions not found, false positives, wrong values, each with its
// document) go to bench/results/time-misses.json (not committed: it quotes
// the corpus).
//   node bench/time.mjs [CORPUS_DIR] [--runs N]
//   (default ../shared/corpus; each tool: one untimed pass for the spans,
//   passes until 3 s have gone by to warm up, then timed passes, at least N
//   (default 3) and at least 2 s; the median counts)
import fs from 'node:fs';
import path from 'node:path';
import { flag, corpus, requireCorpus } from './args.mjs';
import { countConsoleErrors, sayComparisonNotes, withTimeout } from './chromium-run.mjs';
import { report, saveResult, f3 } from './report.mjs';
import { SCORING, parseTimeML, selfCheck, scoreAll, measures } from './time-score.js';
import { launch, root } from '../tests/e2e/helpers.mjs';
import { start } from '../scripts/serve.mjs';

const RUNS = Number(flag('--runs', 3));
// compromise takes seconds per pass over the 256 documents.
const TIMEOUT_MS = 600_000;
const SUBCORPORA = ['TimeBank', 'AQUAINT'];
const TOOLS = [
  ['al', 'articleLens', 'article-lens'],
  ['ch', 'chrono', 'chrono-node'],
  ['cp', 'compromise', 'compromise-dates'],
];
// The best TempEval-3 system (task A, its test set of 20 documents; the issue's figures).
const HEIDELTIME = { relaxed: 0.903, strict: 0.813, value: 0.776 };
const TARGETS = { relaxed: '≥ 0.92', strict: '≥ 0.85', value: '≥ 0.82' };

const dir = path.join(corpus, 'time/tbaq');
requireCorpus(dir, ...SUBCORPORA.map((s) => path.join(dir, s)));

const docs = [];
for (const sub of SUBCORPORA)
  for (const file of fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.tml')).sort())
    docs.push({ sub, file, ...parseTimeML(fs.readFileSync(path.join(dir, sub, file), 'utf8'), file) });
selfCheck(docs); // every gold span's text is the markup's; the gold scores 1.0
const nGold = docs.reduce((n, d) => n + d.gold.length, 0);
const nChars = docs.reduce((n, d) => n + d.text.length, 0);
const goldTypes = {};
for (const d of docs) for (const g of d.gold) goldTypes[g.type] = (goldTypes[g.type] || 0) + 1;
const withTime = docs.filter((d) => d.dctValue.length > 10).length;
const npmVersion = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------- the run

const started = Date.now();
const { server, url } = await start({ root, port: 0 });
const browser = await launch();
const version = browser.version();
const consoleErrors = new Map();
const run = {};
let versions;
let stages;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  countConsoleErrors(page, consoleErrors);
  await page.goto(url + 'bench/time.html');
  await page.waitForFunction(() => window.timeReady, null, { timeout: 30_000 });
  const evaluate = (fn, arg, what) => withTimeout(page.evaluate(fn, arg), TIMEOUT_MS, what);
  await evaluate((d) => window.time.load(d), docs.map((d) => ({ text: d.text, date: d.dct })), 'load');
  versions = await evaluate(() => window.time.versions(), null, 'versions');
  console.error(`  ${docs.length} documents, ${nChars} characters:`);
  for (const [key, tool, name] of TOOLS) {
    console.error(`  ${name}…`);
    run[key] = await evaluate(([t, r]) => window.time.run(t, r), [tool, RUNS], name);
    if (key === 'al') stages = await evaluate((r) => window.time.stages(r), RUNS, 'article-lens stages');
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
const seconds = (Date.now() - started) / 1000;

// ---------------------------------------------------------------- report

const scores = Object.fromEntries(TOOLS.map(([k]) => [k, scoreAll(docs, run[k].times)]));
const m = Object.fromEntries(TOOLS.map(([k]) => [k, measures(scores[k].total)]));
const rep = report();
const { say, save } = rep;
const row = (metric, cells, heidel = '', target = '') => say(`| ${metric} | ${cells.join(' | ')} | ${heidel} | ${target} |`);
const each = (f) => TOOLS.map(([k]) => f(k));

say(
  `Chromium ${version}, article-lens ${versions.articleLens}, chrono-node ${npmVersion('chrono-node')}, compromise ${versions.compromise} with compromise-dates ${versions.compromiseDates}, ${new Date().toISOString().slice(0, 10)}: TimeBank + AQUAINT (TempEval-3's TBAQ-cleaned), ${docs.length} documents (${SUBCORPORA.map((s) => `${s} ${docs.filter((d) => d.sub === s).length}`).join(', ')}), ${nChars.toLocaleString('en-US')} characters of TEXT; gold: ${nGold} TIMEX3 (${Object.entries(goldTypes).map(([t, n]) => `${t} ${n}`).join(', ')}); each document normalised against the date of its DCT (${withTime} DCTs carry a time, cut to the date); timed passes over all documents after 3 s of warm-up: ${TOOLS.map(([k, , n]) => `${n} ${run[k].passes}`).join(', ')}; run took ${seconds.toFixed(0)} s. Targets from issue 6.`,
);
say();
say(`| measure | ${TOOLS.map(([, , n]) => n).join(' | ')} | HeidelTime (TempEval-3) | target |`);
say(`|---|${TOOLS.map(() => '---:|').join('')}---:|---:|`);
const names = { p: 'precision', r: 'recall', f: 'F1' };
for (const [measure, label] of [
  ['relaxed', 'relaxed span'],
  ['strict', 'strict span'],
  ['value', 'value'],
])
  for (const k of ['p', 'r', 'f']) {
    const hit = (key) => scores[key].total[measure];
    const of = (key) => (k === 'p' ? scores[key].total.predicted : scores[key].total.gold);
    const cells = each((key) => (k === 'f' ? `**${f3(m[key][measure].f)}**` : `${f3(m[key][measure][k])} (${hit(key)}/${of(key)})`));
    row(k === 'f' ? `**${label} F1**` : `${label} ${names[k]}`, cells, k === 'f' ? HEIDELTIME[measure].toFixed(3) : '–', k === 'f' ? TARGETS[measure] : '');
  }
row('type accuracy (relaxed matches)', each((key) => `${f3(m[key].type)} (${scores[key].total.type}/${scores[key].total.relaxed})`), '–');
row('documents/s (text and date in, spans out)', each((key) => (docs.length / (run[key].ms / 1000)).toFixed(1)), '–');
const timesStage = stages.times;
row('documents/s, "times" stage alone', [timesStage === undefined ? '– (no such stage yet)' : (docs.length / (timesStage / 1000)).toFixed(1), '–', '–'], '–');
row(`ms for all ${docs.length} documents (median of the passes)`, each((key) => run[key].ms.toFixed(1)), '–');
const kinds = (key) => {
  const n = {};
  for (const ts of run[key].times) for (const t of ts) n[t.type] = (n[t.type] || 0) + 1;
  return Object.entries(n).map(([t, c]) => `${t} ${c}`).join(', ') || 'none';
};
row('predicted spans by type', each(kinds), '–');
row('documents on which the tool threw', each((key) => run[key].errors.length), '–');
say();
// Per subcorpus: relaxed / strict / value F1.
for (const sub of SUBCORPORA) {
  const part = docs.map((d, i) => [d, i]).filter(([d]) => d.sub === sub);
  const brief = TOOLS.map(([key, , name]) => {
    const s = measures(scoreAll(part.map(([d]) => d), part.map(([, i]) => run[key].times[i])).total);
    return `${name} ${f3(s.relaxed.f)} / ${f3(s.strict.f)} / ${f3(s.value.f)}`;
  });
  say(`${sub} alone (${part.length} documents, ${part.reduce((n, [d]) => n + d.gold.length, 0)} TIMEX3), relaxed / strict / value F1: ${brief.join('; ')}.`);
}
say();
sayComparisonNotes(rep, 'documents', { al: run.al, cp: run.cp, stages, consoleErrors });
if (run.ch.errors.length) say(`chrono-node threw: ${run.ch.errors.slice(0, 3).join('; ')}${run.ch.errors.length > 3 ? '…' : ''}`);
// Only the messages: the dates' texts quote the corpus.
if (run.cp.failures.length) say(`compromise-dates threw on ${run.cp.failures.length} dates in ${new Set(run.cp.failures.map((f) => f.document)).size} documents, each date left out (the document's other dates kept): ${[...new Set(run.cp.failures.map((f) => f.message))].slice(0, 4).join('; ')}.`);
say(
  'Predictions: article-lens `times` from `analyze(text, {raw: true, kind: "text", date: DCT})`, its `type` and `value` as given. chrono-node `chrono.casual.parse(text, noon of the DCT)`: each result from `index` over its `text` (trailing spaces and commas left out), valued from its start\'s components: hour certain `YYYY-MM-DDTHH:MM` (TIME), else day or weekday certain `YYYY-MM-DD`, else month `YYYY-MM`, else year `YYYY`, else the resolved day (DATE). compromise-dates `dates({today: DCT, timezone: "UTC"})`, valued from its start by its `unit` (year `YYYY`, quarter `YYYY-Qn`, season `YYYY-SU`…, month `YYYY-MM`, week `YYYY-Www`, day `YYYY-MM-DD`, a time of day `YYYY-MM-DDTHH:MM` as TIME; `repeat` as SET `P1M`…; no start: no value), then `durations()` as DURATION (`P2W`…) and `times()` as TIME (`XXXX-XX-XXTHH:MM`: it gives no date) where they overlap no date; spans from the terms\' offsets. Neither library gives PRESENT_REF, PAST_REF or underspecified values (`XXXX-…`, `1998-WXX`). Time: each tool from the text and date to its spans, all documents, the median of the timed passes.',
);
say(`HeidelTime's figures are its TempEval-3 scores on that task's own test set (20 documents), not on these documents: a reference, not a run.`);
say(`Scoring (the same for the three tools, and in bench/time.rs): ${SCORING}`);

save('time.md');
const misses = scores.al.misses.filter((x) => x.missed.length || x.falsePositives.length || x.wrongValues.length);
saveResult(
  'time-misses.json',
  JSON.stringify(
    {
      tool: `article-lens ${versions.articleLens}`,
      corpus: 'TimeBank + AQUAINT (TBAQ-cleaned)',
      note: 'Per document (its DOCID and DCT date): missed = gold TIMEX3 no prediction was paired with; falsePositives = predictions paired with no gold TIMEX3; wrongValues = relaxed pairs whose values differ. Context: ~40 characters either side, the span in [[ ]]. Pairing as in SCORING of bench/time-score.js.',
      documents: misses,
    },
    null,
    1,
  ) + '\n',
);
console.error('Saved bench/results/time.md and bench/results/time-misses.json.');
