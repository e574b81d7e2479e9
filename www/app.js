// The page: takes a paste, a file or a drop, hands it to the analyzer (a Web
// Worker running the wasm), and shows the result. Everything from the input is
// put on the page as text (textContent, text nodes), never as HTML.
import { Analyzer } from './analyzer.js';

/** Paragraphs drawn in the text view; the analysis itself covers everything. */
const MAX_PARAGRAPHS_SHOWN = 1500;
/** Characters of JSON drawn in the JSON view (the download has it all). */
const MAX_JSON_SHOWN = 400_000;
/** Removed blocks longer than this are shown shortened, with the rest on demand. */
const REMOVED_PREVIEW_CHARS = 280;
/** A text area holding megabytes takes the main thread seconds to lay out, so
 *  larger pastes are held aside and the box shows their beginning. */
const MAX_EDITABLE_CHARS = 500_000;
const PREVIEW_CHARS = 20_000;

const $ = (id) => document.getElementById(id);
const ui = {
  source: $('source'),
  drop: $('drop'),
  mode: $('mode'),
  modeText: $('mode-text'),
  useText: $('use-text'),
  analyze: $('analyze'),
  file: $('file'),
  clear: $('clear'),
  kind: $('kind'),
  date: $('date'),
  raw: $('raw'),
  summaryLength: $('summary-length'),
  status: $('status'),
  error: $('error'),
  results: $('results'),
  header: $('article-header'),
  notices: $('notices'),
  stats: $('stats'),
  removed: $('removed'),
  removedCount: $('removed-count'),
  text: $('text'),
  showRemoved: $('show-removed'),
  entities: $('entities'),
  entitiesCount: $('entities-count'),
  quotes: $('quotes'),
  quotesCount: $('quotes-count'),
  quotesSummary: $('quotes-summary'),
  quoteTip: $('quote-tip'),
  quoteLegend: $('quote-legend'),
  keyphrases: $('keyphrases'),
  summary: $('summary'),
  warnings: $('warnings'),
  warningsCount: $('warnings-count'),
  timeline: $('timeline'),
  timelineCount: $('timeline-count'),
  timelineUnplaced: $('timeline-unplaced'),
  quantities: $('quantities'),
  quantitiesCount: $('quantities-count'),
  images: $('images'),
  imagesCount: $('images-count'),
  imagesSection: $('images-section'),
  json: $('json'),
  jsonDetails: $('json-details'),
  copyJson: $('copy-json'),
  downloadJson: $('download-json'),
};

const analyzer = new Analyzer();
const state = {
  /** Input held aside (an HTML paste, or a text too large to edit); analysed
   *  instead of the text area while set: { input, kind }. */
  held: null,
  /** How an opened file was read ('html' for .html), until the text changes. */
  fileKind: null,
  /** Blocks the user put back (numbers from removed[].block). */
  keep: new Set(),
  analysis: null,
  /** The entity whose mentions are highlighted, by id. */
  selected: null,
  /** The source whose quotes are highlighted: a source id, or 'none' (quotes
   *  with no identified speaker), or 'scare' (scare quotes). */
  selectedSource: null,
};

// ---------- small helpers ----------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k.startsWith('aria-')) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c !== null && c !== undefined) node.append(c); // strings become text nodes
  }
  return node;
}

function setState(name) {
  document.body.dataset.state = name;
  ui.results.setAttribute('aria-busy', String(name === 'busy'));
}

function formatBytes(n) {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} KB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

const nf = new Intl.NumberFormat('en');
const num = (n) => nf.format(n);

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
}

// ---------- input ----------

function currentInput() {
  if (state.held) return state.held;
  return { input: ui.source.value, kind: state.fileKind || ui.kind.value };
}

function currentOptions(kind) {
  const options = { kind, raw: ui.raw.checked, keep: [...state.keep] };
  if (ui.date.value) options.date = ui.date.value;
  if (ui.summaryLength.value) options.summary_sentences = Number(ui.summaryLength.value);
  return options;
}

/** Holds `input` aside (or, with null, returns to the text area) and says so. */
function hold(held, label, action) {
  state.held = held;
  ui.mode.hidden = held === null;
  ui.modeText.textContent = label || '';
  ui.useText.textContent = action || '';
  ui.source.readOnly = Boolean(held && held.large);
}

/** Puts a text in the box, or, when it is too large to edit, its beginning
 *  (the whole text is then held aside and analysed as `kind`). */
function showText(text, kind = ui.kind.value) {
  if (text.length <= MAX_EDITABLE_CHARS) {
    ui.source.value = text;
    hold(null);
    return;
  }
  ui.source.value = `${text.slice(0, PREVIEW_CHARS)}\n\n[… the rest of the ${formatBytes(utf8Length(text))} is not shown here, but all of it is analysed]`;
  hold({ input: text, kind, large: true }, `A large text (${formatBytes(utf8Length(text))}): the box shows its beginning; the analysis covers all of it.`, 'Clear');
}

/** Byte length of a string as UTF-8, without encoding it. */
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

async function run(input, kind, { onSuccess } = {}) {
  clearError();
  setState('busy');
  const size = formatBytes(utf8Length(input));
  const started = performance.now();
  const tick = () => {
    const s = ((performance.now() - started) / 1000).toFixed(1);
    ui.status.textContent = `Analysing ${size}… ${s} s`;
  };
  tick();
  // Each run owns its timer: an aborted run must not stop the newer one's.
  const timer = setInterval(tick, 250);
  try {
    const { analysis, ms } = await analyzer.analyze(input, currentOptions(kind));
    clearInterval(timer);
    if (onSuccess) onSuccess();
    state.analysis = analysis;
    render(analysis);
    ui.status.textContent = `Analysed ${size} in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms.`;
    setState('done');
  } catch (err) {
    clearInterval(timer);
    if (err.kind === 'aborted') return; // a newer analysis took over
    ui.status.textContent = '';
    hideQuoteTip();
    ui.results.hidden = true;
    state.analysis = null;
    showError(err.message);
    setState('error');
  }
}

function analyzeCurrent() {
  const { input, kind } = currentInput();
  return run(input, kind);
}

function onPaste(event) {
  const data = event.clipboardData;
  if (!data) return;
  event.preventDefault();
  state.fileKind = null;
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  state.keep.clear();
  if (html && html.trim()) {
    // A paste from a browser tab: its HTML keeps the structure (paragraphs,
    // headings, what is navigation). Show its plain text, analyse the HTML.
    ui.source.value = plain.length <= MAX_EDITABLE_CHARS ? plain : plain.slice(0, PREVIEW_CHARS) + '…';
    hold({ input: html, kind: 'html' }, `Pasted from a web page: its HTML (${formatBytes(utf8Length(html))}) is analysed.`, 'Use the plain text instead');
  } else if (state.held || ui.source.value.length + plain.length > MAX_EDITABLE_CHARS) {
    showText(state.held && state.held.large ? state.held.input + plain : plain);
  } else {
    // Insert at the cursor as a normal paste would.
    const { selectionStart, selectionEnd } = ui.source;
    ui.source.setRangeText(plain, selectionStart, selectionEnd, 'end');
    hold(null);
  }
  analyzeCurrent();
}

function looksHtmlFile(name, type) {
  return /\.html?$/i.test(name) || type === 'text/html';
}

async function openFile(file) {
  if (!file) return;
  let text;
  try {
    const bytes = await file.arrayBuffer();
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  } catch (err) {
    showError(`The file “${file.name}” could not be read (${err.message}).`);
    return;
  }
  state.keep.clear();
  const kind = looksHtmlFile(file.name, file.type) ? 'html' : 'auto';

  // Analyse first: a binary file is refused with a message and never lands in
  // the text area, so what the user had there is not lost.
  await run(text, kind, {
    onSuccess: () => {
      showText(text, kind);
      // Re-analyses (a restore) read the file as it was read now.
      state.fileKind = kind;
    },
  });
}

// ---------- rendering ----------

function fleschBand(score) {
  if (score >= 90) return 'very easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly easy';
  if (score >= 60) return 'plain English';
  if (score >= 50) return 'fairly difficult';
  if (score >= 30) return 'difficult';
  return 'very difficult';
}

/** A published date as people read it ("27 February 2024, 09:30"); the raw
 *  value when it is not an ISO 8601 date. */
function formatDate(value) {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi] = m;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const day = `${Number(d)} ${months[Number(mo) - 1] || mo} ${y}`;
  return h ? `${day}, ${h}:${mi}` : day;
}

function renderHeader(a) {
  const m = a.meta;
  ui.header.replaceChildren();
  if (m.site) ui.header.append(el('p', { class: 'site-name' }, m.site));
  if (m.title) ui.header.append(el('p', { class: 'title', role: 'heading', ariaLevel: '3' }, m.title));
  const byline = m.authors && m.authors.length ? `By ${m.authors.join(', ')}` : m.byline;
  const date = formatDate(m.published);
  const line = [
    byline,
    date && el('time', { dateTime: m.published, title: m.published }, date),
    a.input.kind === 'html' ? 'from HTML' : null,
  ].filter(Boolean);
  if (line.length) {
    const p = el('p', { class: 'byline' });
    line.forEach((part, i) => p.append(i ? ' · ' : '', part));
    ui.header.append(p);
  }
  if (m.description) ui.header.append(el('p', { class: 'description' }, m.description));
  if (m.url) ui.header.append(el('p', { class: 'url' }, m.url));
}

function renderNotices(a) {
  ui.notices.replaceChildren(...a.notices.map((n) => el('li', { dataset: { kind: n.kind } }, n.message)));
}

function renderStats(a) {
  const s = a.stats;
  const rows = [
    ['Words', num(s.words)],
    ['Sentences', num(s.sentences)],
    ['Paragraphs', num(s.paragraphs)],
    ['Characters', `${num(s.characters)} (${num(s.characters_no_spaces)} without spaces)`],
    ['Reading time', s.words ? `${num(s.reading_time_minutes)} min` : '—'],
    ['Flesch reading ease', s.flesch_reading_ease === null ? '—' : `${s.flesch_reading_ease.toFixed(1)} (${fleschBand(s.flesch_reading_ease)})`],
    ['Flesch–Kincaid grade', s.flesch_kincaid_grade === null ? '—' : s.flesch_kincaid_grade.toFixed(1)],
    ['Gunning fog', s.gunning_fog === null ? '—' : s.gunning_fog.toFixed(1)],
    ['Average sentence', s.avg_sentence_words === null ? '—' : `${s.avg_sentence_words.toFixed(1)} words`],
    ['Longest sentence', s.longest_sentence ? `${num(s.longest_sentence.words)} words` : '—'],
  ];
  ui.stats.replaceChildren(
    ...rows.map(([k, v]) => el('div', { dataset: { stat: k.toLowerCase().replace(/[^a-z]+/g, '-') } }, el('dt', {}, k), el('dd', {}, v))),
  );
  const longest = s.longest_sentence;
  if (longest) {
    const dd = ui.stats.querySelector('[data-stat="longest-sentence"] dd');
    dd.append(' ', el('button', { type: 'button', class: 'link', onclick: () => focusLongest() }, 'show'));
  }
}

function focusLongest() {
  const mark = ui.text.querySelector('mark.longest');
  if (mark) {
    // A quote running out of the sentence cuts its mark in parts.
    for (const part of ui.text.querySelectorAll('mark.longest')) part.classList.add('active');
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.focus({ preventScroll: true });
  }
}

function restore(block) {
  state.keep.add(block);
  analyzeCurrent();
}

function removedItem(r, inline) {
  const long = r.text.length > REMOVED_PREVIEW_CHARS;
  const textNode = el('span', { class: 'removed-text' }, long ? r.text.slice(0, REMOVED_PREVIEW_CHARS) + '…' : r.text);
  const parts = [
    el('span', { class: 'reason', dataset: { reason: r.reason } }, r.label),
    ' ',
    textNode,
  ];
  if (long) {
    parts.push(' ', el('button', {
      type: 'button',
      class: 'link',
      onclick: (e) => { textNode.textContent = r.text; e.target.remove(); },
    }, 'show all'));
  }
  parts.push(' ', el('button', {
    type: 'button',
    class: 'restore',
    onclick: () => restore(r.block),
    ariaLabel: `Restore this ${r.label} to the text`,
  }, 'Restore'));
  return el(inline ? 'p' : 'li', { class: inline ? 'removed-block' : 'item', dataset: { block: String(r.block) } }, ...parts);
}

function renderRemoved(a) {
  ui.removedCount.textContent = a.removed.length ? `(${a.removed.length})` : '';
  // Grouped by reason, largest group first: a page's furniture can be
  // hundreds of menu links.
  const groups = new Map();
  for (const r of a.removed) {
    if (!groups.has(r.reason)) groups.set(r.reason, []);
    groups.get(r.reason).push(r);
  }
  const items = [...groups.values()]
    .sort((x, y) => y.length - x.length)
    .map((list) => el('li', { class: 'group', dataset: { reason: list[0].reason } },
      // Open when there is little to show; a page's worth stays folded.
      el('details', { open: a.removed.length <= 5 },
        el('summary', {}, el('span', { class: 'reason' }, list[0].label), ` ${num(list.length)}`),
        el('ul', {}, ...list.map((r) => removedItem(r, false))))));
  if (!items.length) items.push(el('li', { class: 'empty' }, 'Nothing was removed.'));
  if (state.keep.size) {
    items.push(el('li', { class: 'restored' },
      `${state.keep.size} block(s) restored to the text. `,
      el('button', { type: 'button', class: 'link', onclick: () => { state.keep.clear(); analyzeCurrent(); } }, 'Remove them again'),
    ));
  }
  ui.removed.replaceChildren(...items);
}

/** Removed blocks that stood together in the text: one line each when few,
 *  folded into one summary when many (a menu of forty links). */
function removedRun(run) {
  if (run.length <= 3) return run.map((r) => removedItem(r, true));
  const labels = [...new Set(run.map((r) => r.label))];
  return [el('details', { class: 'removed-run' },
    el('summary', {}, `${num(run.length)} removed blocks: ${labels.slice(0, 3).join(', ')}${labels.length > 3 ? '…' : ''}`),
    ...run.map((r) => removedItem(r, true)))];
}

/** The element a paragraph is drawn as, by its kind in the article. */
function paragraphElement(kind) {
  switch (kind) {
    case 'heading': return el('p', { class: 'kind-heading', role: 'heading', ariaLevel: '4' });
    case 'list-item': return el('p', { class: 'kind-list-item' });
    case 'quote': return el('blockquote', { class: 'kind-quote' });
    case 'code': return el('pre', { class: 'kind-code' });
    case 'caption': return el('p', { class: 'kind-caption' });
    case 'table-row': return el('p', { class: 'kind-table-row' });
    default: return el('p');
  }
}

function renderImages(a) {
  const images = a.images || [];
  ui.imagesSection.hidden = images.length === 0;
  ui.imagesCount.textContent = images.length ? `(${images.length})` : '';
  // Addresses as text: never an <img>, never fetched.
  ui.images.replaceChildren(...images.map((img) => el('li', {},
    el('code', { class: 'image-src' }, img.src),
    img.alt ? el('span', { class: 'image-alt' }, ` — ${img.alt}`) : '')));
}

/** The types of entities, in the order the panel lists them. */
const ENTITY_TYPES = [
  ['PERSON', 'People'],
  ['ORG', 'Organisations'],
  ['PLACE', 'Places'],
  ['GROUP', 'Groups'],
];

/** Every mention in text order, each with its entity: what the text view marks. */
function mentionList(a) {
  const list = [];
  for (const e of a.entities || []) {
    for (const m of e.mentions) list.push({ start: m.start, end: m.end, entity: e });
  }
  list.sort((x, y) => x.start - y.start || y.end - x.end);
  // Mentions never overlap; should two ever do, the first one wins.
  const out = [];
  for (const m of list) if (!out.length || m.start >= out[out.length - 1].end) out.push(m);
  return out;
}

function selectEntity(id) {
  state.selected = state.selected === id ? null : id;
  for (const b of ui.entities.querySelectorAll('button.entity')) {
    b.setAttribute('aria-pressed', String(Number(b.dataset.entity) === state.selected));
  }
  let first = null;
  for (const m of ui.text.querySelectorAll('mark.ent')) {
    const on = Number(m.dataset.entity) === state.selected;
    m.classList.toggle('selected', on);
    if (on && !first) first = m;
  }
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function renderEntities(a) {
  const entities = a.entities || [];
  ui.entitiesCount.textContent = entities.length ? `(${entities.length})` : '';
  if (!entities.some((e) => e.id === state.selected)) state.selected = null;
  const groups = ENTITY_TYPES.map(([type, label]) => {
    const list = entities.filter((e) => e.type === type);
    if (!list.length) return null;
    return el('section', { class: 'entity-group', dataset: { type } },
      el('h4', {}, label, ' ', el('span', { class: 'count' }, `(${list.length})`)),
      el('ul', {}, ...list.map((e) => el('li', {},
        el('button', {
          type: 'button',
          class: 'entity',
          dataset: { entity: String(e.id), type: e.type },
          ariaPressed: String(e.id === state.selected),
          title: `Highlight the ${e.count} mention(s) of ${e.name}`,
          onclick: () => selectEntity(e.id),
        },
        el('span', { class: 'entity-name' }, e.name),
        ' ',
        el('span', { class: 'entity-count' }, `×${num(e.count)}`)),
        e.roles.length ? el('span', { class: 'entity-roles' }, e.roles.join('; ')) : '',
        e.aliases.length ? el('span', { class: 'entity-aliases' }, `also ${e.aliases.join(', ')}`) : ''))));
  }).filter(Boolean);
  if (!groups.length) groups.push(el('p', { class: 'empty' }, 'No people, organisations or places found.'));
  ui.entities.replaceChildren(...groups);
}

// ---------- who said what ----------

/** What each kind of quote is called: in the tip, and as a badge in the panel. */
const QUOTE_KINDS = {
  direct: ['Direct quote', 'direct'],
  partial: ['Partial quote', 'partial'],
  indirect: ['Reported speech', 'reported'],
  scare: ['Scare quotes', 'scare'],
};
const quoteKind = (kind) => QUOTE_KINDS[kind] || [kind, kind];
/** Quotes listed under a source before a "show more". */
const QUOTES_LISTED = 3;
/** Characters of a quote shown in the panel. */
const EXCERPT_CHARS = 110;

const plural = (n, one, many = `${one}s`) => `${num(n)}\u00a0${n === 1 ? one : many}`;
const squash = (t) => (t || '').replace(/\s+/g, ' ').trim();

/** The panel group a quote is listed in: its source's id (as a string),
 *  'scare' for scare quotes, 'none' when no source was found. */
function quoteGroup(q, sources) {
  if (q.kind === 'scare') return 'scare';
  if (q.source_id !== null && q.source_id !== undefined && sources[q.source_id]) return String(q.source_id);
  return 'none';
}

/** Who said it, for the tip over a quote and its accessible description. */
function quoteInfo(a, q) {
  const [kindLabel] = quoteKind(q.kind);
  if (q.kind === 'scare') {
    return { who: 'Scare quotes', lines: ['The writer’s own distance from a word: nobody is quoted.'], source: 'scare' };
  }
  const sources = a.sources || [];
  const src = q.source_id !== null && q.source_id !== undefined ? sources[q.source_id] : null;
  const ent = q.entity !== null && q.entity !== undefined ? (a.entities || [])[q.entity] : null;
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
  return { who, lines, source };
}

/** A short excerpt of what is quoted, cut at a word. */
function excerpt(a, q) {
  const c = q.content || q;
  // The comma before an attribution ("…delay,” Carter said") is not what was said.
  let t = squash(a.text.slice(c.start, c.end)).replace(/\s*,$/, '');
  if (t.length > EXCERPT_CHARS) {
    const cut = t.lastIndexOf(' ', EXCERPT_CHARS);
    t = `${t.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS).replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  return q.kind === 'indirect' ? t : `“${t}”`;
}

function quoteButton(a, i) {
  const q = a.quotes[i];
  const [label, badge] = quoteKind(q.kind);
  return el('button', {
    type: 'button',
    class: 'quote-link',
    dataset: { quote: String(i), kind: q.kind },
    title: `${label}: show it in the text`,
    onclick: () => goToQuote(i),
  }, el('span', { class: `badge kind-badge kind-${q.kind}` }, badge), ' ', el('span', { class: 'excerpt' }, excerpt(a, q)));
}

/** A source's quotes: the first few, the rest on demand. */
function quoteList(a, indexes) {
  const items = indexes.map((i, n) => el('li', { hidden: n >= QUOTES_LISTED }, quoteButton(a, i)));
  const list = el('ul', { class: 'source-quotes' }, ...items);
  if (indexes.length > QUOTES_LISTED) {
    const more = el('li', { class: 'more' }, el('button', {
      type: 'button',
      class: 'link',
      onclick: () => {
        for (const li of items) li.hidden = false;
        more.remove();
        items[QUOTES_LISTED].querySelector('button').focus();
      },
    }, `show ${num(indexes.length - QUOTES_LISTED)} more`));
    list.append(more);
  }
  return list;
}

function sourceCounts(direct, reported, words) {
  const parts = [];
  if (direct) parts.push(plural(direct, 'quote'));
  if (reported) parts.push(`${num(reported)} reported`);
  const line = parts.join(', ');
  return words ? `${line} · ${plural(words, 'word')}` : line;
}

function sourceItem(a, key, { name, kind, role, counts, share }, indexes) {
  const stats = el('p', { class: 'source-stats' }, el('span', { class: 'source-counts' }, counts));
  if (share !== null) {
    const pct = Math.round(share * 100);
    stats.append(' ', el('span', { class: 'share' },
      el('meter', { min: 0, max: 1, value: share, 'aria-label': `${name}: share of all quoted words` }),
      ` ${share > 0 && pct === 0 ? 'under 1' : pct}% of the quoted words`));
  }
  return el('li', { class: 'source', dataset: { kind, source: key } },
    el('button', {
      type: 'button',
      class: 'source-button',
      dataset: { source: key, kind },
      'aria-pressed': String(state.selectedSource === key),
      title: `Highlight ${indexes.length === 1 ? 'this quote' : `these ${indexes.length} quotes`} in the text`,
      onclick: () => selectSource(key),
    },
    el('span', { class: 'source-name' }, name),
    kind === 'unknown' ? null : ' ',
    kind === 'unknown' ? null : el('span', { class: `badge source-badge source-${kind}` }, kind)),
    role ? el('p', { class: 'source-role' }, role) : null,
    stats,
    quoteList(a, indexes));
}

function renderQuotes(a) {
  const quotes = a.quotes || [];
  const sources = a.sources || [];
  state.quoteInfo = quotes.map((q) => quoteInfo(a, q));
  const groups = new Map();
  quotes.forEach((q, i) => {
    const key = quoteGroup(q, sources);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  if (!groups.has(state.selectedSource) || state.selectedSource === 'scare') state.selectedSource = null;
  ui.quotesCount.textContent = sources.length ? `(${plural(sources.length, 'source')})` : '';

  const words = sources.reduce((n, s) => n + s.words, 0);
  const anonymous = sources.filter((s) => s.kind === 'anonymous');
  const anonWords = anonymous.reduce((n, s) => n + s.words, 0);
  const said = sources.reduce((n, s) => n + s.quotes, 0);
  const none = groups.get('none') || [];
  const scare = groups.get('scare') || [];

  // The summary: whose voice carries the article, and how much of it rests
  // on people the reader cannot check.
  const summary = [];
  if (sources.length) {
    summary.push(`${plural(said, 'quote')} from ${plural(sources.length, 'source')}${anonymous.length ? ` (${num(anonymous.length)}\u00a0anonymous)` : ''}`);
    if (words) {
      const pct = Math.round((anonWords / words) * 100);
      summary.push(anonWords ? `${pct === 0 ? 'under 1' : pct}% of the quoted words from anonymous sources` : 'none of the quoted words from anonymous sources');
    }
  }
  if (none.length) summary.push(`${sources.length ? `${plural(none.length, 'more quote')}` : plural(none.length, 'quote')} with no speaker found`);
  if (scare.length) summary.push(plural(scare.length, 'scare quote'));
  ui.quotesSummary.textContent = summary.length ? `${summary.join('; ')}.` : '';
  ui.quotesSummary.hidden = !summary.length;

  const items = sources.map((s) => {
    const key = String(s.id);
    return sourceItem(a, key, {
      name: s.name,
      kind: s.kind,
      role: s.role,
      counts: sourceCounts(s.direct, s.quotes - s.direct, s.words),
      // Reported speech only: no quoted words, no share to show.
      share: words && s.words ? s.words / words : null,
    }, groups.get(key) || []);
  });
  if (none.length) {
    const direct = none.filter((i) => quotes[i].kind !== 'indirect').length;
    items.push(sourceItem(a, 'none', {
      name: 'No speaker found',
      kind: 'unknown',
      role: null,
      counts: sourceCounts(direct, none.length - direct, 0),
      share: null,
    }, none));
  }
  const parts = [];
  if (items.length) parts.push(el('ol', { class: 'sources' }, ...items));
  // Scare quotes have no speaker: not a source, one line with each of them.
  if (scare.length) {
    const line = el('p', { class: 'scare-quotes' }, el('span', { class: 'scare-label' }, 'Scare quotes'), ' ',
      el('span', { class: 'hint-inline' }, '(the writer’s, nobody is quoted):'), ' ');
    scare.forEach((i, n) => line.append(n ? ' ' : '', el('button', {
      type: 'button',
      class: 'quote-link scare-link',
      dataset: { quote: String(i), kind: 'scare' },
      title: 'Scare quotes: show them in the text',
      onclick: () => goToQuote(i),
    }, excerpt(a, quotes[i]))));
    parts.push(line);
  }
  if (!parts.length) parts.push(el('p', { class: 'empty' }, 'No quotations or reported speech found.'));
  ui.quoteLegend.hidden = !quotes.length;
  ui.quotes.replaceChildren(...parts);
}

/** Quote buttons whose quote is not drawn in the text (the headline, past
 *  the paragraphs shown) say so instead of doing nothing. */
function syncQuoteButtons() {
  const drawn = new Set([...ui.text.querySelectorAll('mark.quote')].map((m) => m.dataset.quote));
  for (const b of ui.quotes.querySelectorAll('button.quote-link')) {
    const missing = !drawn.has(b.dataset.quote);
    b.disabled = missing;
    if (missing) b.title = 'Not in the text shown below (in the headline, or past the paragraphs shown)';
  }
}

function selectSource(key) {
  state.selectedSource = state.selectedSource === key ? null : key;
  for (const b of ui.quotes.querySelectorAll('button.source-button')) {
    b.setAttribute('aria-pressed', String(b.dataset.source === state.selectedSource));
  }
  let first = null;
  for (const m of ui.text.querySelectorAll('mark.quote')) {
    const on = m.dataset.group === state.selectedSource;
    m.classList.toggle('selected', on);
    if (on && !first) first = m;
  }
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function goToQuote(i) {
  const mark = ui.text.querySelector(`mark.quote[data-quote="${i}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'instant' });
  mark.focus({ preventScroll: true });
}

// The tip over a quote: who said it, on hover and on keyboard focus. One
// element for the page, placed beside the quote's line; Escape hides it.
let tipAnchor = null; // { mark, via: 'hover' | 'focus', y }

function showQuoteTip(mark, via, y = null) {
  const info = state.quoteInfo && state.quoteInfo[Number(mark.dataset.quote)];
  if (!info) return;
  ui.quoteTip.replaceChildren(
    el('strong', { class: 'tip-who' }, info.who),
    ...info.lines.map((line) => el('span', { class: 'tip-line' }, line)));
  ui.quoteTip.dataset.source = info.source;
  tipAnchor = { mark, via, y };
  for (const s of ui.text.querySelectorAll('.speaker.speaking')) s.classList.remove('speaking');
  if (mark.dataset.speaker) {
    for (const s of ui.text.querySelectorAll(`.speaker[data-speaker="${mark.dataset.speaker}"]`)) s.classList.add('speaking');
  }
  placeQuoteTip();
}

function placeQuoteTip() {
  if (!tipAnchor) return;
  const tip = ui.quoteTip;
  const rects = [...tipAnchor.mark.getClientRects()];
  const box = ui.text.getBoundingClientRect();
  let r = rects[0];
  if (tipAnchor.y !== null) r = rects.find((x) => tipAnchor.y >= x.top && tipAnchor.y <= x.bottom) || r;
  // Scrolled out of the text view: no tip floating over something else.
  if (!r || r.bottom < box.top || r.top > box.bottom) {
    tip.hidden = true;
    return;
  }
  tip.hidden = false;
  const width = document.documentElement.clientWidth;
  const left = Math.max(8, Math.min(r.left, width - tip.offsetWidth - 8));
  let top = r.top - tip.offsetHeight - 6;
  if (top < 8) top = r.bottom + 6;
  tip.style.left = `${Math.round(left)}px`;
  tip.style.top = `${Math.round(top)}px`;
}

function hideQuoteTip() {
  tipAnchor = null;
  ui.quoteTip.hidden = true;
  for (const s of ui.text.querySelectorAll('.speaker.speaking')) s.classList.remove('speaking');
}

/** After the pointer leaves: back to the focused quote's tip, if any. */
function tipToFocus() {
  const focused = document.activeElement;
  if (focused && focused.matches && focused.matches('#text mark.quote')) showQuoteTip(focused, 'focus');
  else hideQuoteTip();
}

ui.text.addEventListener('focusin', (e) => {
  const mark = e.target.closest && e.target.closest('mark.quote');
  if (mark) showQuoteTip(mark, 'focus');
});
ui.text.addEventListener('focusout', () => {
  if (tipAnchor && tipAnchor.via === 'focus') hideQuoteTip();
});
ui.text.addEventListener('mouseover', (e) => {
  const mark = e.target.closest && e.target.closest('mark.quote');
  if (mark) {
    if (!tipAnchor || tipAnchor.mark !== mark || tipAnchor.via !== 'hover') showQuoteTip(mark, 'hover', e.clientY);
  } else if (tipAnchor && tipAnchor.via === 'hover') {
    tipToFocus();
  }
});
ui.text.addEventListener('mouseleave', () => {
  if (tipAnchor && tipAnchor.via === 'hover') tipToFocus();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && tipAnchor) hideQuoteTip();
});
// Scrolling moves the quote: a focused quote's tip follows it, a hover tip goes.
const followScroll = () => {
  if (!tipAnchor) return;
  if (tipAnchor.via === 'hover') tipToFocus();
  else placeQuoteTip();
};
window.addEventListener('scroll', followScroll, { capture: true, passive: true });
window.addEventListener('resize', followScroll, { passive: true });

// ---------- the text view ----------

// ---------- what it is about ----------

/** The key phrase highlighted in the text, lower case, or null. */
let selectedPhrase = null;

/** Highlights every occurrence of `phrase` (case-insensitive, whole words)
 *  in the text view with the CSS Custom Highlight API: no element is added
 *  or changed, so the marks already there (entities, quotes) stay as they
 *  are. Returns how many were found. */
function highlightPhrase(phrase) {
  if (!globalThis.CSS || !CSS.highlights) return 0;
  CSS.highlights.delete('keyphrase');
  if (!phrase) return 0;
  // The text view's text nodes, joined, with where each starts.
  const nodes = [];
  let joined = '';
  const walker = document.createTreeWalker(ui.text, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n, at: joined.length });
    joined += n.data;
  }
  const hay = joined.toLowerCase();
  const needle = phrase.toLowerCase();
  const isWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const locate = (offset) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[mid].at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo].node, offset - nodes[lo].at];
  };
  const ranges = [];
  for (let i = hay.indexOf(needle); i !== -1 && ranges.length < 2000; i = hay.indexOf(needle, i + needle.length)) {
    if (isWord(hay[i - 1]) || isWord(hay[i + needle.length])) continue;
    const range = new Range();
    range.setStart(...locate(i));
    range.setEnd(...locate(i + needle.length));
    ranges.push(range);
  }
  if (ranges.length) CSS.highlights.set('keyphrase', new Highlight(...ranges));
  return ranges.length;
}

function selectPhrase(text) {
  selectedPhrase = selectedPhrase === text ? null : text;
  for (const b of ui.keyphrases.querySelectorAll('button.keyphrase')) {
    b.setAttribute('aria-pressed', String(b.dataset.phrase === selectedPhrase));
  }
  const found = highlightPhrase(selectedPhrase);
  ui.status.textContent = selectedPhrase ? `“${selectedPhrase}”: ${num(found)} in the text shown.` : '';
}

function renderAbout(a) {
  const phrases = a.keyphrases || [];
  selectedPhrase = null;
  highlightPhrase(null);
  ui.keyphrases.replaceChildren(...(phrases.length
    ? phrases.map((k) => el('li', {},
      el('button', {
        type: 'button',
        class: 'keyphrase',
        dataset: { phrase: k.text },
        ariaPressed: 'false',
        title: `Score ${k.score.toFixed(2)} (1 for the best). Highlight it in the text.`,
        onclick: () => selectPhrase(k.text),
      }, k.text,
      el('span', { class: 'kp-bar', ariaHidden: 'true' }, el('span', { class: `kp-fill kp-${Math.max(1, Math.round(k.score * 10))}` })))))
    : [el('li', { class: 'empty' }, 'No key phrases found.')]));
  const summary = a.summary || [];
  ui.summary.replaceChildren(...summary.map((i) => {
    const s = a.sentences[i];
    return el('li', {},
      el('span', { class: 'summary-sentence' }, a.text.slice(s.start, s.end)),
      ' ',
      el('button', {
        type: 'button',
        class: 'link summary-go',
        dataset: { sentence: String(i) },
        title: 'Find this sentence in the text',
        onclick: () => goToMark(`mark.summary[data-sentence="${i}"]`),
      }, 'in the text'));
  }));
}

// ---------- warnings ----------

/** What each kind of warning is called in the panel. */
const WARNING_KINDS = {
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

function renderWarnings(a) {
  const list = a.warnings || [];
  ui.warningsCount.textContent = list.length ? `(${list.length})` : '';
  if (!list.length) {
    ui.warnings.replaceChildren(el('li', { class: 'empty' }, 'Nothing to flag.'));
    return;
  }
  ui.warnings.replaceChildren(...list.map((w, i) => el('li', { class: 'warning', dataset: { kind: w.kind } },
    el('button', {
      type: 'button',
      class: 'warn-go link',
      dataset: { warn: String(i) },
      title: 'Find it in the text',
      onclick: () => goToMark(`mark.warn[data-warn="${i}"]`),
    }, WARNING_KINDS[w.kind] || w.kind),
    ' ',
    el('span', { class: 'warn-message' }, w.message))));
}

// ---------- when and how much ----------

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASON_NAMES = { SP: 'Spring', SU: 'Summer', FA: 'Autumn', WI: 'Winter' };
const DAY_PARTS = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };
/** Characters of a sentence shown around a time in the timeline. */
const TIMELINE_EXCERPT = 220;

function ordinalSuffix(n) {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] || 'th'}`;
}

/** A timeline entry's date as people read it: "13 January 2022, morning",
 *  "January 2022", "2014", "the 1990s", "27 December 2021 – 2 January 2022". */
function timelineLabel(e) {
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

/** The sentence around [start, end) cut to about `max` characters, with the
 *  expression marked: a list of strings and one element. */
function excerptAround(text, s, start, end, max) {
  let from = s.start;
  let to = s.end;
  if (to - from > max) {
    const room = Math.max(0, max - (end - start));
    from = Math.max(s.start, start - Math.floor(room / 2));
    to = Math.min(s.end, from + max);
    from = Math.max(s.start, Math.min(from, to - max));
  }
  return [
    from > s.start ? '…' : '',
    text.slice(from, start),
    el('mark', { class: 'tl-expr' }, text.slice(start, end)),
    text.slice(end, to),
    to < s.end ? '…' : '',
  ];
}

/** Scrolls to the mark `selector` in the text and focuses it. */
function goToMark(selector) {
  const mark = ui.text.querySelector(selector);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'instant' });
  mark.focus({ preventScroll: true });
  mark.classList.add('flash');
  setTimeout(() => mark.classList.remove('flash'), 1500);
}

function renderTimeline(a) {
  const entries = a.timeline || [];
  ui.timelineCount.textContent = entries.length ? `(${entries.length})` : '';
  const unplaced = (a.times || []).filter((t) => /X/.test(t.value) && (t.type === 'DATE' || t.type === 'TIME'));
  ui.timelineUnplaced.hidden = !unplaced.length || Boolean(a.input.reference_date);
  ui.timelineUnplaced.textContent = unplaced.length
    ? `${num(unplaced.length)} date${unplaced.length === 1 ? '' : 's'} such as “${unplaced[0].text}” cannot be placed: the article gives no published date. Set a reference date under Options and analyse again.`
    : '';
  if (!entries.length) {
    ui.timeline.replaceChildren(el('li', { class: 'empty' }, 'No dates the calendar can place.'));
    return;
  }
  ui.timeline.replaceChildren(...entries.map((e) => {
    const t = a.times[e.time];
    const s = a.sentences[e.sentence];
    return el('li', { class: 'tl-item' },
      el('button', {
        type: 'button',
        class: 'tl-go link',
        dataset: { time: String(e.time) },
        title: `Find “${t.text}” in the text (${e.value})`,
        onclick: () => goToMark(`mark.time[data-time="${e.time}"]`),
      }, el('span', { class: 'tl-date' }, timelineLabel(e))),
      s ? el('span', { class: 'tl-sentence' }, ...excerptAround(a.text, s, t.start, t.end, TIMELINE_EXCERPT)) : '');
  }));
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
function formatQuantity(q) {
  const f = (x) => formatAmount(x, q);
  if (q.value == null && q.low != null && q.high != null) return `${f(q.low)} – ${f(q.high)}`;
  if (q.value == null && q.low != null) return `at least ${f(q.low)}`;
  if (q.value == null) return q.text;
  if (q.low != null) return `≥ ${f(q.value)}`;
  if (q.high != null) return `≤ ${f(q.value)}`;
  if (q.qualifier && q.qualifier !== 'exactly') return `≈ ${f(q.value)}`;
  return f(q.value);
}

const QUANTITY_KINDS = {
  number: 'count', money: 'money', percent: 'percent', measure: 'measure',
  ordinal: 'ordinal', fraction: 'fraction', age: 'age',
};

function renderQuantities(a) {
  const list = a.quantities || [];
  ui.quantitiesCount.textContent = list.length ? `(${list.length})` : '';
  if (!list.length) {
    ui.quantities.replaceChildren(el('p', { class: 'empty' }, 'No numbers found.'));
    return;
  }
  const rows = list.map((q, i) => el('tr', { dataset: { kind: q.kind } },
    el('td', { class: 'qty-amount' },
      el('button', {
        type: 'button',
        class: 'qty-go link',
        dataset: { qty: String(i) },
        title: `Find “${q.text}” in the text`,
        onclick: () => goToMark(`mark.qty[data-qty="${i}"]`),
      }, formatQuantity(q))),
    el('td', { class: 'qty-counted' }, q.counted || ''),
    el('td', { class: 'qty-text' }, q.text),
    el('td', { class: 'qty-kind' }, el('span', { class: `badge qk-${q.kind}` }, QUANTITY_KINDS[q.kind] || q.kind))));
  ui.quantities.replaceChildren(el('table', { class: 'qty-table' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Amount'),
      el('th', { scope: 'col' }, 'Of what'),
      el('th', { scope: 'col' }, 'As written'),
      el('th', { scope: 'col' }, 'Kind'))),
    el('tbody', {}, ...rows)));
}

const byPosition = (x, y) => x.start - y.start || y.end - x.end || x.rank - y.rank;

/** Appends text[start, end) to `parent` with `ranges` ({ start, end, rank,
 *  make() }, all inside [start, end)) drawn as nested elements: a range
 *  inside another becomes its child (a name inside a quote, a quote inside
 *  the longest sentence). Ranges that cross are cut where the outer one
 *  ends, so the elements always nest. The rank orders ranges of the same
 *  extent, outermost first. */
function appendRanges(parent, text, start, end, ranges) {
  let list = ranges.slice().sort(byPosition);
  let at = start;
  let i = 0;
  while (i < list.length) {
    const r = list[i++];
    const from = Math.max(r.start, at);
    if (from >= r.end) continue;
    if (from > at) parent.append(text.slice(at, from));
    const inner = [];
    const carry = [];
    while (i < list.length && list[i].start < r.end) {
      const c = list[i++];
      if (c.end <= r.end) inner.push(c);
      else {
        inner.push({ ...c, end: r.end });
        carry.push({ ...c, start: r.end });
      }
    }
    const node = r.make();
    appendRanges(node, text, from, r.end, inner);
    parent.append(node);
    at = r.end;
    if (carry.length) {
      list = carry.concat(list.slice(i)).sort(byPosition);
      i = 0;
    }
  }
  if (end > at) parent.append(text.slice(at, end));
}

/** Each quote cut into its parts per paragraph (a quote may run over
 *  several): a map from paragraph index to [{ start, end, index }]. */
function quotePieces(a) {
  const pieces = new Map();
  const paras = a.paragraphs;
  for (let qi = 0; qi < (a.quotes || []).length; qi++) {
    const q = a.quotes[qi];
    // The first paragraph ending after the quote's start.
    let lo = 0;
    let hi = paras.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paras[mid].end <= q.start) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < paras.length && paras[p].start < q.end; p++) {
      const start = Math.max(q.start, paras[p].start);
      const end = Math.min(q.end, paras[p].end);
      if (start >= end) continue;
      if (!pieces.has(p)) pieces.set(p, []);
      pieces.get(p).push({ start, end, index: qi });
    }
  }
  return pieces;
}

function renderText(a) {
  hideQuoteTip();
  const text = a.text;
  const frag = document.createDocumentFragment();
  const removed = ui.showRemoved.checked ? [...a.removed] : [];
  let r = 0;
  const flush = (upTo) => {
    const run = [];
    while (r < removed.length && removed[r].at <= upTo) run.push(removed[r++]);
    if (run.length) frag.append(...removedRun(run));
  };
  const longest = a.stats.longest_sentence ? a.sentences[a.stats.longest_sentence.index] : null;
  const shown = Math.min(a.paragraphs.length, MAX_PARAGRAPHS_SHOWN);
  const norm = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const mentions = mentionList(a);
  let mi = 0;
  const quotes = a.quotes || [];
  const sources = a.sources || [];
  const pieces = quotePieces(a);
  // A quote is one tab stop: its first part in the text.
  const tabbed = new Set();
  // Speaker mentions, each drawn once however many quotes it speaks.
  const speakers = new Map();
  for (const q of quotes) {
    if (q.speaker && q.speaker.end > q.speaker.start) speakers.set(`${q.speaker.start}-${q.speaker.end}`, q.speaker);
  }
  const speakerList = [...speakers.values()].sort(byPosition);
  let si = 0;

  const quoteMark = (qi) => () => {
    const q = quotes[qi];
    const group = quoteGroup(q, sources);
    const info = state.quoteInfo[qi];
    const first = !tabbed.has(qi);
    tabbed.add(qi);
    const node = el('mark', {
      class: `quote q-${q.kind} src-${info.source}${group === state.selectedSource ? ' selected' : ''}`,
      tabIndex: first ? 0 : -1,
      // An empty title keeps an enclosing mark's title (the longest
      // sentence) from showing over the quote's own tip.
      title: '',
      dataset: { quote: String(qi), group },
      'aria-description': `${info.who}. ${info.lines.join('. ')}`,
    });
    if (q.speaker) node.dataset.speaker = `${q.speaker.start}-${q.speaker.end}`;
    return node;
  };
  const mentionMark = (m) => () => el('mark', {
    class: `ent ent-${m.entity.type.toLowerCase()}${m.entity.id === state.selected ? ' selected' : ''}`,
    dataset: { entity: String(m.entity.id) },
    title: `${m.entity.name} (${m.entity.type.toLowerCase()})`,
  });
  const speakerSpan = (s) => () => el('span', { class: 'speaker', dataset: { speaker: `${s.start}-${s.end}` } });
  const summarySet = new Set(a.summary || []);
  const warns = (a.warnings || []).map((w, i) => ({ ...w, index: i }));
  let wi = 0;
  const warnMark = (w) => () => el('mark', {
    class: `warn wk-${w.kind}`,
    tabIndex: -1,
    dataset: { warn: String(w.index) },
    title: w.message,
  });
  const times = (a.times || []).map((t, i) => ({ ...t, index: i }));
  const quantities = (a.quantities || []).map((q, i) => ({ ...q, index: i }));
  let ti = 0;
  let qi = 0;
  const timeMark = (t) => () => el('mark', {
    class: `time time-${t.type.toLowerCase()}`,
    tabIndex: -1,
    dataset: { time: String(t.index) },
    title: `${t.type.toLowerCase()}: ${t.value}`,
  });
  const qtyMark = (q) => () => el('mark', {
    class: `qty qk-${q.kind}`,
    tabIndex: -1,
    dataset: { qty: String(q.index) },
    title: `${formatQuantity(q)}${q.counted ? ` ${q.counted}` : ''}`,
  });

  for (let i = 0; i < shown; i++) {
    const p = a.paragraphs[i];
    flush(p.start);
    // This paragraph's mentions and speakers (one crossing its end is dropped).
    const ranges = [];
    for (; mi < mentions.length && mentions[mi].end <= p.end; mi++) {
      const m = mentions[mi];
      if (m.start >= p.start) ranges.push({ start: m.start, end: m.end, rank: 3, make: mentionMark(m) });
    }
    for (; si < speakerList.length && speakerList[si].end <= p.end; si++) {
      const s = speakerList[si];
      if (s.start >= p.start) ranges.push({ start: s.start, end: s.end, rank: 2, make: speakerSpan(s) });
    }
    // Warnings are in text order by start; one crossing the paragraph's
    // end (none does today) is left to the panel.
    for (; wi < warns.length && warns[wi].start < p.end; wi++) {
      const w = warns[wi];
      if (w.start >= p.start && w.end <= p.end) ranges.push({ start: w.start, end: w.end, rank: 6, make: warnMark(w) });
    }
    for (; ti < times.length && times[ti].end <= p.end; ti++) {
      const t = times[ti];
      if (t.start >= p.start) ranges.push({ start: t.start, end: t.end, rank: 4, make: timeMark(t) });
    }
    for (; qi < quantities.length && quantities[qi].end <= p.end; qi++) {
      const q = quantities[qi];
      if (q.start >= p.start) ranges.push({ start: q.start, end: q.end, rank: 5, make: qtyMark(q) });
    }
    // The headline is in the header above; the text does not repeat it.
    if (i === 0 && a.meta.title && norm(text.slice(p.start, p.end)) === norm(a.meta.title)) continue;
    const para = paragraphElement(p.kind);
    for (const si of summarySet) {
      const s = a.sentences[si];
      if (s.start >= p.start && s.end <= p.end) {
        ranges.push({ start: s.start, end: s.end, rank: 0.5, make: () => el('mark', { class: 'summary', tabIndex: -1, dataset: { sentence: String(si) }, title: 'In the summary' }) });
      }
    }
    if (longest && longest.start >= p.start && longest.end <= p.end) {
      ranges.push({ start: longest.start, end: longest.end, rank: 0, make: () => el('mark', { class: 'longest', tabIndex: -1, title: 'The longest sentence' }) });
    }
    for (const piece of pieces.get(i) || []) {
      ranges.push({ start: piece.start, end: piece.end, rank: 1, make: quoteMark(piece.index) });
    }
    appendRanges(para, text, p.start, p.end, ranges);
    frag.append(para);
  }
  if (shown < a.paragraphs.length) {
    frag.append(el('p', { class: 'more' },
      `Showing the first ${num(shown)} of ${num(a.paragraphs.length)} paragraphs; the statistics and the JSON cover all of them.`));
  } else {
    flush(Infinity);
  }
  ui.text.replaceChildren(frag);
  syncQuoteButtons();
}

function renderJson() {
  if (!state.analysis || !ui.jsonDetails.open) return;
  const json = JSON.stringify(state.analysis, null, 2);
  ui.json.textContent = json.length > MAX_JSON_SHOWN
    ? json.slice(0, MAX_JSON_SHOWN) + `\n… (${formatBytes(json.length)} in all: use Download for the whole analysis)`
    : json;
}

function render(a) {
  renderHeader(a);
  renderNotices(a);
  renderStats(a);
  renderRemoved(a);
  renderAbout(a);
  renderWarnings(a);
  renderEntities(a);
  renderQuotes(a);
  renderTimeline(a);
  renderQuantities(a);
  renderText(a);
  renderImages(a);
  ui.json.textContent = '';
  renderJson();
  ui.results.hidden = false;
}

// ---------- export ----------

async function copyJson() {
  if (!state.analysis) return;
  try {
    await navigator.clipboard.writeText(JSON.stringify(state.analysis));
    ui.status.textContent = 'The JSON was copied to the clipboard.';
  } catch {
    ui.status.textContent = 'The clipboard is not available here; use Download instead.';
  }
}

function downloadJson() {
  if (!state.analysis) return;
  const blob = new Blob([JSON.stringify(state.analysis, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const name = (state.analysis.meta.title || 'article').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
  const a = el('a', { href: url, download: `${name}.analysis.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------- wiring ----------

ui.source.addEventListener('paste', onPaste);
ui.source.addEventListener('input', () => {
  // Typing changes the text: what is analysed is the text area again.
  if (state.held) hold(null);
  state.fileKind = null;
  state.keep.clear();
});
ui.useText.addEventListener('click', () => {
  state.keep.clear();
  if (state.held && state.held.large) {
    clearAll();
    return;
  }
  hold(null);
  analyzeCurrent();
});
ui.analyze.addEventListener('click', analyzeCurrent);
ui.source.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    analyzeCurrent();
  }
});
ui.file.addEventListener('change', () => {
  openFile(ui.file.files[0]);
  ui.file.value = '';
});
function clearAll() {
  analyzer.abort();
  state.fileKind = null;
  ui.source.value = '';
  hold(null);
  state.keep.clear();
  state.analysis = null;
  hideQuoteTip();
  ui.results.hidden = true;
  ui.status.textContent = '';
  clearError();
  setState('idle');
analyzer.warm();
  ui.source.focus();
}
ui.clear.addEventListener('click', clearAll);
ui.showRemoved.addEventListener('change', () => state.analysis && renderText(state.analysis));
ui.jsonDetails.addEventListener('toggle', renderJson);
ui.copyJson.addEventListener('click', copyJson);
ui.downloadJson.addEventListener('click', downloadJson);

// Files dropped anywhere on the page are opened, never navigated to.
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => {
    if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) {
      e.preventDefault();
      ui.drop.classList.add('dragging');
    }
  });
}
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) ui.drop.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  ui.drop.classList.remove('dragging');
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (file) {
    e.preventDefault();
    openFile(file);
  }
});

setState('idle');
analyzer.warm();
