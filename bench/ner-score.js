// The named-entity scorer, one copy for bench/ner.mjs (Node) and
// bench/ner-page.js (the page in Chromium); bench/ner.rs has the same rules
// in Rust for the native run. No Node or browser API here.
//
// - parseConll(): CoNLL-2003 (`token POS chunk tag`, IOB1) into documents:
//   one text per document, each sentence's tokens joined by single spaces,
//   sentences separated by "\n\n"; every token's offsets in UTF-16 units
//   (JavaScript string indices); the gold entities as token ranges.
// - The tools' outputs as predicted character spans: articleLensSpans()
//   (PERSON → PER, ORG → ORG, PLACE → LOC, GROUP ignored), compromiseSpans()
//   (people() → PER, organizations() → ORG, places() → LOC).
// - score(): exact span and type against the gold, micro-averaged over PER,
//   ORG and LOC (MISC ignored), with every miss explained.
//
// The alignment rule (RULE, also printed under each table): a predicted span
// is trimmed of whitespace; a boundary inside a token moves to that token's
// edge when the part it leaves out holds no letter or digit (compromise gives
// "Corp" for the token "Corp."). A span that still does not start and end on
// token edges matches nothing and counts as a false positive. A last token
// that is the possessive "'s" or "'" (a token of its own in CoNLL, which the
// gold includes in a few names: "Lord 's", "Boatmen 's") is left out of both
// the predicted and the gold span before they are compared. The same (span,
// type) predicted twice counts once.

export const TYPES = ['PER', 'ORG', 'LOC'];

export const RULE =
  'A predicted span is trimmed of whitespace; a boundary inside a token moves to the token\'s edge when the part left out holds no letter or digit ("Corp" in "Corp."); a span still not on token edges matches nothing (a false positive). A last token "\'s" or "\'" (the possessive, a CoNLL token of its own, which the gold keeps in a few names such as "Lord \'s") is left out of both predicted and gold spans before comparing. Then exact match of first token, last token and type; the same span and type predicted twice counts once.';

const AL_TYPES = { PERSON: 'PER', ORG: 'ORG', PLACE: 'LOC' };
const POSSESSIVE = new Set(["'s", "'", '\u2019s', '\u2019', "'S"]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/**
 * CoNLL-2003 text → [{ text, tokens: [{start, end}], sentences, gold: [{start, end, type}] }].
 * Token ranges are half-open token indexes; gold holds every type (MISC too:
 * the misses say when a prediction hit a MISC span).
 */
export function parseConll(conll) {
  const docs = [];
  let sentences = [];
  let sentence = [];
  const endSentence = () => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length) docs.push(buildDocument(sentences));
    sentences = [];
  };
  for (const line of conll.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '') endSentence();
    else if (fields[0] === '-DOCSTART-') endDocument();
    else sentence.push({ word: fields[0], tag: fields[fields.length - 1] });
  }
  endDocument();
  return docs;
}

function buildDocument(sentences) {
  const tokens = [];
  const gold = [];
  let text = '';
  for (const sentence of sentences) {
    if (text) text += '\n\n';
    let open = null; // the entity being read: { start, end, type }
    sentence.forEach(({ word, tag }, i) => {
      if (i) text += ' ';
      tokens.push({ start: text.length, end: text.length + word.length });
      text += word;
      const index = tokens.length - 1;
      // IOB1: an entity starts at B-X, or at I-X after anything but X.
      const [bio, type] = tag === 'O' ? ['O', null] : [tag.slice(0, 1), tag.slice(2)];
      if (bio === 'O') {
        open = null;
      } else if (bio === 'B' || !open || open.type !== type) {
        open = { start: index, end: index + 1, type };
        gold.push(open);
      } else {
        open.end = index + 1;
      }
    });
  }
  return { text, tokens, sentences: sentences.length, gold };
}

/** article-lens's analysis → predicted character spans. */
export function articleLensSpans(analysis) {
  const out = [];
  for (const e of analysis.entities || []) {
    const type = AL_TYPES[e.type];
    if (!type) continue;
    for (const m of e.mentions || []) out.push({ start: m.start, end: m.end, type });
  }
  return out;
}

/** A compromise document (`nlp(text)`) → predicted character spans. */
export function compromiseSpans(doc) {
  const out = [];
  for (const [method, type] of [
    ['people', 'PER'],
    ['organizations', 'ORG'],
    ['places', 'LOC'],
  ]) {
    // The terms' offsets: a match's own offset starts at its first word but
    // its length counts the punctuation before it ("-- Warsaw" gives "Warsaw Ne").
    for (const m of doc[method]().json({ offset: true, terms: { offset: true } })) {
      const first = m.terms[0]?.offset;
      const last = m.terms[m.terms.length - 1]?.offset;
      if (first && last) out.push({ start: first.start, end: last.start + last.length, type });
    }
  }
  return out;
}

/** The first token whose end is past `at` (tokens sorted, not overlapping). */
function tokenAt(tokens, at) {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A predicted character span → a token range [start, end), or null when it is not on token edges (RULE). */
export function align(doc, start, end) {
  const { text, tokens } = doc;
  if (start < 0 || end > text.length) return null;
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  if (start >= end) return null;
  const first = tokenAt(tokens, start);
  const last = tokenAt(tokens, end - 1);
  if (first >= tokens.length || last >= tokens.length) return null;
  const a = tokens[first];
  const b = tokens[last];
  if (start < a.start || end - 1 < b.start) return null; // starts or ends in the space between tokens
  if (LETTER_OR_DIGIT.test(text.slice(a.start, start)) || LETTER_OR_DIGIT.test(text.slice(end, b.end))) return null;
  return { start: first, end: last + 1 };
}

/** A token range without a last possessive token: what is compared. */
function core(doc, span) {
  const last = doc.tokens[span.end - 1];
  const drop = span.end - span.start > 1 && POSSESSIVE.has(doc.text.slice(last.start, last.end));
  return drop ? { start: span.start, end: span.end - 1 } : span;
}

const tokenText = (doc, s, e) => doc.text.slice(doc.tokens[s].start, doc.tokens[e - 1].end);

/** New per-type counters. */
export function counts() {
  return Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
}

/**
 * Scores one document's predictions ([{start, end, type}] in characters) into
 * `total` (from counts()); returns its misses:
 * { fp: [{type, text, why}], fn: [{type, text, why}], unaligned }.
 */
export function scoreDocument(doc, predicted, total) {
  const key = (span, type) => {
    const c = core(doc, span);
    return `${c.start}:${c.end}:${type}`;
  };
  const gold = new Map();
  for (const g of doc.gold) if (TYPES.includes(g.type)) gold.set(key(g, g.type), g);
  const seen = new Set();
  const aligned = [];
  const fp = [];
  let unaligned = 0;
  for (const p of predicted) {
    if (!TYPES.includes(p.type)) continue;
    const span = align(doc, p.start, p.end);
    if (!span) {
      const k = `chars ${p.start}:${p.end}:${p.type}`;
      if (seen.has(k)) continue;
      seen.add(k);
      unaligned++;
      total[p.type].fp++;
      fp.push({ type: p.type, text: doc.text.slice(p.start, p.end), why: 'not on token edges' });
      continue;
    }
    const k = key(span, p.type);
    if (seen.has(k)) continue;
    seen.add(k);
    aligned.push({ ...span, type: p.type });
  }
  const overlaps = (a, b) => a.start < b.end && b.start < a.end;
  const describe = (x) => `${x.type} "${tokenText(doc, x.start, x.end)}"`;
  for (const p of aligned) {
    if (gold.has(key(p, p.type))) {
      total[p.type].tp++;
      continue;
    }
    total[p.type].fp++;
    const same = doc.gold.find((g) => key(g, '') === key(p, ''));
    const near = doc.gold.filter((g) => overlaps(g, p));
    const why = same ? `gold says ${same.type}` : near.length ? `gold has ${near.map(describe).join(', ')}` : 'no gold entity there';
    fp.push({ type: p.type, text: tokenText(doc, p.start, p.end), why });
  }
  const fn = [];
  for (const [k, g] of gold) {
    if (seen.has(k)) continue;
    total[g.type].fn++;
    const same = aligned.find((p) => key(p, '') === key(g, ''));
    const near = aligned.filter((p) => overlaps(g, p));
    const why = same ? `predicted ${same.type}` : near.length ? `predicted ${near.map(describe).join(', ')}` : 'nothing predicted there';
    fn.push({ type: g.type, text: tokenText(doc, g.start, g.end), why });
  }
  return { fp, fn, unaligned };
}

/** Precision, recall, F1 of a { tp, fp, fn }. */
export function prf({ tp, fp, fn }) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The counts of all types added up. */
export function overall(total) {
  const o = { tp: 0, fp: 0, fn: 0 };
  for (const t of TYPES) for (const k of ['tp', 'fp', 'fn']) o[k] += total[t][k];
  return o;
}

/** Scores every document: { total, misses: per document, unaligned }. */
export function scoreAll(docs, predictions) {
  const total = counts();
  let unaligned = 0;
  const misses = docs.map((doc, i) => {
    const m = scoreDocument(doc, predictions[i] || [], total);
    unaligned += m.unaligned;
    return m;
  });
  return { total, misses, unaligned };
}

/** Throws unless the scorer gets its own cases right (run at start-up). */
export function selfCheck(docs = []) {
  const fail = (what) => {
    throw new Error(`NER scorer self-check failed: ${what}`);
  };
  // IOB1: B- only splits two entities of one type; I- after another type starts one.
  const [d] = parseConll(
    'Phil NNP I-NP I-PER\nSimmons NNP I-NP I-PER\nSmith NNP I-NP B-PER\nof IN I-PP O\nU.S. NNP I-NP I-LOC\nArmy NNP I-NP I-ORG\nCorp. NNP I-NP I-ORG\n\nBiden NNP I-NP I-PER\n\'s POS B-NP O\n\n-DOCSTART- -X- O O\n',
  );
  const got = d.gold.map((g) => `${g.type} ${tokenText(d, g.start, g.end)}`).join(' | ');
  if (got !== 'PER Phil Simmons | PER Smith | LOC U.S. | ORG Army Corp. | PER Biden') fail(`IOB1 gave ${got}`);
  if (d.text !== "Phil Simmons Smith of U.S. Army Corp.\n\nBiden 's") fail(`text ${JSON.stringify(d.text)}`);
  const at = (s) => d.text.indexOf(s);
  const cases = [
    [at('Army'), at('Army Corp.') + 'Army Corp'.length, '5:7'], // "Corp" for "Corp."
    [at('Biden'), d.text.length, '7:9'], // the possessive kept here, left out when compared
    [at('Phil'), at('Simmons') + 7 + 1, '0:2'], // trailing space trimmed
    [at('Phil') + 1, at('Simmons') + 7, null], // inside a word
    [at('Phil'), at('Simmons') + 3, null],
    [at('Smith') + 5, at('of') + 2, '3:4'], // leading space trimmed
    [at('Biden'), d.text.length + 1, null], // past the end
  ];
  for (const [s, e, want] of cases) {
    const a = align(d, s, e);
    const g = a ? `${a.start}:${a.end}` : null;
    if (g !== want) fail(`align(${JSON.stringify(d.text.slice(s, e))}) gave ${g}, want ${want}`);
  }
  // Counting: a possessive on either side, a span off the token edges, a wrong type.
  const { total } = scoreAll(
    [d],
    [
      [
        { start: at('Biden'), end: d.text.length, type: 'PER' },
        { start: at('Army'), end: at('Corp.') + 4, type: 'ORG' },
        { start: at('Army'), end: at('Corp.') + 5, type: 'ORG' },
        { start: at('hil'), end: at('Smith') - 1, type: 'PER' },
        { start: at('Smith'), end: at('Smith') + 5, type: 'ORG' },
      ],
    ],
  );
  const shown = TYPES.map((t) => `${t} ${total[t].tp}/${total[t].fp}/${total[t].fn}`).join(', ');
  if (shown !== 'PER 1/1/2, ORG 1/1/0, LOC 0/0/1') fail(`counts ${shown}`);
  // From article-lens's entities: PERSON, ORG, PLACE mentions; GROUP ignored.
  const fromEntities = articleLensSpans({
    entities: [
      { type: 'PERSON', mentions: [{ start: 0, end: 12 }] },
      { type: 'PLACE', mentions: [{ start: 22, end: 26 }] },
      { type: 'GROUP', mentions: [{ start: 27, end: 31 }] },
    ],
  });
  if (JSON.stringify(fromEntities) !== '[{"start":0,"end":12,"type":"PER"},{"start":22,"end":26,"type":"LOC"}]') fail(`entities gave ${JSON.stringify(fromEntities)}`);
  // The gold as predictions scores 1.0, on the corpus when given.
  for (const set of [[d], docs]) {
    if (!set.length) continue;
    const predictions = set.map((doc) => doc.gold.map((g) => ({ start: doc.tokens[g.start].start, end: doc.tokens[g.end - 1].end, type: g.type })));
    const { total } = scoreAll(set, predictions.map((p) => [...p, ...p])); // duplicates count once
    const { p, r, f } = prf(overall(total));
    if (p !== 1 || r !== 1 || f !== 1) fail(`gold as predictions gave P ${p} R ${r} F1 ${f}`);
  }
}
