// Named entities side by side in Debian's Chromium: article-lens (the wasm
// module, `analyze(text, {raw: true, kind: 'text'})`, its `entities`:
// PERSON → PER, ORG → ORG, PLACE → LOC) and compromise (`nlp(text)`, its
// `people()`, `organizations()`, `places()`), on the same texts, scored by
// the same code (bench/ner-score.js, which the page imports too):
//
// - CoNLL-2003 `eng.testa` (the development set, never trained on), one text
//   per document: each sentence's tokens joined by single spaces, sentences
//   as paragraphs ("\n\n" between them);
// - exact span and type precision / recall / F1 for PER, ORG and LOC, per
//   type and micro-averaged over the three (MISC ignored), the alignment
//   rule of ner-score.js (RULE) for spans that are not on token edges;
// - tokens per second: the corpus's tokens over the median time of the timed
//   passes over all documents (text in, spans out), and for article-lens
//   also over its "entities" stage alone (`analyzeTimed`), once it has one.
//
// The same scoring natively, for the quick loop and with every miss listed,
// is bench/ner.rs. Prints a Markdown table and saves it to bench/results/ner.md.
//   node bench/ner.mjs [CORPUS_DIR] [--runs N]
//   (default ../shared/corpus; each tool: one untimed pass for the spans,
//   passes until 3 s have gone by to warm up, then timed passes, at least N
//   (default 3) and at least 2 s; the median counts)
import fs from 'node:fs';
import path from 'node:path';
import { flag, corpus, requireCorpus } from './args.mjs';
import { compareInChromium, sayComparisonNotes } from './chromium-run.mjs';
import { report, f3, int } from './report.mjs';
import { TYPES, RULE, parseConll, selfCheck, scoreAll, prf, overall } from './ner-score.js';

const RUNS = Number(flag('--runs', 3));
// compromise takes seconds per pass over the 216 documents.
const TIMEOUT_MS = 600_000;

const file = path.join(corpus, 'ner/conll2003/eng.testa');
requireCorpus(file);
const docs = parseConll(fs.readFileSync(file, 'utf8'));
selfCheck(docs);
const nTokens = docs.reduce((n, d) => n + d.tokens.length, 0);
const nSentences = docs.reduce((n, d) => n + d.sentences, 0);
const goldCounts = {};
for (const d of docs) for (const g of d.gold) goldCounts[g.type] = (goldCounts[g.type] || 0) + 1;

const started = Date.now();
const run = await compareInChromium({
  name: 'ner',
  texts: docs.map((d) => d.text),
  runs: RUNS,
  timeoutMs: TIMEOUT_MS,
  intro: `  ${docs.length} documents, ${nTokens} tokens: article-lens…`,
});
const seconds = (Date.now() - started) / 1000;
const { version, versions, al, stages, cp } = run;

// ---------------------------------------------------------------- report

const scores = { al: scoreAll(docs, al.spans), cp: scoreAll(docs, cp.spans) };
const rep = report();
const { say, table, row, save } = rep;
const cell = (c, k) => {
  const { p, r, f } = prf(c);
  if (k === 'p') return `${f3(p)} (${c.tp}/${c.tp + c.fp})`;
  if (k === 'r') return `${f3(r)} (${c.tp}/${c.tp + c.fn})`;
  return f3(f);
};
const distinct = (s) => s.misses.reduce((n, m) => n + m.fp.length, 0) + TYPES.reduce((n, t) => n + s.total[t].tp, 0);

say(
  `Chromium ${version}, compromise ${versions.compromise}, article-lens ${versions.articleLens}, ${new Date().toISOString().slice(0, 10)}: CoNLL-2003 eng.testa, ${docs.length} documents, ${nSentences} sentences, ${nTokens.toLocaleString('en-US')} tokens; gold PER ${goldCounts.PER || 0}, ORG ${goldCounts.ORG || 0}, LOC ${goldCounts.LOC || 0} (MISC ${goldCounts.MISC || 0} ignored); timed passes over all documents after 3 s of warm-up: article-lens ${al.passes}, compromise ${cp.passes}; run took ${seconds.toFixed(0)} s`,
);
say();
table('compromise');
const names = { p: 'precision', r: 'recall', f: 'F1' };
for (const t of TYPES) for (const k of ['p', 'r', 'f']) row(`${t} ${names[k]}`, cell(scores.al.total[t], k), cell(scores.cp.total[t], k));
for (const k of ['p', 'r', 'f']) row(`**overall ${names[k]}**`, cell(overall(scores.al.total), k), cell(overall(scores.cp.total), k), k === 'f' ? '≥ 0.92' : '');
const entities = stages.entities;
row('tokens/s, whole analysis (text in, spans out)', int(nTokens / (al.ms / 1000)), int(nTokens / (cp.ms / 1000)), '≥ 100,000');
row('tokens/s, "entities" stage alone', entities === undefined ? '– (no such stage yet)' : int(nTokens / (entities / 1000)), '–');
row(`ms for all ${docs.length} documents (median of the passes)`, al.ms.toFixed(1), cp.ms.toFixed(1));
row('distinct predicted spans (PER/ORG/LOC)', distinct(scores.al), distinct(scores.cp));
row('predicted spans not on token edges (false positives)', scores.al.unaligned, scores.cp.unaligned);
row('documents on which the tool threw', al.errors.length, cp.errors.length);
say();
sayComparisonNotes(rep, 'documents', run);
say(
  'Spans: article-lens `entities[].mentions[]` (PERSON → PER, ORG → ORG, PLACE → LOC, GROUP ignored) from `analyze(text, {raw: true, kind: "text"})`; compromise `nlp(text)` then `people()` → PER, `organizations()` → ORG, `places()` → LOC, each match from its first term\'s `offset.start` to its last term\'s end (`.json({offset: true})`: the match-level offset miscounts leading punctuation). Time: each tool from the text to its predicted spans, all documents, the median of the timed passes.',
);
say(`Alignment rule (the same for both tools, and in bench/ner.rs): ${RULE}`);

save('ner.md');
console.error('Saved bench/results/ner.md.');
