// The time-expression scorer, one copy for bench/time.mjs (Node) and
// bench/time-page.js (the page in Chromium); bench/time.rs has the same rules
// in Rust for the native run. No Node or browser API here.
//
// - parseTimeML(): a TimeML file of TimeBank or AQUAINT (TBAQ-cleaned) into
//   { id, dct, text, gold }: `dct` the date part of the document creation
//   time (`<DCT><TIMEX3 value="1998-08-07T06:18:00">`), the reference date
//   every tool gets; `text` the content of `<TEXT>` with every tag removed and
//   the XML entities decoded (the five named ones and numeric ones); `gold`
//   its TIMEX3 elements as spans in UTF-16 units of that text (JavaScript
//   string indices, the unit of article-lens's offsets), with their type and
//   value as written (PXD, PRESENT_REF, 1998-W32, XXXX-08-07 … kept as they
//   are).
// - The tools' outputs as predicted time expressions [{ start, end, type,
//   value }]: articleLensTimes() (its `times`), chronoTimes() (chrono-node's
//   results), compromiseTimes() (compromise-dates' dates(), durations() and
//   times()); each maps what its tool gives, the mappings written above them.
// - scoreDocument() / scoreAll(): the TempEval-3 measures of SCORING, with
//   every miss listed.

export const SCORING =
  'Spans are compared in UTF-16 units of the TEXT element (tags removed, entities decoded). Matching is one to one: first every predicted span identical to a gold span (same start and end) is paired with it; then each gold span still alone, in text order, takes the first prediction still alone, in text order, that overlaps it (shares at least one character). Strict: the identical pairs; relaxed: all pairs. Precision = pairs / predicted spans, recall = pairs / gold TIMEX3, F1 their harmonic mean, micro-averaged (counts summed over all documents). Value (TempEval-3\'s attribute F1): the relaxed pairs whose values are equal as strings after trimming, over predicted spans (precision) and over gold TIMEX3 (recall). Type accuracy: relaxed pairs with the same type (DATE, TIME, DURATION, SET) over relaxed pairs. The DCT itself is not scored.';

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The character of an entity's name (`amp`, `#38`, `#x26`), or null when unknown. */
function entity(name) {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return Object.hasOwn(NAMED, name) ? NAMED[name] : null;
}

/** XML text with its entities decoded (an unknown one is kept as written). */
export const decodeEntities = (s) => s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (m, name) => entity(name) ?? m);

/** The attributes of a start tag (`<TIMEX3 tid="t1" value="…">`), values decoded. */
function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeEntities(m[2] ?? m[3]);
  return out;
}

/**
 * A TimeML file → { id, dct, dctValue, text, gold: [{ start, end, text, type,
 * value, tid, written }] }. `id` is the DOCID (else `name`); `dct` the first ten
 * characters of the DCT's TIMEX3 value (a datetime there is cut to its date);
 * `text` the content of TEXT, tags removed, entities decoded; gold offsets in
 * UTF-16 units of `text` (`written`: the element's content read again from the markup, for selfCheck()). TIMEX3 outside TEXT (the DCT) is not gold. Throws
 * when the file has no TEXT or no DCT date.
 */
export function parseTimeML(xml, name = '') {
  const docid = /<DOCID>([\s\S]*?)<\/DOCID>/.exec(xml);
  const id = docid ? decodeEntities(docid[1]).trim() : name;
  const dctElement = /<DCT>([\s\S]*?)<\/DCT>/.exec(xml);
  const dctTimex = dctElement && /<TIMEX3\b[^>]*>/.exec(dctElement[1]);
  const dctValue = dctTimex ? attributes(dctTimex[0]).value || '' : '';
  const dct = dctValue.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dct)) throw new Error(`${name || id}: no DCT date (value ${JSON.stringify(dctValue)})`);
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml);
  if (!body) throw new Error(`${name || id}: no <TEXT>`);
  const parts = [];
  let length = 0;
  const open = [];
  const gold = [];
  for (const m of body[1].matchAll(/<!--[\s\S]*?-->|<[^>]*>|&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|[^<&]+|[<&]/g)) {
    const s = m[0];
    if (s[0] === '<' && s.length > 1) {
      const tag = /^<(\/?)([A-Za-z_][\w:.-]*)/.exec(s);
      if (!tag || tag[2] !== 'TIMEX3' || s.endsWith('/>')) continue;
      if (!tag[1]) open.push({ start: length, attrs: attributes(s) });
      else if (open.length) {
        const t = open.pop();
        gold.push({ start: t.start, end: length, type: t.attrs.type || '', value: t.attrs.value || '', tid: t.attrs.tid || '' });
      }
      continue;
    }
    const piece = m[1] ? entity(m[1]) ?? s : s;
    parts.push(piece);
    length += piece.length;
  }
  const text = parts.join('');
  // Each TIMEX3's content read again from the markup (tags removed, entities
  // decoded), for selfCheck() to compare with the slice at its offsets.
  const written = new Map();
  for (const m of body[1].matchAll(/<TIMEX3\b([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) written.set(attributes(m[1]).tid, decodeEntities(m[2].replace(/<[^>]*>/g, '')));
  gold.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const g of gold) {
    g.text = text.slice(g.start, g.end);
    g.written = written.get(g.tid);
  }
  return { id, dct, dctValue, text, gold };
}

// ---------------------------------------------------------------- the tools

/** article-lens's analysis → its `times` as predicted spans. */
export function articleLensTimes(analysis) {
  return (analysis.times || []).map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }));
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const day = (y, m, d) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/**
 * chrono-node's results (`chrono.casual.parse(text, refDate)`) → predicted
 * spans. Span: `index` to `index + text.length`, less trailing spaces and
 * commas (its weekday pattern takes the comma after "Friday,"). A range
 * ("Sept. 1 to Sept. 4") is one span, valued by its start. Value from the
 * start's components, each read with `get()` (chrono's own calendar values,
 * whatever the time zone): the hour certain → `YYYY-MM-DDTHH:MM`, type TIME;
 * else the day or the weekday certain (chrono resolved the weekday to a
 * date) → `YYYY-MM-DD`; else the month → `YYYY-MM`; else the year → `YYYY`;
 * none certain ("this morning", "now": resolved from the reference alone) →
 * the resolved day `YYYY-MM-DD`. Type DATE unless TIME. chrono finds no
 * durations or sets: "for two weeks" is a date two weeks on.
 */
export function chronoTimes(results) {
  return results.map((r) => {
    let end = r.index + r.text.length;
    while (end > r.index && /[\s,]/.test(r.text[end - r.index - 1])) end--;
    const c = r.start;
    const known = (k) => c.isCertain(k);
    const date = day(c.get('year'), c.get('month'), c.get('day'));
    let value;
    let type = 'DATE';
    if (known('hour')) {
      value = `${date}T${pad(c.get('hour'))}:${pad(c.get('minute') || 0)}`;
      type = 'TIME';
    } else if (known('day') || known('weekday')) value = date;
    else if (known('month')) value = date.slice(0, 7);
    else if (known('year')) value = date.slice(0, 4);
    else value = date;
    return { start: r.index, end, type, value };
  });
}

/** The ISO 8601 week `YYYY-Www` of a calendar day. */
export function isoWeek(y, m, d) {
  const t = Date.UTC(y, m - 1, d);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(t + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${pad(year, 4)}-W${pad(week)}`;
}

const SEASONS = ['WI', 'WI', 'SP', 'SP', 'SP', 'SU', 'SU', 'SU', 'FA', 'FA', 'FA', 'WI'];
const TIME_UNITS = new Set(['hour', 'minute', 'time', 'millisecond']);

/**
 * A compromise-dates date (`dates(context).json()[i].dates`: { start, unit,
 * repeat, … }) → { type, value }. The start is an ISO string in the context's
 * time zone, read as written. With `repeat` ("each month"): SET, valued by
 * the repeat's interval (durationValue). Without a start: DATE, no value.
 * Else by its `unit`: year `YYYY`, quarter `YYYY-Qn`, season `YYYY-SP|SU|FA|WI`
 * (by the start's month), month `YYYY-MM`, week the ISO week `YYYY-Www` of
 * the start, day or weekday `YYYY-MM-DD`; hour, minute, time, or a start
 * whose time of day is not midnight: `YYYY-MM-DDTHH:MM`, type TIME; no unit:
 * `YYYY-MM-DD`. Type DATE otherwise.
 */
export function compromiseValue(dates) {
  if (dates.repeat) return { type: 'SET', value: durationValue((dates.repeat && dates.repeat.interval) || {}) };
  const m = /^(-?\d+)-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(dates.start || '');
  if (!m) return { type: 'DATE', value: '' };
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const date = day(y, mo, d);
  if (TIME_UNITS.has(dates.unit) || h || mi) return { type: 'TIME', value: `${date}T${pad(h)}:${pad(mi)}` };
  const value = {
    year: date.slice(0, 4),
    quarter: `${date.slice(0, 4)}-Q${Math.floor((mo - 1) / 3) + 1}`,
    season: `${date.slice(0, 4)}-${SEASONS[mo - 1]}`,
    month: date.slice(0, 7),
    week: isoWeek(y, mo, d),
  }[dates.unit];
  return { type: 'DATE', value: value ?? date };
}

const DATE_PARTS = [
  ['millennium', 'ML'],
  ['century', 'CE'],
  ['decade', 'DE'],
  ['year', 'Y'],
  ['quarter', 'Q'],
  ['month', 'M'],
  ['week', 'W'],
  ['day', 'D'],
];
const TIME_PARTS = [
  ['hour', 'H'],
  ['minute', 'M'],
  ['second', 'S'],
];

/**
 * A compromise duration or interval ({ week: 2 }, { years: 1 }, { hour: 3,
 * minute: 30 }: singular or plural keys) → a TIMEX3 duration (`P2W`, `P1Y`,
 * `PT3H30M`); '' when it has none of those units.
 */
export function durationValue(d) {
  const n = (k) => d[k] ?? d[k + 's'];
  const date = DATE_PARTS.filter(([k]) => n(k)).map(([k, u]) => `${n(k)}${u}`).join('');
  const time = TIME_PARTS.filter(([k]) => n(k)).map(([k, u]) => `${n(k)}${u}`).join('');
  return date || time ? `P${date}${time ? 'T' + time : ''}` : '';
}

/** A compromise match's span: its first term's start to its last term's end (the match's own offset counts the punctuation after it). */
function termSpan(m) {
  const first = m.terms && m.terms[0] && m.terms[0].offset;
  const last = m.terms && m.terms[m.terms.length - 1] && m.terms[m.terms.length - 1].offset;
  return first && last ? { start: first.start, end: last.start + last.length } : null;
}

/**
 * A compromise document with the compromise-dates plugin (`nlp(text)`) →
 * predicted spans: its `dates(context)` (context { today: DCT, timezone:
 * 'UTC' }), valued by compromiseValue(); then its `durations()` (type
 * DURATION, durationValue() of the duration) and its `times(context)` (type
 * TIME; they give no date, so the value is `XXXX-XX-XXTHH:MM`, or none
 * without an hour), each left out when it overlaps a span already kept
 * (the dates hold most times: "on Thursday at 10:30 a.m."). Spans from the
 * terms' offsets (termSpan). compromise-dates 3.9 throws on some dates
 * ("a third-quarter"), and then on all of a document's dates at once: there
 * each date is parsed alone (`match.dates(context)`), and those that throw
 * are left out and said in `failures` (an array, added to: { text, message }).
 */
export function compromiseTimes(doc, context, failures = []) {
  const out = [];
  const free = (s) => !out.some((o) => o.start < s.end && s.start < o.end);
  const json = (view) => view.json({ offset: true, terms: { offset: true } });
  const dates = doc.dates(context);
  let found;
  try {
    found = json(dates);
  } catch {
    // One date that throws loses the others too: then each match alone,
    // those that throw left out and listed in `failures`.
    found = [];
    dates.forEach((m) => {
      try {
        found.push(...json(m.dates(context)));
      } catch (e) {
        failures.push({ text: m.text(), message: String((e && e.message) || e) });
      }
    });
  }
  for (const m of found) {
    const s = termSpan(m);
    if (s && free(s)) out.push({ ...s, ...compromiseValue(m.dates || {}) });
  }
  for (const m of json(doc.durations())) {
    const s = termSpan(m);
    if (s && free(s)) out.push({ ...s, type: 'DURATION', value: durationValue(m.duration || {}) });
  }
  for (const m of json(doc.times(context))) {
    const s = termSpan(m);
    const t = m.time || {};
    if (s && free(s)) out.push({ ...s, type: 'TIME', value: Number.isInteger(t.hour) ? `XXXX-XX-XXT${pad(t.hour)}:${pad(t.minute || 0)}` : '' });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---------------------------------------------------------------- scoring

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const byPosition = (list) => list.map((x, i) => i).sort((i, j) => list[i].start - list[j].start || list[i].end - list[j].end);

/**
 * The one-to-one matching of SCORING: identical spans first, then each gold
 * span left, in text order, with the first overlapping prediction left, in
 * text order. → { pairs: [[goldIndex, predictedIndex, strict]], strict }.
 */
export function match(gold, predicted) {
  const goldOrder = byPosition(gold);
  const predOrder = byPosition(predicted);
  const goldTaken = new Array(gold.length).fill(-1);
  const predTaken = new Array(predicted.length).fill(false);
  let strict = 0;
  for (const g of goldOrder) {
    const p = predOrder.find((i) => !predTaken[i] && predicted[i].start === gold[g].start && predicted[i].end === gold[g].end);
    if (p === undefined) continue;
    goldTaken[g] = p;
    predTaken[p] = true;
    strict++;
  }
  for (const g of goldOrder) {
    if (goldTaken[g] >= 0) continue;
    const p = predOrder.find((i) => !predTaken[i] && overlaps(predicted[i], gold[g]));
    if (p === undefined) continue;
    goldTaken[g] = p;
    predTaken[p] = true;
  }
  const pairs = goldOrder.filter((g) => goldTaken[g] >= 0).map((g) => [g, goldTaken[g], predicted[goldTaken[g]].start === gold[g].start && predicted[goldTaken[g]].end === gold[g].end]);
  return { pairs, strict };
}

/** New counters: gold and predicted spans, relaxed and strict pairs, pairs with the right value and type. */
export const counts = () => ({ gold: 0, predicted: 0, relaxed: 0, strict: 0, value: 0, type: 0 });

const norm = (v) => String(v ?? '').trim();

/** ~80 characters around `start`–`end` of `text`, the span in [[ ]], white space collapsed. */
export function context(text, start, end, width = 40) {
  const squeeze = (s) => s.replace(/\s+/g, ' ');
  return squeeze(text.slice(Math.max(0, start - width), start)).trimStart() + '[[' + squeeze(text.slice(start, end)) + ']]' + squeeze(text.slice(end, end + width)).trimEnd();
}

/**
 * Scores one document (parseTimeML()) against a tool's predicted spans, into
 * `total` (from counts()); returns the misses: { missed: gold spans no
 * prediction overlaps, falsePositives: predictions paired with no gold span,
 * wrongValues: relaxed pairs whose value differs (with both types) }.
 */
export function scoreDocument(doc, predicted, total) {
  const { pairs, strict } = match(doc.gold, predicted);
  total.gold += doc.gold.length;
  total.predicted += predicted.length;
  total.relaxed += pairs.length;
  total.strict += strict;
  const misses = { missed: [], falsePositives: [], wrongValues: [] };
  const goldPaired = new Set(pairs.map(([g]) => g));
  const predPaired = new Set(pairs.map(([, p]) => p));
  for (const [g, p, exact] of pairs) {
    const gs = doc.gold[g];
    const ps = predicted[p];
    if (norm(ps.value) === norm(gs.value)) total.value++;
    else
      misses.wrongValues.push({
        text: gs.text,
        predictedText: exact ? gs.text : doc.text.slice(ps.start, ps.end),
        goldValue: gs.value,
        predictedValue: ps.value,
        goldType: gs.type,
        predictedType: ps.type,
        context: context(doc.text, gs.start, gs.end),
      });
    if (norm(ps.type) === norm(gs.type)) total.type++;
  }
  doc.gold.forEach((g, i) => {
    if (!goldPaired.has(i)) misses.missed.push({ text: g.text, type: g.type, value: g.value, context: context(doc.text, g.start, g.end) });
  });
  for (const i of byPosition(predicted)) {
    const p = predicted[i];
    if (!predPaired.has(i)) misses.falsePositives.push({ text: doc.text.slice(p.start, p.end), type: p.type, value: p.value, context: context(doc.text, p.start, p.end) });
  }
  return misses;
}

/** Scores every document: `predictions[i]` are the spans predicted on `docs[i]`; → { total, misses: per document, with its id and DCT }. */
export function scoreAll(docs, predictions) {
  const total = counts();
  const misses = docs.map((d, i) => ({ doc: d.id, dct: d.dct, ...scoreDocument(d, predictions[i] || [], total) }));
  return { total, misses };
}

/** Precision, recall and F1 of `hit` pairs among `predicted` spans and `gold` spans (0 where there is nothing to count). */
export function prf(hit, predicted, gold) {
  const p = predicted ? hit / predicted : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The measures of SCORING from a total: { relaxed, strict, value: {p, r, f}, type: accuracy (NaN without pairs) }. */
export function measures(t) {
  return {
    relaxed: prf(t.relaxed, t.predicted, t.gold),
    strict: prf(t.strict, t.predicted, t.gold),
    value: prf(t.value, t.predicted, t.gold),
    type: t.relaxed ? t.type / t.relaxed : NaN,
  };
}

/** Throws unless the parser, scorer and adapters get their own cases right; with the corpus's parsed documents, also that every gold span's text is its slice and that the gold scores 1.0. */
export function selfCheck(docs = []) {
  const fail = (what) => {
    throw new Error(`Time scorer self-check failed: ${what}`);
  };
  const xml = [
    '<?xml version="1.0" ?>',
    '<TimeML>',
    '<DOCID>TEST.01</DOCID>',
    '<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T06:18:00" functionInDocument="CREATION_TIME">08/07/1998 06:18</TIMEX3></DCT>',
    '<TITLE>Not <TIMEX3 tid="t9" type="DATE" value="1998">text</TIMEX3></TITLE>',
    '<TEXT>',
    'AT&amp;T <EVENT eid="e1" class="REPORTING">said</EVENT> \u{1F642} &lt;b&gt; on <TIMEX3 tid="t1" type="DATE" value="1998-08-06" temporalFunction="true">Thursday</TIMEX3> that',
    'caf&#233;&#x41; <TIMEX3 value="P2W" type="DURATION" tid="t2">two <SIGNAL sid="s1">weeks</SIGNAL></TIMEX3> ago, <MAKEINSTANCE eventID="e1" eiid="ei1"/>',
    '<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>, <TIMEX3 tid="t4" type="DATE" value="1998-Q3">the third quarter</TIMEX3>.',
    '</TEXT>',
    '</TimeML>',
  ].join('\n');
  const d = parseTimeML(xml, 'test.tml');
  const want = '\nAT&T said \u{1F642} <b> on Thursday that\ncaféA two weeks ago, \nnow, the third quarter.\n';
  if (d.text !== want) fail(`text ${JSON.stringify(d.text)}, want ${JSON.stringify(want)}`);
  if (d.id !== 'TEST.01' || d.dct !== '1998-08-07') fail(`id ${d.id}, dct ${d.dct}`);
  const shown = d.gold.map((g) => `${g.start}-${g.end}:${g.text}:${g.type}:${g.value}`).join(' | ');
  const at = (s) => want.indexOf(s);
  const wantGold = [
    ['Thursday', 'DATE', '1998-08-06'],
    ['two weeks', 'DURATION', 'P2W'],
    ['now', 'DATE', 'PRESENT_REF'],
    ['the third quarter', 'DATE', '1998-Q3'],
  ]
    .map(([s, t, v]) => `${at(s)}-${at(s) + s.length}:${s}:${t}:${v}`)
    .join(' | ');
  if (shown !== wantGold) fail(`gold ${shown}, want ${wantGold}`);
  if (at('Thursday') !== 21) fail('the emoji must count two UTF-16 units');
  // Scoring: "two weeks" identical (type wrong), "on Thursday" overlapping
  // (value wrong), "the third" overlapping, "now" missed, "AT&T" and "third
  // quarter" (the gold span already taken) false positives.
  const span = (s, type, value) => ({ start: at(s), end: at(s) + s.length, type, value });
  const predicted = [
    span('third quarter', 'DATE', '1998-Q3'),
    span('AT&T', 'DATE', '1998'),
    span('two weeks', 'DATE', 'P2W '),
    span('on Thursday', 'DATE', '1998-08-13'),
    span('the third', 'DATE', '1998-Q3'),
  ];
  const total = counts();
  const m = scoreDocument(d, predicted, total);
  const got = JSON.stringify(total);
  if (got !== '{"gold":4,"predicted":5,"relaxed":3,"strict":1,"value":2,"type":2}') fail(`counts ${got}`);
  const missShown = `${m.missed.map((x) => x.text)} / ${m.falsePositives.map((x) => x.text)} / ${m.wrongValues.map((x) => `${x.predictedText}:${x.goldValue}:${x.predictedValue}`)}`;
  if (missShown !== 'now / AT&T,third quarter / on Thursday:1998-08-06:1998-08-13') fail(`misses ${missShown}`);
  const s = measures(total);
  if (s.relaxed.p !== 3 / 5 || s.relaxed.r !== 3 / 4 || s.strict.r !== 1 / 4 || s.value.p !== 2 / 5 || s.type !== 2 / 3) fail(`measures ${JSON.stringify(s)}`);
  // One to one: an identical prediction is paired before an overlapping one
  // takes the gold span; a second prediction of the same span is a false positive.
  const two = match([{ start: 0, end: 10 }, { start: 5, end: 8 }], [{ start: 5, end: 8 }, { start: 0, end: 4 }, { start: 5, end: 8 }]);
  if (JSON.stringify(two) !== '{"pairs":[[0,1,false],[1,0,true]],"strict":1}') fail(`matching ${JSON.stringify(two)}`);
  if (context('a'.repeat(50) + 'XY' + 'b'.repeat(50), 50, 52) !== 'a'.repeat(40) + '[[XY]]' + 'b'.repeat(40)) fail('context');
  // The adapters.
  const al = articleLensTimes({ times: [{ start: 1, end: 4, text: 'x', type: 'DATE', value: '1998' }] });
  if (JSON.stringify(al) !== '[{"start":1,"end":4,"type":"DATE","value":"1998"}]') fail(`articleLensTimes ${JSON.stringify(al)}`);
  const components = (known, v) => ({ isCertain: (k) => known.includes(k), get: (k) => v[k] });
  const v = { year: 1998, month: 8, day: 6, hour: 10, minute: 30 };
  const chrono = chronoTimes([
    { index: 3, text: 'Friday, ', start: components(['weekday'], { ...v, day: 7, hour: 12, minute: 0 }) },
    { index: 20, text: 'Thursday at 10:30 a.m.', start: components(['weekday', 'hour', 'minute'], v) },
    { index: 50, text: 'next month', start: components(['year', 'month'], { ...v, month: 9 }) },
    { index: 70, text: 'last year', start: components(['year'], { ...v, year: 1997 }) },
    { index: 90, text: 'this morning', start: components([], { ...v, day: 7 }) },
  ]);
  const chronoShown = chrono.map((c) => `${c.start}-${c.end}:${c.type}:${c.value}`).join(' ');
  if (chronoShown !== '3-9:DATE:1998-08-07 20-42:TIME:1998-08-06T10:30 50-60:DATE:1998-09 70-79:DATE:1997 90-102:DATE:1998-08-07') fail(`chronoTimes ${chronoShown}`);
  const cv = [
    { start: '1998-08-13T00:00:00.000Z', unit: 'day' },
    { start: '1998-08-13T10:30:00.000Z', unit: 'day' },
    { start: '1998-09-01T17:00:00.000-04:00', unit: 'time' },
    { start: '1998-08-03T00:00:00.000Z', unit: 'week' },
    { start: '1997-12-29T00:00:00.000Z', unit: 'week' },
    { start: '1998-07-01T00:00:00.000Z', unit: 'quarter' },
    { start: '1998-06-01T00:00:00.000Z', unit: 'season' },
    { start: '1998-08-01T00:00:00.000Z', unit: 'month' },
    { start: '1997-01-01T00:00:00.000Z', unit: 'year' },
    { start: '1998-08-01T00:00:00.000Z', unit: 'month', repeat: { interval: { month: 1 } } },
    { start: null },
  ].map((x) => Object.values(compromiseValue(x)).join(':'));
  const cvWant = 'DATE:1998-08-13 TIME:1998-08-13T10:30 TIME:1998-09-01T17:00 DATE:1998-W32 DATE:1998-W01 DATE:1998-Q3 DATE:1998-SU DATE:1998-08 DATE:1997 SET:P1M DATE:';
  if (cv.join(' ') !== cvWant) fail(`compromiseValue ${cv.join(' ')}`);
  const dv = [{ week: 2 }, { years: 5 }, { hour: 3, minute: 30 }, { year: 1, month: 6 }, {}].map(durationValue).join(' ');
  if (dv !== 'P2W P5Y PT3H30M P1Y6M ') fail(`durationValue ${dv}`);
  if (isoWeek(2000, 1, 2) !== '1999-W52') fail(`isoWeek 2000-01-02 ${isoWeek(2000, 1, 2)}`);
  // The corpus: every gold span's text is its slice; the gold as predictions scores 1.0.
  for (const doc of docs) {
    for (const g of doc.gold) if (g.text !== g.written || !g.text) fail(`${doc.id}: gold ${g.tid} is ${JSON.stringify(g.text)} at its offsets, ${JSON.stringify(g.written)} in the markup`);
    const t = counts();
    scoreDocument(doc, doc.gold, t);
    if (t.relaxed !== t.gold || t.strict !== t.gold || t.value !== t.gold || t.type !== t.gold || t.predicted !== t.gold) fail(`${doc.id}: the gold as predictions gave ${JSON.stringify(t)}`);
  }
}
