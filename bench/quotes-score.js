// The quotation scorer, one copy for bench/quotes.mjs (Node) and
// bench/quotes-page.js (the page in Chromium); bench/quotes.rs scores the
// same corpus natively. No Node or browser API here.
//
// - parseAnn(): a PolNeAR brat standoff file (`Tn\tType start end[;start end]\ttext`
//   spans, `En\tAttribution:Ti Content:Tj Cue:Tk Source:Tl` attributions) into
//   its gold Content spans, each with the Source spans of its attribution(s).
//   The offsets in the files count Unicode code points (checked: every span's
//   text in the file equals the slice of the article at those code points);
//   they are turned into UTF-16 units (JavaScript string indices), the unit of
//   article-lens's offsets.
// - isDirect(): the QUOTE_RULE below, which makes a gold Content span a
//   direct quotation.
// - The tools' outputs as predicted quotes: articleLensQuotes() (kinds direct,
//   partial, indirect; scare quotes left out), compromiseQuotes() (its
//   `quotations()`, all direct, no speakers).
// - scoreDocument() / scoreAll(): the counts of SCORING, with every miss
//   listed.

export const QUOTE_RULE =
  'A gold Content span (the content of an `E` attribution) is a direct quotation when its text holds a double quotation mark (" “ ” „ ‟ « » ＂, or two apostrophes \'\', which the New York Times texts use for both), or a pair of single ones: an opening ‘ or \' at the start of a word (after the start of the span, a space or an opening bracket, dash or double mark) and followed by a letter, then a closing ’ or \' after a letter, digit or punctuation and before the end of the span, a space or punctuation (so the apostrophes of "Clinton’s", "’90s", "don’t" do not count).';

export const SCORING =
  'Each .ann file is a gold document of its own (an article with several annotators\' files counts once per file). A span "overlaps" another when they share at least one UTF-16 unit; a discontinuous gold span overlaps through any of its pieces; a predicted quote is its whole `start`–`end` (for direct and partial quotes the marks included). Direct recall: gold direct quotations overlapped by a predicted direct quote (article-lens kinds direct and partial; every compromise quotation). Direct precision: predicted direct quotes overlapping any gold Content span. Speaker accuracy: over the gold direct quotations found whose attribution has a Source span, those for which some overlapping predicted direct quote has a speaker mention overlapping a gold Source span, or an entity with a mention that does. All attributions: recall of every gold Content span by predicted quotes of kinds direct, partial and indirect; precision of those predicted quotes against every gold Content span.';

// Two apostrophes are a double mark: the New York Times texts of PolNeAR
// write every double quotation mark so (''Politicking.'').
const DOUBLE = /["“”„‟«»＂]|''/u;
// A single pair: opener at a word start followed by a letter ... closer at a word end.
const SINGLE_PAIR = /(?:^|[\s([{—–"“„«-])['‘]\p{L}[\s\S]*?[\p{L}\p{N}.,!?;:…)\]-]['’](?=$|[\s.,;:!?…)\]}"”»—–-])/u;

/** Whether a text holds a quotation mark used as one (QUOTE_RULE). */
export function isDirect(text) {
  return DOUBLE.test(text) || SINGLE_PAIR.test(text);
}

/** Whether the text holds a double mark (the rest of isDirect() is the single pairs). */
export const hasDoubleMark = (text) => DOUBLE.test(text);

/**
 * A function from code-point offsets of `text` to UTF-16 offsets (the end,
 * `codePoints`, included); null past the end.
 */
export function codePointsToUtf16(text) {
  const units = [0];
  for (const ch of text) units.push(units[units.length - 1] + ch.length);
  return (cp) => (cp >= 0 && cp < units.length ? units[cp] : null);
}

/**
 * A brat standoff file of PolNeAR against its article's text →
 * { contents: [{ id, pieces: [{start, end}], text, sources: [[{start, end}]], direct }],
 *   spans, attributions, checked, mismatches: [{id, want, got}], skipped }.
 * Offsets in UTF-16 units. `contents` holds each Content span (roles Content,
 * Content2, …) of an `E` line once, with the Source spans of every attribution
 * that names it. A line that is not a T, E, A, R, N or # record (an empty one
 * too) continues the text of the T line before it: a span whose text holds
 * line breaks is written with them. `mismatches`:
 * the spans whose text in the file is not the slice of the article.
 */
export function parseAnn(ann, text) {
  const toUnits = codePointsToUtf16(text);
  const spans = new Map();
  const attributions = [];
  let skipped = 0;
  let last = null;
  const lines = ann.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const t = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$/.exec(line);
    if (t) {
      const pieces = t[3].split(';').map((p) => {
        const [a, b] = p.split(' ').map(Number);
        return { start: toUnits(a), end: toUnits(b) };
      });
      last = { id: t[1], type: t[2], pieces, fileText: t[4] };
      spans.set(t[1], last);
      continue;
    }
    const e = /^(E\d+)\t(.*)$/.exec(line);
    if (e) {
      last = null;
      const roles = {};
      for (const arg of e[2].trim().split(/\s+/)) {
        const [role, id] = arg.split(':');
        const base = role.replace(/\d+$/, '');
        (roles[base] ||= []).push(id);
      }
      attributions.push({ id: e[1], roles });
      continue;
    }
    if (last && !/^[ARN#]\d*\t/.test(line)) last.fileText += '\n' + line;
    else {
      last = null;
      skipped++;
    }
  }
  // Every span's text in the file is the slice of the article (pieces joined by a space).
  let checked = 0;
  const mismatches = [];
  for (const s of spans.values()) {
    checked++;
    const ok = s.pieces.every((p) => p.start !== null && p.end !== null && p.start <= p.end);
    const got = ok ? s.pieces.map((p) => text.slice(p.start, p.end)).join(' ') : null;
    s.text = got;
    if (got !== s.fileText) mismatches.push({ id: s.id, want: s.fileText, got });
  }
  const contents = new Map();
  for (const a of attributions) {
    const sources = (a.roles.Source || []).map((id) => spans.get(id)?.pieces).filter(Boolean);
    for (const id of a.roles.Content || []) {
      const s = spans.get(id);
      if (!s || s.text === null) continue;
      if (!contents.has(id)) contents.set(id, { id, pieces: s.pieces, text: s.text, sources: [], direct: isDirect(s.text) });
      contents.get(id).sources.push(...sources);
    }
  }
  return { contents: [...contents.values()], spans, attributions, checked, mismatches, skipped };
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const overlapsAny = (pieces, span) => pieces.some((p) => overlaps(p, span));

/**
 * article-lens's analysis → predicted quotes [{ start, end, kind, speaker, mentions }]:
 * kinds direct, partial and indirect (scare quotes are not attributions);
 * `speaker` the speaker mention ({start, end, text} or null), `mentions` the
 * mentions of the speaker's entity, `entity` its name.
 */
export function articleLensQuotes(analysis) {
  const out = [];
  for (const q of analysis.quotes || []) {
    if (!['direct', 'partial', 'indirect'].includes(q.kind)) continue;
    const entity = q.entity === null || q.entity === undefined ? null : (analysis.entities || [])[q.entity];
    out.push({
      start: q.start,
      end: q.end,
      kind: q.kind,
      speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, text: q.speaker.text } : null,
      entity: entity ? entity.name : null,
      mentions: entity ? (entity.mentions || []).map((m) => ({ start: m.start, end: m.end })) : [],
    });
  }
  return out;
}

/**
 * A compromise document (`nlp(text)`) → predicted quotes: each of its
 * `quotations()` from its first term's start to its last term's end (the
 * terms' offsets: the match's own offset counts the punctuation after it),
 * kind direct, no speaker.
 */
export function compromiseQuotes(doc) {
  const out = [];
  for (const m of doc.quotations().json({ offset: true, terms: { offset: true } })) {
    const first = m.terms[0]?.offset;
    const last = m.terms[m.terms.length - 1]?.offset;
    if (first && last) out.push({ start: first.start, end: last.start + last.length, kind: 'direct', speaker: null, entity: null, mentions: [] });
  }
  return out;
}

/** New counters. */
export function counts() {
  const c = () => ({ hit: 0, of: 0 });
  return { directRecall: c(), directPrecision: c(), speaker: c(), allRecall: c(), allPrecision: c(), goldDirect: 0, goldDirectSingle: 0, goldContents: 0 };
}

const SNIPPET = 240;
const snippet = (text, start, end) => {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > SNIPPET ? s.slice(0, SNIPPET - 21) + ' … ' + s.slice(-18) : s;
};
const piecesText = (text, pieces) => snippet(pieces.map((p) => text.slice(p.start, p.end)).join(' … '), 0, Infinity);

/** Whether predicted quote `q` names the speaker of a gold Source span. */
function rightSpeaker(q, sources) {
  const hits = (span) => sources.some((pieces) => overlapsAny(pieces, span));
  return (q.speaker && hits(q.speaker)) || q.mentions.some(hits);
}

/**
 * Scores one gold document (parseAnn().contents) against a tool's predicted
 * quotes on its text, into `total` (from counts()); returns the misses:
 * { missed, falsePositives, wrongSpeakers, missedIndirect, falseIndirect }.
 */
export function scoreDocument(text, contents, predicted, total) {
  const direct = predicted.filter((q) => q.kind === 'direct' || q.kind === 'partial');
  const any = predicted.filter((q) => q.kind === 'direct' || q.kind === 'partial' || q.kind === 'indirect');
  const misses = { missed: [], falsePositives: [], wrongSpeakers: [], missedIndirect: [], falseIndirect: [] };
  for (const g of contents) {
    total.goldContents++;
    total.allRecall.of++;
    const found = any.some((q) => overlapsAny(g.pieces, q));
    if (found) total.allRecall.hit++;
    if (!g.direct) {
      if (!found) misses.missedIndirect.push({ text: piecesText(text, g.pieces) });
      continue;
    }
    total.goldDirect++;
    if (!hasDoubleMark(g.text)) total.goldDirectSingle++;
    total.directRecall.of++;
    const over = direct.filter((q) => overlapsAny(g.pieces, q));
    if (!over.length) {
      misses.missed.push({ text: piecesText(text, g.pieces), source: g.sources.map((s) => piecesText(text, s)).join(' | ') || null, predicted: found ? 'overlapped by an indirect quote only' : 'nothing there' });
      continue;
    }
    total.directRecall.hit++;
    if (!g.sources.length) continue;
    total.speaker.of++;
    if (over.some((q) => rightSpeaker(q, g.sources))) total.speaker.hit++;
    else
      misses.wrongSpeakers.push({
        text: piecesText(text, g.pieces),
        source: g.sources.map((s) => piecesText(text, s)).join(' | '),
        predicted: over.map((q) => (q.speaker ? `"${q.speaker.text}"` : 'no speaker') + (q.entity ? ` → ${q.entity}` : '')).join('; '),
      });
  }
  const inGold = (q) => contents.some((g) => overlapsAny(g.pieces, q));
  for (const q of direct) {
    total.directPrecision.of++;
    if (inGold(q)) total.directPrecision.hit++;
    else misses.falsePositives.push({ kind: q.kind, text: snippet(text, q.start, q.end), speaker: q.speaker ? q.speaker.text : null });
  }
  for (const q of any) {
    total.allPrecision.of++;
    if (inGold(q)) total.allPrecision.hit++;
    else if (q.kind === 'indirect') misses.falseIndirect.push({ text: snippet(text, q.start, q.end), speaker: q.speaker ? q.speaker.text : null });
  }
  return misses;
}

/**
 * Scores every gold document: `golds` [{ article, file, contents }], `texts`
 * { article: text }, `predicted` { article: quotes }; → { total, misses: per file }.
 */
export function scoreAll(golds, texts, predicted) {
  const total = counts();
  const misses = golds.map((g) => ({ file: g.file, ...scoreDocument(texts[g.article], g.contents, predicted[g.article] || [], total) }));
  return { total, misses };
}

/** A share: { value, hit, of } (value NaN when there is nothing to count). */
export const share = ({ hit, of }) => ({ value: of ? hit / of : NaN, hit, of });

/** Throws unless the scorer gets its own cases right; with the corpus's parsed files, also that every span's text checked out. */
export function selfCheck(parsed = []) {
  const fail = (what) => {
    throw new Error(`Quotes scorer self-check failed: ${what}`);
  };
  // Code points, not UTF-16: the emoji before the quote is one code point, two units.
  const text = '🙂 Psaki said: “We will see.” Officials said it was "serious". Clinton’s team.\n\nIt’s ‘in Their Heads.’';
  const cp = (s) => [...text.slice(0, text.indexOf(s))].length;
  const cpEnd = (s) => cp(s) + [...s].length;
  const ann = [
    `T1\tSource ${cp('Psaki')} ${cpEnd('Psaki')}\tPsaki`,
    `T2\tCue ${cp('said:')} ${cp('said:') + 4}\tsaid`,
    `T3\tContent ${cp('“We')} ${cpEnd('see.”')}\t“We will see.”`,
    `T4\tAttribution ${cp('said:')} ${cp('said:') + 4}\tsaid`,
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    `T5\tSource ${cp('Officials')} ${cpEnd('Officials')}\tOfficials`,
    `T6\tContent ${cp('it was')} ${cp('it was') + 6};${cp('"serious"')} ${cpEnd('"serious"')}\tit was "serious"`,
    'E2\tAttribution:T4 Content:T6 Cue:T2 Source:T5',
    `T7\tContent ${cp('Clinton’s')} ${cpEnd('Clinton’s team.\n\nIt’s')}\tClinton’s team.`,
    '',
    'It’s',
    'E3\tAttribution-no-source:T4 Content:T7',
    `T8\tContent ${cp('‘in')} ${cpEnd('Heads.’')}\t‘in Their Heads.’`,
    'E4\tAttribution-no-source:T4 Content:T8',
    'T9\tDiscard 0 1\t🙂',
  ].join('\n');
  const d = parseAnn(ann, text);
  if (d.mismatches.length) fail(`spans differ from the text: ${JSON.stringify(d.mismatches)}`);
  if (d.checked !== 9) fail(`${d.checked} spans checked, want 9`);
  const shown = d.contents.map((c) => `${c.id}:${c.direct ? 'D' : 'i'}:${c.sources.length}:${text.slice(c.pieces[0].start, c.pieces[0].end)}`).join(' | ');
  const want = 'T3:D:1:“We will see.” | T6:D:1:it was | T7:i:0:Clinton’s team.\n\nIt’s | T8:D:0:‘in Their Heads.’';
  if (shown !== want) fail(`contents ${JSON.stringify(shown)}, want ${JSON.stringify(want)}`);
  // A span whose offsets do not give its text is reported.
  if (parseAnn('T1\tSource 0 5\tPsaki', text).mismatches.length !== 1) fail('a wrong span was not reported');
  // The quote rule.
  for (const [s, want] of [
    ['he said “no”', true],
    ['he said "no', true],
    ["he said, ''No.''", true],
    ['«non»', true],
    ['Clinton’s voters’ views', false],
    ['the ’90s and ‘90s', false],
    ["don't 'em", false],
    ['a ‘crazy system’ now', true],
    ["a 'crazy' one", true],
    ['It’s ‘in Their Heads.’', true],
  ])
    if (isDirect(s) !== want) fail(`isDirect(${JSON.stringify(s)}) is ${!want}`);
  // Counting: one direct found with the right speaker (by its entity's mention),
  // one found with no speaker, one missed; a false positive; an indirect.
  const at = (s) => text.indexOf(s);
  const span = (s) => ({ start: at(s), end: at(s) + s.length });
  const predicted = [
    { ...span('“We will see.”'), kind: 'direct', speaker: { ...span('Psaki said'), text: 'x' }, mentions: [] },
    { ...span('“We will'), kind: 'partial', speaker: null, mentions: [span('Psaki')] },
    { ...span('"serious"'), kind: 'partial', speaker: null, mentions: [] },
    { ...span('Officials'), kind: 'direct', speaker: null, mentions: [] },
    { ...span('Clinton'), kind: 'indirect', speaker: null, mentions: [] },
    { ...span('Heads'), kind: 'scare', speaker: null, mentions: [] },
  ];
  const total = counts();
  const m = scoreDocument(text, d.contents, predicted, total);
  const got = ['directRecall', 'directPrecision', 'speaker', 'allRecall', 'allPrecision'].map((k) => `${k} ${total[k].hit}/${total[k].of}`).join(', ');
  if (got !== 'directRecall 2/3, directPrecision 3/4, speaker 1/2, allRecall 3/4, allPrecision 4/5') fail(`counts ${got}`);
  if (total.goldDirect !== 3 || total.goldDirectSingle !== 1) fail(`gold direct ${total.goldDirect}, single ${total.goldDirectSingle}`);
  if (m.missed.length !== 1 || m.falsePositives.length !== 1 || m.wrongSpeakers.length !== 1 || m.missedIndirect.length !== 0) fail(`misses ${JSON.stringify(m)}`);
  // From article-lens's analysis: scare quotes left out, the entity's mentions kept.
  const fromAnalysis = articleLensQuotes({
    entities: [{ name: 'Jen Psaki', mentions: [{ start: 2, end: 7 }] }],
    quotes: [
      { start: 14, end: 28, kind: 'direct', speaker: { start: 2, end: 7, text: 'Psaki' }, entity: 0 },
      { start: 60, end: 69, kind: 'scare', speaker: null, entity: null },
    ],
  });
  if (JSON.stringify(fromAnalysis) !== '[{"start":14,"end":28,"kind":"direct","speaker":{"start":2,"end":7,"text":"Psaki"},"entity":"Jen Psaki","mentions":[{"start":2,"end":7}]}]')
    fail(`analysis gave ${JSON.stringify(fromAnalysis)}`);
  // The corpus: every span's text is the slice at its code-point offsets.
  for (const p of parsed) if (p.mismatches.length) fail(`${p.file}: ${p.mismatches.length} spans differ from the text, e.g. ${JSON.stringify(p.mismatches[0])}`);
  // The gold as predictions scores 1.0 on the corpus (speakers from the Source spans).
  for (const p of parsed) {
    const total = counts();
    const pred = p.contents.flatMap((c) => c.pieces.map((x) => ({ ...x, kind: c.direct ? 'direct' : 'indirect', speaker: c.sources[0] ? { ...c.sources[0][0], text: '' } : null, mentions: [] })));
    scoreDocument(p.text, p.contents, pred, total);
    for (const k of ['directRecall', 'directPrecision', 'speaker', 'allRecall', 'allPrecision'])
      if (total[k].hit !== total[k].of) fail(`${p.file}: the gold as predictions gave ${k} ${total[k].hit}/${total[k].of}`);
  }
}
