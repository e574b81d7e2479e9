// Quotations and their speakers side by side in Debian's Chromium:
// article-lens (the wasm module, `analyze(text, {raw: true, kind: 'text'})`,
// its `quotes`) and compromise (`nlp(text).quotations()`, which finds quoted
// stretches and names no speaker), on the same texts, scored by the same code
// (bench/quotes-score.js, which the page imports too):
//
// - PolNeAR's development split (`quotes/polnear/dev`: 84 articles of 2016 US
//   political news, every attribution annotated in brat standoff), each
//   article's text analysed as it is;
// - each .ann file scored as a gold document of its own (two articles have
//   six annotators' files): direct-quote recall and precision, speaker
//   accuracy on the direct quotes found, recall and precision of all
//   attributions (indirect speech included), by the rules of quotes-score.js
//   (QUOTE_RULE, SCORING), which the report prints;
// - texts and characters per second: the corpus over the median time of the
//   timed passes over all articles (text in, quotes out), and for
//   article-lens also its "quotes" stage alone (`analyzeTimed`), once it has one.
//
// The same corpus natively, for the quick loop, is bench/quotes.rs. Prints a
// Markdown table and saves it to bench/results/quotes.md; article-lens's
// misses (gold direct quotations not found, false positives, wrong speakers,
// attributions not found) go to bench/results/quotes-misses.json (not
// committed: it quotes the corpus).
//   node bench/quotes.mjs [CORPUS_DIR] [--runs N]
//   (default ../shared/corpus; each tool: one untimed pass for the quotes,
//   passes until 3 s have gone by to warm up, then timed passes, at least N
//   (default 3) and at least 2 s; the median counts)
import fs from 'node:fs';
import path from 'node:path';
import { flag, corpus, requireCorpus } from './args.mjs';
import { compareInChromium, sayComparisonNotes } from './chromium-run.mjs';
import { report, saveResult, f3, int } from './report.mjs';
import { QUOTE_RULE, SCORING, parseAnn, selfCheck, scoreAll, share } from './quotes-score.js';

const RUNS = Number(flag('--runs', 3));
const TIMEOUT_MS = 600_000;

const dir = path.join(corpus, 'quotes/polnear/dev');
requireCorpus(dir, path.join(dir, 'attributions'), path.join(dir, 'text'));

// Gold: every .ann file (`<article>_<annotator>.ann`) against `text/<article>.txt`.
const texts = {};
const golds = [];
for (const file of fs.readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort()) {
  const article = file.replace(/_[0-9a-f]+\.ann$/, '');
  const textFile = path.join(dir, 'text', article + '.txt');
  if (!fs.existsSync(textFile)) {
    console.error(`  ${file}: no text/${article}.txt, left out`);
    continue;
  }
  texts[article] ??= fs.readFileSync(textFile, 'utf8');
  const parsed = parseAnn(fs.readFileSync(path.join(dir, 'attributions', file), 'utf8'), texts[article]);
  golds.push({ file, article, text: texts[article], ...parsed });
}
selfCheck(golds); // every span's text is the slice at its code-point offsets; the gold scores 1.0
const articles = Object.keys(texts);
const nChars = articles.reduce((n, a) => n + texts[a].length, 0);
const astral = articles.filter((a) => /[\u{10000}-\u{10FFFF}]/u.test(texts[a])).length;
const spansChecked = golds.reduce((n, g) => n + g.checked, 0);
const annotators = {};
for (const g of golds) annotators[g.article] = (annotators[g.article] || 0) + 1;
const multi = Object.entries(annotators).filter(([, n]) => n > 1);

const started = Date.now();
const run = await compareInChromium({
  name: 'quotes',
  texts: articles.map((a) => texts[a]),
  runs: RUNS,
  timeoutMs: TIMEOUT_MS,
  intro: `  ${articles.length} articles, ${nChars} characters: article-lens…`,
});
const seconds = (Date.now() - started) / 1000;
const { version, versions, al, stages, cp } = run;

// ---------------------------------------------------------------- report

const byArticle = (run) => Object.fromEntries(articles.map((a, i) => [a, run.quotes[i]]));
const predicted = { al: byArticle(al), cp: byArticle(cp) };
const scores = { al: scoreAll(golds, texts, predicted.al), cp: scoreAll(golds, texts, predicted.cp) };
// Each article once: its first .ann file in name order.
const firsts = golds.filter((g, i) => !i || golds[i - 1].article !== g.article);
const once = { al: scoreAll(firsts, texts, predicted.al), cp: scoreAll(firsts, texts, predicted.cp) };
const rep = report();
const { say, table, row, save } = rep;
const cell = (c) => {
  const s = share(c);
  return s.of ? `${f3(s.value)} (${s.hit}/${s.of})` : '–';
};
const kinds = (run) => {
  const n = {};
  for (const qs of run.quotes) for (const q of qs) n[q.kind] = (n[q.kind] || 0) + 1;
  return n;
};
const gold = scores.al.total;

const withSource = golds.reduce((n, g) => n + g.contents.filter((c) => c.direct && c.sources.length).length, 0);
say(
  `Chromium ${version}, compromise ${versions.compromise}, article-lens ${versions.articleLens}, ${new Date().toISOString().slice(0, 10)}: PolNeAR dev, ${articles.length} articles, ${nChars.toLocaleString('en-US')} characters; ${golds.length} gold .ann files, **each scored as its own gold document** (${multi.length ? `${multi.length} articles have ${[...new Set(multi.map(([, n]) => n))].join(' or ')} annotators' files each, the others one` : 'one annotator per article'}); gold: ${gold.goldContents} Content spans, ${gold.goldDirect} of them direct quotations (${gold.goldDirectSingle} in single marks only, ${withSource} with a Source span); timed passes over all articles after 3 s of warm-up: article-lens ${al.passes}, compromise ${cp.passes}; run took ${seconds.toFixed(0)} s. Targets from issue 5.`,
);
say();
table('compromise');
row('**direct-quote recall**', cell(scores.al.total.directRecall), cell(scores.cp.total.directRecall), '≥ 0.97');
row('**direct-quote precision**', cell(scores.al.total.directPrecision), cell(scores.cp.total.directPrecision), '≥ 0.95');
row('**speaker accuracy** (found direct quotes with a gold Source)', cell(scores.al.total.speaker), '– (names no speakers)', '≥ 0.90');
row('**all-attributions recall** (indirect included)', cell(scores.al.total.allRecall), `${cell(scores.cp.total.allRecall)} (quotations only)`, '≥ 0.75');
row('all-attributions precision', cell(scores.al.total.allPrecision), cell(scores.cp.total.allPrecision));
const quoteStage = stages.quotes;
row('texts/s, whole analysis (text in, quotes out)', (articles.length / (al.ms / 1000)).toFixed(1), (articles.length / (cp.ms / 1000)).toFixed(1));
row('characters/s, whole analysis', int(nChars / (al.ms / 1000)), int(nChars / (cp.ms / 1000)));
row('characters/s, "quotes" stage alone', quoteStage === undefined ? '– (no such stage yet)' : int(nChars / (quoteStage / 1000)), '–');
row(`ms for all ${articles.length} articles (median of the passes)`, al.ms.toFixed(1), cp.ms.toFixed(1));
const k = { al: kinds(al), cp: kinds(cp) };
row('predicted quotes over the articles: direct / partial / indirect (scare, not scored)', `${k.al.direct || 0} / ${k.al.partial || 0} / ${k.al.indirect || 0} (${al.scare})`, `${k.cp.direct || 0} / – / – (–)`);
row('articles on which the tool threw', al.errors.length, cp.errors.length);
say();
const brief = (s, metrics = ['directRecall', 'directPrecision', 'speaker', 'allRecall']) => metrics.map((m) => `${{ directRecall: 'direct recall', directPrecision: 'direct precision', speaker: 'speaker accuracy', allRecall: 'all-attributions recall' }[m]} ${f3(share(s.total[m]).value)}`).join(', ');
say(`Each article counted once (its first .ann file in name order, ${firsts.length} gold documents, ${once.al.total.goldDirect} direct quotations): article-lens ${brief(once.al)}; compromise ${brief(once.cp, ['directRecall', 'directPrecision', 'allRecall'])}.`);
say();
sayComparisonNotes(rep, 'articles', run);
say(
  `Gold offsets: the .ann files count Unicode code points (checked: all ${spansChecked} spans' texts equal the article's text at those code points${astral ? `; ${astral} articles have characters outside the BMP, where UTF-16 offsets differ` : '; no dev article has a character outside the BMP, so code points and UTF-16 units coincide here'}), turned into UTF-16 units. Predictions: article-lens \`quotes\` from \`analyze(text, {raw: true, kind: "text"})\` (scare quotes left out), speaker = \`speaker\` span or the mentions of \`entities[entity]\`; compromise \`nlp(text).quotations()\`, each match from its first term's \`offset.start\` to its last term's end (\`.json({offset: true, terms: {offset: true}})\`), all counted as direct. Time: each tool from the text to its predicted quotes, all articles, the median of the timed passes.`,
);
say(`Direct quotation (gold): ${QUOTE_RULE}`);
say(`Scoring (the same for both tools): ${SCORING}`);

save('quotes.md');
const misses = scores.al.misses
  .map((m, i) => ({ article: golds[i].article, ...m }))
  .filter((m) => m.missed.length || m.falsePositives.length || m.wrongSpeakers.length || m.missedIndirect.length || m.falseIndirect.length);
saveResult(
  'quotes-misses.json',
  JSON.stringify(
    {
      tool: `article-lens ${versions.articleLens}`,
      corpus: 'PolNeAR dev',
      note: 'Per gold .ann file: missed = gold direct quotations no predicted direct/partial quote overlaps; falsePositives = predicted direct/partial quotes overlapping no gold Content; wrongSpeakers = found gold direct quotations whose speaker is not the gold Source; missedIndirect = other gold Content spans no predicted quote overlaps; falseIndirect = predicted indirect quotes overlapping no gold Content.',
      files: misses,
    },
    null,
    1,
  ) + '\n',
);
console.error('Saved bench/results/quotes.md and bench/results/quotes-misses.json.');
