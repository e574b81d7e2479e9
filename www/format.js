// How the page words an analysis: dates, amounts, quote kinds, who said a
// quote. Pure functions of the analysis object (no DOM), shared by the page
// (app.js) and the exports (export.js), so that the panel and the Markdown
// report never disagree about a label.

const nf = new Intl.NumberFormat('en');
export const num = (n) => nf.format(n);
export const plural = (n, one, many = `${one}s`) => `${num(n)}\u00a0${n === 1 ? one : many}`;
/** Runs of white space (line breaks included) as one space. */
export const squash = (t) => (t || '').replace(/\s+/g, ' ').trim();

export function formatBytes(n) {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} KB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** A file name made from the title: "germany-and-poland-promise". */
export function slug(title) {
  return (title || 'article').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASON_NAMES = { SP: 'Spring', SU: 'Summer', FA: 'Autumn', WI: 'Winter' };
const DAY_PARTS = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

export function ordinalSuffix(n) {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] || 'th'}`;
}

/** A published date as people read it ("27 February 2024, 09:30"); the raw
 *  value when it is not an ISO 8601 date. */
export function formatDate(value) {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi] = m;
  const day = `${Number(d)} ${MONTH_NAMES[Number(mo) - 1] || mo} ${y}`;
  return h ? `${day}, ${h}:${mi}` : day;
}

/** The article's byline as one line: "By A, B" from the authors, else the byline. */
export function bylineOf(meta) {
  return meta.authors && meta.authors.length ? `By ${meta.authors.join(', ')}` : meta.byline;
}

/** A timeline entry's date as people read it: "13 January 2022, morning",
 *  "January 2022", "2014", "the 1990s", "27 December 2021 – 2 January 2022". */
export function timelineLabel(e) {
  const v = e.value;
  const day = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
  };
  if (e.from === e.to) {
    const t = /T(.+)$/.exec(v);
    const part = t && (DAY_PARTS[t[1]] || (/^\d{2}:\d{2}/.test(t[1]) ? t[1].slice(0, 5) : null));
    return part ? `${day(e.from)}, ${part}` : day(e.from);
  }
  if (/^\d{3}$/.test(v)) return `the ${v}0s`;
  if (/^\d{2}$/.test(v)) return `the ${ordinalSuffix(Number(v) + 1)} century`;
  if (/^\d{4}$/.test(v)) return v;
  let m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-([QH])(\d)$/.exec(v);
  if (m) return m[2] === 'Q' ? `Q${m[3]} ${m[1]}` : `${m[3] === '1' ? 'First' : 'Second'} half of ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) return `${SEASON_NAMES[m[2]]} ${m[1]}`;
  return `${day(e.from)} – ${day(e.to)}`;
}

const FRACTIONS = [[1 / 2, '½'], [1 / 3, '⅓'], [2 / 3, '⅔'], [1 / 4, '¼'], [3 / 4, '¾']];
const compact = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });
const precise = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** One number of a quantity with its unit: "$40 billion", "6.8%", "64 km". */
function formatAmount(x, q) {
  const plain = Math.abs(x) >= 1e6 ? compact.format(x) : precise.format(x);
  switch (q.kind) {
    case 'money':
      if (/^[A-Z]{3}$/.test(q.unit)) {
        try {
          const money = new Intl.NumberFormat('en', { style: 'currency', currency: q.unit, maximumFractionDigits: 2 });
          if (Math.abs(x) < 1e6) return money.format(x);
          // Intl shortens compact money to "$40B"; the words read better.
          const sign = money.formatToParts(1).find((p) => p.type === 'currency').value;
          return sign.length <= 2 || sign.endsWith('$') ? `${sign}${plain}` : `${plain} ${sign}`;
        } catch { /* a code Intl does not know: written below */ }
      }
      return `${plain} ${q.unit}`;
    case 'percent':
      return q.unit === '%' ? `${precise.format(x)}%` : `${precise.format(x)} ${q.unit}s`;
    case 'ordinal':
      return ordinalSuffix(x);
    case 'fraction': {
      const f = FRACTIONS.find(([v]) => Math.abs(v - x) < 1e-9);
      return f ? f[1] : `${precise.format(x * 100)}%`;
    }
    case 'age':
      return `${plain} years old`;
    default:
      return q.unit ? `${plain} ${q.unit}` : plain;
  }
}

/** A quantity's amount with its bounds: "60,000–90,000", "≈ 10,000",
 *  "≥ 300", "≤ 40", "at least 200" for "hundreds of". */
export function formatQuantity(q) {
  const f = (x) => formatAmount(x, q);
  if (q.value == null && q.low != null && q.high != null) return `${f(q.low)} – ${f(q.high)}`;
  if (q.value == null && q.low != null) return `at least ${f(q.low)}`;
  if (q.value == null) return q.text;
  if (q.low != null) return `≥ ${f(q.value)}`;
  if (q.high != null) return `≤ ${f(q.value)}`;
  if (q.qualifier && q.qualifier !== 'exactly') return `≈ ${f(q.value)}`;
  return f(q.value);
}

export const QUANTITY_KINDS = {
  number: 'count', money: 'money', percent: 'percent', measure: 'measure',
  ordinal: 'ordinal', fraction: 'fraction', age: 'age',
};

/** The types of entities, in the order the panel and the report list them:
 *  [type, plural label, singular label]. */
export const ENTITY_TYPES = [
  ['PERSON', 'People', 'person'],
  ['ORG', 'Organisations', 'organisation'],
  ['PLACE', 'Places', 'place'],
  ['GROUP', 'Groups', 'group'],
];

/** What each kind of warning is called in the panel and the report. */
export const WARNING_KINDS = {
  'repeated-word': 'Repeated word',
  'orphan-fragment': 'Fragment',
  'unbalanced-quote': 'Quotation mark',
  'unbalanced-bracket': 'Bracket',
  mojibake: 'Garbled characters',
  markup: 'Markup',
  boilerplate: 'Page furniture',
  'long-sentence': 'Long sentence',
  'all-caps': 'Capitals',
  'unattributed-quote': 'No source',
};

/** What each kind of quote is called: in the tip, and as a badge in the panel. */
const QUOTE_KINDS = {
  direct: ['Direct quote', 'direct'],
  partial: ['Partial quote', 'partial'],
  indirect: ['Reported speech', 'reported'],
  scare: ['Scare quotes', 'scare'],
};
export const quoteKind = (kind) => QUOTE_KINDS[kind] || [kind, kind];

/** The group a quote is listed in: its source's id (as a string), 'scare'
 *  for scare quotes, 'none' when no source was found. */
export function quoteGroup(q, sources) {
  if (q.kind === 'scare') return 'scare';
  if (q.source_id !== null && q.source_id !== undefined && sources[q.source_id]) return String(q.source_id);
  return 'none';
}

/** The quotes' indexes by group (quoteGroup), in text order within each. */
export function quoteGroups(a) {
  const groups = new Map();
  const sources = a.sources || [];
  (a.quotes || []).forEach((q, i) => {
    const key = quoteGroup(q, sources);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  return groups;
}

/** Who said a quote: { who, lines, source, role }, for the tip over a quote,
 *  its accessible description and the exports. `source` is named,
 *  anonymous, unknown or scare. */
export function quoteInfo(a, q) {
  const [kindLabel] = quoteKind(q.kind);
  if (q.kind === 'scare') {
    return { who: 'Scare quotes', lines: ['The writer’s own distance from a word: nobody is quoted.'], source: 'scare', role: null, found: false };
  }
  const sources = a.sources || [];
  const src = q.source_id !== null && q.source_id !== undefined ? sources[q.source_id] : null;
  const ent = q.entity !== null && q.entity !== undefined ? (a.entities || [])[q.entity] : null;
  const found = Boolean(src || ent || q.speaker);
  const who = src ? src.name : ent ? ent.name : q.speaker ? q.speaker.text : 'Speaker not identified';
  const source = src ? src.kind : q.source === 'named' || q.source === 'anonymous' ? q.source : 'unknown';
  const lines = [];
  const role = src ? src.role : ent && ent.roles && ent.roles.length ? ent.roles[0] : null;
  if (role) lines.push(role);
  lines.push(source === 'unknown' ? kindLabel : `${kindLabel} · ${source} source`);
  // "he", "Psaki": the words the text uses for the speaker here.
  if (q.speaker && squash(q.speaker.text).toLowerCase() !== squash(who).toLowerCase()) {
    lines.push(`Called “${squash(q.speaker.text)}” here`);
  }
  return { who, lines, source, role, found };
}

/** Characters of a quote shown in the panel. */
const EXCERPT_CHARS = 110;

/** A short excerpt of what is quoted, cut at a word. */
export function excerpt(a, q, max = EXCERPT_CHARS) {
  const c = q.content || q;
  // The comma before an attribution ("…delay,” Carter said") is not what was said.
  let t = squash(a.text.slice(c.start, c.end)).replace(/\s*,$/, '');
  if (t.length > max) {
    const cut = t.lastIndexOf(' ', max);
    t = `${t.slice(0, cut > max / 2 ? cut : max).replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  return q.kind === 'indirect' ? t : `“${t}”`;
}

/** The quoting at a glance: quotes, sources, and how much of the quoted
 *  words rest on anonymous sources. */
export function quoteTotals(a) {
  const sources = a.sources || [];
  const groups = quoteGroups(a);
  const words = sources.reduce((n, s) => n + s.words, 0);
  const anonymous = sources.filter((s) => s.kind === 'anonymous');
  return {
    sources: sources.length,
    said: sources.reduce((n, s) => n + s.quotes, 0),
    words,
    anonymous: anonymous.length,
    anonWords: anonymous.reduce((n, s) => n + s.words, 0),
    none: (groups.get('none') || []).length,
    scare: (groups.get('scare') || []).length,
  };
}
