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
};

// ---------- small helpers ----------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
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
    mark.classList.add('active');
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

/** Appends text[start, end) to `parent`, with the mentions inside it marked.
 *  `cursor.i` walks the mention list once over the whole text. */
function appendMarked(parent, text, start, end, mentions, cursor) {
  let at = start;
  while (cursor.i < mentions.length && mentions[cursor.i].end <= end) {
    const m = mentions[cursor.i++];
    if (m.start < at) continue;
    if (m.start > at) parent.append(text.slice(at, m.start));
    parent.append(el('mark', {
      class: `ent ent-${m.entity.type.toLowerCase()}${m.entity.id === state.selected ? ' selected' : ''}`,
      dataset: { entity: String(m.entity.id) },
      title: `${m.entity.name} (${m.entity.type.toLowerCase()})`,
    }, text.slice(m.start, m.end)));
    at = m.end;
  }
  if (end > at) parent.append(text.slice(at, end));
}

function renderText(a) {
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
  const cursor = { i: 0 };
  for (let i = 0; i < shown; i++) {
    const p = a.paragraphs[i];
    flush(p.start);
    // The headline is in the header above; the text does not repeat it.
    if (i === 0 && a.meta.title && norm(text.slice(p.start, p.end)) === norm(a.meta.title)) {
      while (cursor.i < mentions.length && mentions[cursor.i].end <= p.end) cursor.i++;
      continue;
    }
    const para = paragraphElement(p.kind);
    if (longest && longest.start >= p.start && longest.end <= p.end) {
      appendMarked(para, text, p.start, longest.start, mentions, cursor);
      const mark = el('mark', { class: 'longest', tabIndex: -1, title: 'The longest sentence' });
      appendMarked(mark, text, longest.start, longest.end, mentions, cursor);
      para.append(mark);
      appendMarked(para, text, longest.end, p.end, mentions, cursor);
    } else {
      appendMarked(para, text, p.start, p.end, mentions, cursor);
    }
    frag.append(para);
  }
  if (shown < a.paragraphs.length) {
    frag.append(el('p', { class: 'more' },
      `Showing the first ${num(shown)} of ${num(a.paragraphs.length)} paragraphs; the statistics and the JSON cover all of them.`));
  } else {
    flush(Infinity);
  }
  ui.text.replaceChildren(frag);
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
  renderEntities(a);
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
