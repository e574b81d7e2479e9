// The page: takes a paste, a file or a drop, hands it to the analyzer (a Web
// Worker running the wasm), and shows the result as a reading view (the
// clean text with every layer marked, switchable) beside a set of panels
// (tabs). Everything from the input is put on the page as text (textContent,
// text nodes), never as HTML.
//
//   format.js    how an analysis is worded (dates, amounts, who said what)
//   textview.js  the marked-up text, drawn in chunks
//   charts.js    bars and the time axis, from elements and CSS classes
//   export.js    the Markdown report and the CSV files
//   dom.js       el() and lists capped with "show all"
import { Analyzer } from './analyzer.js';
import { el, fillCapped } from './dom.js';
import {
  num, plural, squash, formatBytes, slug, formatDate, bylineOf, timelineLabel, formatQuantity, QUANTITY_KINDS,
  ENTITY_TYPES, WARNING_KINDS, quoteKind, quoteGroup, quoteGroups, quoteInfo, excerpt, quoteTotals,
} from './format.js';
import { createTextView, paragraphAt } from './textview.js';
import { barChart, shareBar, timelineCharts } from './charts.js';
import { toMarkdown, entitiesCsv, quotesCsv } from './export.js';

/** Characters of JSON drawn in the JSON view (the download has it all). */
const MAX_JSON_SHOWN = 400_000;
/** Removed blocks longer than this are shown shortened, with the rest on demand. */
const REMOVED_PREVIEW_CHARS = 280;
/** A text area holding megabytes takes the main thread seconds to lay out, so
 *  larger pastes are held aside and the box shows their beginning. */
const MAX_EDITABLE_CHARS = 500_000;
const PREVIEW_CHARS = 20_000;
/** Rows listed before a "show all": enough for any real article, few enough
 *  that an input with thousands of names keeps the panels quick. */
const ENTITIES_LISTED = 40; // per type
const SOURCES_LISTED = 30;
const TIMELINE_LISTED = 100;
const QUANTITIES_LISTED = 100;
const REMOVED_LISTED = 50; // per reason
/** Quotes listed under a source before a "show more". */
const QUOTES_LISTED = 3;
/** Bars in a chart: the largest only; the list below has them all. */
const CHART_BARS = 10;
/** Characters of a sentence shown around a time in the timeline. */
const TIMELINE_EXCERPT = 220;

const $ = (id) => document.getElementById(id);
const ui = {
  inputSection: $('input-section'),
  inputBody: $('input-body'),
  editInput: $('edit-input'),
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
  panels: $('panels'),
  tabs: $('tabs'),
  stats: $('stats'),
  removed: $('removed'),
  removedCount: $('removed-count'),
  reading: $('reading'),
  text: $('text'),
  layers: $('layers'),
  showRemoved: $('show-removed'),
  mentionPrev: $('mention-prev'),
  mentionNext: $('mention-next'),
  mentionLabel: $('mention-label'),
  mentionClear: $('mention-clear'),
  entities: $('entities'),
  entitiesCount: $('entities-count'),
  entitiesChart: $('entities-chart'),
  quotes: $('quotes'),
  quotesCount: $('quotes-count'),
  quotesSummary: $('quotes-summary'),
  quotesChart: $('quotes-chart'),
  quoteTip: $('quote-tip'),
  quoteLegend: $('quote-legend'),
  keyphrases: $('keyphrases'),
  summary: $('summary'),
  warnings: $('warnings'),
  warningsCount: $('warnings-count'),
  timeline: $('timeline'),
  timelineChart: $('timeline-chart'),
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
  copyMarkdown: $('copy-markdown'),
  downloadMarkdown: $('download-markdown'),
  downloadEntitiesCsv: $('download-entities-csv'),
  downloadQuotesCsv: $('download-quotes-csv'),
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
  /** Who said each quote (quoteInfo), by quote index. */
  quoteInfo: [],
  /** The entity whose mentions are highlighted, by id. */
  selected: null,
  /** The source whose quotes are highlighted: a source id, or 'none' (quotes
   *  with no identified speaker). */
  selectedSource: null,
  /** The key phrase highlighted in the text, or null. */
  selectedPhrase: null,
  /** The text view (textview.js) of the analysis shown. */
  view: null,
};

// ---------- small helpers ----------

function setState(name) {
  document.body.dataset.state = name;
  ui.results.setAttribute('aria-busy', String(name === 'busy'));
}

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
}

/** A panel's count as the heading shows it: "(12)", nothing for none. */
const countText = (n) => (n ? `(${num(n)})` : '');

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

/** Folds the input to one line (the status and an "Edit" button) while an
 *  analysis is shown, so that the reading view has the screen; unfolds it
 *  to edit or paste again. */
function foldInput(folded) {
  ui.inputSection.classList.toggle('folded', folded);
  ui.inputBody.hidden = folded;
  ui.editInput.hidden = ui.results.hidden;
  ui.editInput.setAttribute('aria-expanded', String(!folded));
  ui.editInput.textContent = folded ? 'Edit or paste again' : 'Fold the input';
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
    // The focus would be lost inside the folded input: it goes to the text.
    const refocus = ui.inputBody.contains(document.activeElement);
    render(analysis);
    foldInput(true);
    if (refocus) ui.text.focus({ preventScroll: true });
    ui.status.textContent = `Analysed ${size} in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms.`;
    setState('done');
  } catch (err) {
    clearInterval(timer);
    if (err.kind === 'aborted') return; // a newer analysis took over
    ui.status.textContent = '';
    hideQuoteTip();
    dropAnalysis();
    foldInput(false);
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

/** A paste outside any field, with an analysis shown: a new article
 *  replaces the one in the box (the folded input says "paste again"). */
function onPagePaste(event) {
  if (event.target.closest('input, textarea, select, [contenteditable]')) return;
  if (ui.results.hidden) return;
  if (state.held && state.held.large) hold(null);
  ui.source.value = '';
  onPaste(event);
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

// ---------- tabs ----------

const TABS = [...ui.tabs.querySelectorAll('[role="tab"]')];

/** Shows one panel (ARIA tabs: the chosen tab is the only one in the tab
 *  order; arrow keys move between tabs, see the keydown handler below). */
function selectTab(name, { focus = false } = {}) {
  for (const tab of TABS) {
    const on = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
    if (on && focus) tab.focus();
  }
}

ui.tabs.addEventListener('click', (e) => {
  const tab = e.target.closest('[role="tab"]');
  if (tab) selectTab(tab.id.slice(4));
});
ui.tabs.addEventListener('keydown', (e) => {
  const i = TABS.indexOf(document.activeElement);
  if (i < 0) return;
  const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  selectTab(TABS[(to + TABS.length) % TABS.length].id.slice(4), { focus: true });
});

function setTabCount(name, n) {
  $(`tab-count-${name}`).textContent = n ? num(n) : '';
}

// ---------- layers ----------

// Each layer's checkbox sets a class on the text (hide-entities…): the
// marks stay in the document, style.css takes their colour away.
for (const box of ui.layers.querySelectorAll('input[id^="layer-"]')) {
  const layer = box.id.slice(6);
  const apply = () => ui.text.classList.toggle(`hide-${layer}`, !box.checked);
  box.addEventListener('change', apply);
  apply();
}

// ---------- mentions: highlight, and step through with Next / Previous ----------

/** The set the Next and Previous buttons (and the keys n/j, p/k) step
 *  through: what was chosen last in a panel. Items are elements in the text,
 *  or Ranges for a key phrase (its highlight has no element to focus). */
const nav = { label: '', items: [], index: -1 };
/** What the live region says for item i of n: "Olaf Scholz: mention 2 of 5",
 *  "Warning 3 of 6". */
const navText = () => `${nav.label} ${num(nav.index + 1)} of ${num(nav.items.length)}`;

/** The first element of each run of marks sharing `key` (a quote or a
 *  mention cut in two where another mark crosses it is one stop). */
function firstOfEach(marks, key) {
  const seen = new Set();
  return [...marks].filter((m) => {
    const k = key(m);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Makes `items` the set to step through. `label` names it with its unit
 *  ("Olaf Scholz: mention", "Warning"); '' clears the set. */
function setNav(label, items, index = 0, { focus = false, scroll = true } = {}) {
  for (const m of ui.text.querySelectorAll('.current')) m.classList.remove('current');
  if (globalThis.CSS && CSS.highlights) CSS.highlights.delete('current');
  nav.label = label;
  nav.items = items;
  nav.index = items.length ? Math.max(0, Math.min(index, items.length - 1)) : -1;
  ui.mentionPrev.disabled = ui.mentionNext.disabled = items.length < 2;
  ui.mentionClear.hidden = !label;
  if (!label) {
    ui.mentionLabel.textContent = 'Choose a name, quote or date in a panel';
    return;
  }
  if (!items.length) {
    ui.mentionLabel.textContent = `${label.replace(/: \w+$/, '')}: not in the text shown`;
    return;
  }
  showNavItem({ focus, scroll });
}

/** Scrolls to the current item, marks it and says where it is ("Olaf
 *  Scholz: mention 2 of 5" in the live region). */
function showNavItem({ focus, scroll = true }) {
  const item = nav.items[nav.index];
  for (const m of ui.text.querySelectorAll('.current')) m.classList.remove('current');
  if (item instanceof Range) {
    if (CSS.highlights) CSS.highlights.set('current', new Highlight(item));
    const host = item.startContainer.parentElement;
    if (scroll) host.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (focus) ui.text.focus({ preventScroll: true });
  } else {
    // Every part of a mark cut in two is the current one.
    const key = ['entity', 'quote', 'time', 'qty', 'warn', 'sentence'].find((k) => item.dataset[k] !== undefined);
    const parts = key ? ui.text.querySelectorAll(`mark[data-${key}="${item.dataset[key]}"]`) : [item];
    for (const p of parts) if (key !== 'entity' || p.dataset.at === item.dataset.at) p.classList.add('current');
    if (scroll) item.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (focus) item.focus({ preventScroll: true });
  }
  ui.mentionLabel.textContent = navText();
}

function stepNav(delta) {
  if (!nav.items.length) return;
  nav.index = (nav.index + delta + nav.items.length) % nav.items.length;
  showNavItem({ focus: true });
}

/** Takes every highlight away: entity, source, key phrase, current mention. */
function clearSelection() {
  if (state.selected !== null) selectEntity(state.selected);
  if (state.selectedSource !== null) selectSource(state.selectedSource);
  if (state.selectedPhrase !== null) selectPhrase(state.selectedPhrase);
  setNav('', []);
}

ui.mentionPrev.addEventListener('click', () => stepNav(-1));
ui.mentionNext.addEventListener('click', () => stepNav(1));
ui.mentionClear.addEventListener('click', clearSelection);

// n / j and p / k step through the mentions while the reading view or a
// panel has the focus (not in a field, where the letters are typed).
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const step = { n: 1, j: 1, p: -1, k: -1 }[e.key];
  if (!step || !nav.items.length) return;
  const t = e.target;
  if (!(ui.reading.contains(t) || ui.panels.contains(t))) return;
  if (t.closest('input, textarea, select, [contenteditable]')) return;
  e.preventDefault();
  stepNav(step);
});

/** Draws the text as far as `offset` (a chunk at a time), so that what a
 *  panel points at is there to go to. */
function drawThrough(offset) {
  if (state.view) state.view.drawThrough(offset);
}

function selectEntity(id) {
  state.selected = state.selected === id ? null : id;
  for (const b of ui.entities.querySelectorAll('button.entity')) {
    b.setAttribute('aria-pressed', String(Number(b.dataset.entity) === state.selected));
  }
  const e = state.selected === null ? null : state.analysis.entities[state.selected];
  if (e) drawThrough(e.mentions[e.mentions.length - 1].start);
  for (const m of ui.text.querySelectorAll('mark.ent')) {
    m.classList.toggle('selected', Number(m.dataset.entity) === state.selected);
  }
  if (!e) {
    setNav('', []);
    return;
  }
  const marks = firstOfEach(ui.text.querySelectorAll(`mark.ent[data-entity="${e.id}"]`), (m) => m.dataset.at);
  setNav(`${e.name}: mention`, marks);
}

// The text's own marks choose too: a click on a name highlights its other
// mentions.
ui.text.addEventListener('click', (e) => {
  const mark = e.target.closest && e.target.closest('mark.ent');
  if (mark && !window.getSelection().toString()) selectEntity(Number(mark.dataset.entity));
});

function selectSource(key) {
  state.selectedSource = state.selectedSource === key ? null : key;
  for (const b of ui.quotes.querySelectorAll('button.source-button')) {
    b.setAttribute('aria-pressed', String(b.dataset.source === state.selectedSource));
  }
  const list = state.selectedSource === null ? [] : quoteGroups(state.analysis).get(state.selectedSource) || [];
  if (list.length) drawThrough(state.analysis.quotes[list[list.length - 1]].start);
  for (const m of ui.text.querySelectorAll('mark.quote')) {
    m.classList.toggle('selected', m.dataset.group === state.selectedSource);
  }
  if (state.selectedSource === null) {
    setNav('', []);
    return;
  }
  setNav(`${sourceName(state.selectedSource)}: quote`, quoteMarks(state.selectedSource));
}

/** A quote group's name as the panel shows it. */
function sourceName(key) {
  if (key === 'none') return 'No speaker found';
  if (key === 'scare') return 'Scare quotes';
  return state.analysis.sources[Number(key)].name;
}

/** The first part of each drawn quote of a group, in text order. */
function quoteMarks(key) {
  return firstOfEach(ui.text.querySelectorAll(`mark.quote[data-group="${key}"]`), (m) => m.dataset.quote);
}

function goToQuote(i) {
  const q = state.analysis.quotes[i];
  drawThrough(q.start);
  const key = quoteGroup(q, state.analysis.sources || []);
  const marks = quoteMarks(key);
  const at = marks.findIndex((m) => m.dataset.quote === String(i));
  if (at < 0) return;
  setNav(`${sourceName(key)}: quote`, marks, at, { focus: true });
}

/** Goes to one mark of a layer (a date, a number, a warning, a summary
 *  sentence) and makes the layer's marks the set Next and Previous step
 *  through. `offset` is where it is in the text (to draw as far as it). */
function goToLayerMark(layer, key, value, offset, label) {
  drawThrough(offset);
  const marks = firstOfEach(ui.text.querySelectorAll(`mark.${layer}`), (m) => m.dataset[key]);
  const at = marks.findIndex((m) => m.dataset[key] === String(value));
  if (at < 0) return;
  setNav(label, marks, at, { focus: true });
  marks[at].classList.add('flash');
  setTimeout(() => marks[at].classList.remove('flash'), 1500);
}

function focusLongest() {
  const s = state.analysis.sentences[state.analysis.stats.longest_sentence.index];
  drawThrough(s.start);
  const mark = ui.text.querySelector('mark.longest');
  if (mark) {
    // A quote running out of the sentence cuts its mark in parts.
    for (const part of ui.text.querySelectorAll('mark.longest')) part.classList.add('active');
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.focus({ preventScroll: true });
  }
}

// ---------- the header, notices, statistics ----------

function fleschBand(score) {
  if (score >= 90) return 'very easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly easy';
  if (score >= 60) return 'plain English';
  if (score >= 50) return 'fairly difficult';
  if (score >= 30) return 'difficult';
  return 'very difficult';
}

function renderHeader(a) {
  const m = a.meta;
  ui.header.replaceChildren();
  if (m.site) ui.header.append(el('p', { class: 'site-name' }, m.site));
  if (m.title) ui.header.append(el('p', { class: 'title', role: 'heading', ariaLevel: '3' }, m.title));
  const date = formatDate(m.published);
  const line = [
    bylineOf(m),
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
  if (s.longest_sentence) {
    const dd = ui.stats.querySelector('[data-stat="longest-sentence"] dd');
    dd.append(' ', el('button', { type: 'button', class: 'link', onclick: focusLongest }, 'show'));
  }
}

// ---------- removed ----------

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
  ui.removedCount.textContent = countText(a.removed.length);
  setTabCount('removed', a.removed.length);
  // Grouped by reason, largest group first: a page's furniture can be
  // hundreds of menu links.
  const groups = new Map();
  for (const r of a.removed) {
    if (!groups.has(r.reason)) groups.set(r.reason, []);
    groups.get(r.reason).push(r);
  }
  const items = [...groups.values()]
    .sort((x, y) => y.length - x.length)
    .map((list) => {
      const ul = el('ul');
      fillCapped(ul, list, REMOVED_LISTED, (r) => removedItem(r, false), { what: list[0].label });
      return el('li', { class: 'group', dataset: { reason: list[0].reason } },
        // Open when there is little to show; a page's worth stays folded.
        el('details', { open: a.removed.length <= 5 },
          el('summary', {}, el('span', { class: 'reason' }, list[0].label), ` ${num(list.length)}`),
          ul));
    });
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

function renderImages(a) {
  const images = a.images || [];
  ui.imagesSection.hidden = images.length === 0;
  ui.imagesCount.textContent = countText(images.length);
  // Addresses as text: never an <img>, never fetched.
  ui.images.replaceChildren(...images.map((img) => el('li', {},
    el('code', { class: 'image-src' }, img.src),
    img.alt ? el('span', { class: 'image-alt' }, ` — ${img.alt}`) : '')));
}

// ---------- people, organisations, places ----------

function entityItem(e) {
  return el('li', {},
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
    e.aliases.length ? el('span', { class: 'entity-aliases' }, `also ${e.aliases.join(', ')}`) : '');
}

function renderEntities(a) {
  const entities = a.entities || [];
  ui.entitiesCount.textContent = countText(entities.length);
  setTabCount('entities', entities.length);
  if (!entities.some((e) => e.id === state.selected)) state.selected = null;
  const byType = new Map(ENTITY_TYPES.map(([type]) => [type, []]));
  for (const e of entities) if (byType.has(e.type)) byType.get(e.type).push(e);
  const groups = ENTITY_TYPES.map(([type, label]) => {
    const list = byType.get(type);
    if (!list.length) return null;
    const ul = el('ul');
    fillCapped(ul, list, ENTITIES_LISTED, entityItem, { what: label.toLowerCase() });
    return el('section', { class: 'entity-group', dataset: { type } },
      el('h4', {}, label, ' ', el('span', { class: 'count' }, `(${num(list.length)})`)),
      ul);
  }).filter(Boolean);
  if (!groups.length) groups.push(el('p', { class: 'empty' }, 'No people, organisations or places found.'));
  ui.entities.replaceChildren(...groups);

  // The most mentioned, as bars (the analysis lists entities by mentions).
  const top = entities.filter((e) => e.type !== 'GROUP').slice(0, CHART_BARS);
  ui.entitiesChart.replaceChildren(top.length > 1
    ? barChart('Most mentioned', top.map((e) => ({ label: e.name, value: e.count, kind: e.type.toLowerCase() })))
    : '');
}

// ---------- who said what ----------

function quoteButton(a, i) {
  const q = a.quotes[i];
  const [label, badge] = quoteKind(q.kind);
  return el('button', {
    type: 'button',
    class: 'quote-link',
    dataset: { quote: String(i), kind: q.kind },
    title: `${label}: show it in the text`,
    disabled: !state.view.drawable(q.start),
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
  const groups = quoteGroups(a);
  if (!groups.has(state.selectedSource) || state.selectedSource === 'scare') state.selectedSource = null;
  ui.quotesCount.textContent = sources.length ? `(${plural(sources.length, 'source')})` : '';
  setTabCount('quotes', quotes.length);

  const t = quoteTotals(a);
  const none = groups.get('none') || [];
  const scare = groups.get('scare') || [];

  // The summary: whose voice carries the article, and how much of it rests
  // on people the reader cannot check.
  const summary = [];
  if (t.sources) {
    summary.push(`${plural(t.said, 'quote')} from ${plural(t.sources, 'source')}${t.anonymous ? ` (${num(t.anonymous)}\u00a0anonymous)` : ''}`);
    if (t.words) {
      const pct = Math.round((t.anonWords / t.words) * 100);
      summary.push(t.anonWords ? `${pct === 0 ? 'under 1' : pct}% of the quoted words from anonymous sources` : 'none of the quoted words from anonymous sources');
    }
  }
  if (none.length) summary.push(`${t.sources ? `${plural(none.length, 'more quote')}` : plural(none.length, 'quote')} with no speaker found`);
  if (scare.length) summary.push(plural(scare.length, 'scare quote'));
  ui.quotesSummary.textContent = summary.length ? `${summary.join('; ')}.` : '';
  ui.quotesSummary.hidden = !summary.length;

  // The charts: named against anonymous (quotes, not words: a one-word
  // "tense" counts as much as a paragraph here), then the sources that
  // speak most.
  const charts = [];
  if (t.said + none.length > 1) {
    const byKind = (kind) => sources.filter((s) => s.kind === kind).reduce((n, s) => n + s.quotes, 0);
    charts.push(shareBar('Quotes by kind of source', [
      { label: 'Named', value: byKind('named'), kind: 'named' },
      { label: 'Anonymous', value: byKind('anonymous'), kind: 'anonymous' },
      { label: 'No speaker found', value: none.length, kind: 'unknown' },
    ]));
  }
  const top = sources.slice().sort((x, y) => y.quotes - x.quotes || y.words - x.words).slice(0, CHART_BARS);
  if (top.length > 1) {
    charts.push(barChart('Quotes per source', top.map((s) => ({ label: s.name, value: s.quotes, kind: s.kind }))));
  }
  ui.quotesChart.replaceChildren(...charts);

  const rows = sources.map((s) => ({ key: String(s.id), s }));
  if (none.length) rows.push({ key: 'none', s: null });
  const makeSource = ({ key, s }) => {
    if (!s) {
      const direct = none.filter((i) => quotes[i].kind !== 'indirect').length;
      return sourceItem(a, 'none', {
        name: 'No speaker found', kind: 'unknown', role: null, counts: sourceCounts(direct, none.length - direct, 0), share: null,
      }, none);
    }
    return sourceItem(a, key, {
      name: s.name,
      kind: s.kind,
      role: s.role,
      counts: sourceCounts(s.direct, s.quotes - s.direct, s.words),
      // Reported speech only: no quoted words, no share to show.
      share: t.words && s.words ? s.words / t.words : null,
    }, groups.get(key) || []);
  };
  const parts = [];
  if (rows.length) {
    const list = el('ol', { class: 'sources' });
    fillCapped(list, rows, SOURCES_LISTED, makeSource, { what: 'sources', wrap: (b) => el('li', { class: 'more source-more' }, b) });
    parts.push(list);
  }
  // Scare quotes have no speaker: not a source, one line with each of them.
  if (scare.length) {
    const line = el('p', { class: 'scare-quotes' }, el('span', { class: 'scare-label' }, 'Scare quotes'), ' ',
      el('span', { class: 'hint-inline' }, '(the writer’s, nobody is quoted):'), ' ');
    scare.forEach((i, n) => line.append(n ? ' ' : '', el('button', {
      type: 'button',
      class: 'quote-link scare-link',
      dataset: { quote: String(i), kind: 'scare' },
      title: 'Scare quotes: show them in the text',
      disabled: !state.view.drawable(quotes[i].start),
      onclick: () => goToQuote(i),
    }, excerpt(a, quotes[i]))));
    parts.push(line);
  }
  if (!parts.length) parts.push(el('p', { class: 'empty' }, 'No quotations or reported speech found.'));
  ui.quoteLegend.hidden = !quotes.length;
  ui.quotes.replaceChildren(...parts);
  // Quotes that are not drawn in the text (the headline, past the
  // paragraphs shown) say so instead of doing nothing.
  for (const b of ui.quotes.querySelectorAll('button.quote-link:disabled')) {
    b.title = 'Not in the text shown (in the headline, or past the paragraphs shown)';
  }
}

// The tip over a quote: who said it, on hover and on keyboard focus. One
// element for the page, placed beside the quote's line; Escape hides it.
let tipAnchor = null; // { mark, via: 'hover' | 'focus', y }

function showQuoteTip(mark, via, y = null) {
  const info = state.quoteInfo[Number(mark.dataset.quote)];
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

// ---------- what it is about ----------

/** Every occurrence of `phrase` (case-insensitive, whole words) in the
 *  text drawn, as Ranges. */
function phraseRanges(phrase) {
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
  return ranges;
}

/** Highlights the chosen key phrase in the text with the CSS Custom
 *  Highlight API: no element is added or changed, so the marks already
 *  there (entities, quotes) stay as they are. Returns the ranges. */
function highlightPhrase() {
  if (!globalThis.CSS || !CSS.highlights) return [];
  CSS.highlights.delete('keyphrase');
  if (!state.selectedPhrase) return [];
  const ranges = phraseRanges(state.selectedPhrase);
  if (ranges.length) CSS.highlights.set('keyphrase', new Highlight(...ranges));
  return ranges;
}

function selectPhrase(text) {
  state.selectedPhrase = state.selectedPhrase === text ? null : text;
  for (const b of ui.keyphrases.querySelectorAll('button.keyphrase')) {
    b.setAttribute('aria-pressed', String(b.dataset.phrase === state.selectedPhrase));
  }
  const ranges = highlightPhrase();
  ui.status.textContent = state.selectedPhrase ? `“${state.selectedPhrase}”: ${num(ranges.length)} in the text shown.` : '';
  setNav(state.selectedPhrase ? `“${state.selectedPhrase}”: occurrence` : '', ranges);
}

function renderAbout(a) {
  const phrases = a.keyphrases || [];
  state.selectedPhrase = null;
  highlightPhrase();
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
        onclick: () => goToLayerMark('summary', 'sentence', i, s.start, 'Summary sentence'),
      }, 'in the text'));
  }));
}

// ---------- warnings ----------

function renderWarnings(a) {
  const list = a.warnings || [];
  ui.warningsCount.textContent = countText(list.length);
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
      onclick: () => goToLayerMark('warn', 'warn', i, w.start, 'Warning'),
    }, WARNING_KINDS[w.kind] || w.kind),
    ' ',
    el('span', { class: 'warn-message' }, w.message))));
}

// ---------- when and how much ----------

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

function goToTime(a, e) {
  const t = a.times[e.time];
  goToLayerMark('time', 'time', e.time, t.start, 'Date');
}

function renderTimeline(a) {
  const entries = a.timeline || [];
  ui.timelineCount.textContent = countText(entries.length);
  setTabCount('timeline', entries.length);
  const unplaced = (a.times || []).filter((t) => /X/.test(t.value) && (t.type === 'DATE' || t.type === 'TIME'));
  ui.timelineUnplaced.hidden = !unplaced.length || Boolean(a.input.reference_date);
  ui.timelineUnplaced.textContent = unplaced.length
    ? `${num(unplaced.length)} date${unplaced.length === 1 ? '' : 's'} such as “${unplaced[0].text}” cannot be placed: the article gives no published date. Set a reference date under Options and analyse again.`
    : '';
  ui.timelineChart.replaceChildren(...(entries.length > 1
    ? timelineCharts(entries.map((e) => ({ from: e.from, to: e.to, label: timelineLabel(e) })), (i) => goToTime(a, entries[i]))
    : []));
  if (!entries.length) {
    ui.timeline.replaceChildren(el('li', { class: 'empty' }, 'No dates the calendar can place.'));
    return;
  }
  fillCapped(ui.timeline, entries, TIMELINE_LISTED, (e) => {
    const t = a.times[e.time];
    const s = a.sentences[e.sentence];
    return el('li', { class: 'tl-item' },
      el('button', {
        type: 'button',
        class: 'tl-go link',
        dataset: { time: String(e.time) },
        title: `Find “${t.text}” in the text (${e.value})`,
        onclick: () => goToTime(a, e),
      }, el('span', { class: 'tl-date' }, timelineLabel(e))),
      s ? el('span', { class: 'tl-sentence' }, ...excerptAround(a.text, s, t.start, t.end, TIMELINE_EXCERPT)) : '');
  }, { what: 'dates' });
}

function renderQuantities(a) {
  const list = a.quantities || [];
  ui.quantitiesCount.textContent = countText(list.length);
  setTabCount('numbers', list.length);
  if (!list.length) {
    ui.quantities.replaceChildren(el('p', { class: 'empty' }, 'No numbers found.'));
    return;
  }
  const tbody = el('tbody');
  fillCapped(tbody, list, QUANTITIES_LISTED, (q, i) => el('tr', { dataset: { kind: q.kind } },
    el('td', { class: 'qty-amount' },
      el('button', {
        type: 'button',
        class: 'qty-go link',
        dataset: { qty: String(i) },
        title: `Find “${q.text}” in the text`,
        onclick: () => goToLayerMark('qty', 'qty', i, q.start, 'Number'),
      }, formatQuantity(q))),
    el('td', { class: 'qty-counted' }, q.counted || ''),
    el('td', { class: 'qty-text' }, q.text),
    el('td', { class: 'qty-kind' }, el('span', { class: `badge qk-${q.kind}` }, QUANTITY_KINDS[q.kind] || q.kind))),
  { what: 'numbers', wrap: (b) => el('tr', { class: 'more' }, el('td', { colSpan: 4 }, b)) });
  ui.quantities.replaceChildren(el('table', { class: 'qty-table' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Amount'),
      el('th', { scope: 'col' }, 'Of what'),
      el('th', { scope: 'col' }, 'As written'),
      el('th', { scope: 'col' }, 'Kind'))),
    tbody));
}

// ---------- the text ----------

function renderText(a) {
  hideQuoteTip();
  if (state.view) state.view.destroy();
  state.view = createTextView(ui.text, a, {
    showRemoved: ui.showRemoved.checked,
    removedRun,
    quoteInfo: state.quoteInfo,
    selectedEntity: () => state.selected,
    selectedSource: () => state.selectedSource,
    // A chunk drawn later has the chosen key phrase highlighted too.
    onDrawn: () => {
      if (state.selectedPhrase) highlightPhrase();
    },
  });
}

function renderJson() {
  if (!state.analysis || !ui.jsonDetails.open) return;
  const json = JSON.stringify(state.analysis, null, 2);
  ui.json.textContent = json.length > MAX_JSON_SHOWN
    ? json.slice(0, MAX_JSON_SHOWN) + `\n… (${formatBytes(json.length)} in all: use Download for the whole analysis)`
    : json;
}

function render(a) {
  state.quoteInfo = (a.quotes || []).map((q) => quoteInfo(a, q));
  setNav('', []);
  renderHeader(a);
  renderNotices(a);
  // The text first: the panels ask it what it draws (quotes in the
  // headline have nothing to go to).
  renderText(a);
  renderStats(a);
  renderRemoved(a);
  renderAbout(a);
  renderWarnings(a);
  renderEntities(a);
  renderQuotes(a);
  renderTimeline(a);
  renderQuantities(a);
  renderImages(a);
  ui.json.textContent = '';
  renderJson();
  ui.results.hidden = false;
}

/** Forgets the analysis shown (after an error, or Clear). */
function dropAnalysis() {
  ui.results.hidden = true;
  state.analysis = null;
  if (state.view) state.view.destroy();
  state.view = null;
  // The text of a large article is a lot of elements to keep for nothing.
  ui.text.replaceChildren();
  setNav('', []);
}

// ---------- export ----------

/** Saves `content` as a file through a Blob and an object URL: made on the
 *  device, nothing is sent anywhere. */
function download(suffix, type, content) {
  if (!state.analysis) return;
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: `${slug(state.analysis.meta.title)}.${suffix}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copy(what, content) {
  if (!state.analysis) return;
  try {
    await navigator.clipboard.writeText(content());
    ui.status.textContent = `The ${what} was copied to the clipboard.`;
  } catch {
    ui.status.textContent = 'The clipboard is not available here; use Download instead.';
  }
}

// Spreadsheets read a CSV file as UTF-8 only when it starts with a byte
// order mark; the converters leave it out (it is not part of RFC 4180).
const BOM = '\ufeff';
ui.copyJson.addEventListener('click', () => copy('JSON', () => JSON.stringify(state.analysis)));
ui.downloadJson.addEventListener('click', () => download('analysis.json', 'application/json', JSON.stringify(state.analysis, null, 2)));
ui.copyMarkdown.addEventListener('click', () => copy('report', () => toMarkdown(state.analysis)));
ui.downloadMarkdown.addEventListener('click', () => download('report.md', 'text/markdown;charset=utf-8', toMarkdown(state.analysis)));
ui.downloadEntitiesCsv.addEventListener('click', () => download('entities.csv', 'text/csv;charset=utf-8', BOM + entitiesCsv(state.analysis)));
ui.downloadQuotesCsv.addEventListener('click', () => download('quotes.csv', 'text/csv;charset=utf-8', BOM + quotesCsv(state.analysis)));

// ---------- wiring ----------

ui.source.addEventListener('paste', onPaste);
document.addEventListener('paste', onPagePaste);
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
ui.editInput.addEventListener('click', () => {
  const fold = ui.editInput.getAttribute('aria-expanded') === 'true';
  foldInput(fold);
  if (!fold) ui.source.focus();
});
function clearAll() {
  analyzer.abort();
  state.fileKind = null;
  ui.source.value = '';
  hold(null);
  state.keep.clear();
  hideQuoteTip();
  dropAnalysis();
  foldInput(false);
  ui.status.textContent = '';
  clearError();
  setState('idle');
  analyzer.warm();
  ui.source.focus();
}
ui.clear.addEventListener('click', clearAll);
ui.showRemoved.addEventListener('change', () => {
  if (!state.analysis) return;
  renderText(state.analysis);
  setNav('', []);
});
ui.jsonDetails.addEventListener('toggle', renderJson);

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
