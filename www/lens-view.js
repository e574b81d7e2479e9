// The reading view of <article-lens> (article-lens.js): a header from the
// article's metadata, the clean text with the chosen layers marked, and short
// lists of who is in it and who said what. It draws into a shadow root, and
// puts everything that comes from the input on the page as text (text nodes,
// textContent, title attributes), never as HTML.

/** The layers an element can mark, in the order they nest (outermost first,
 *  when two start and end together): a sentence of the summary holds quotes,
 *  a quote holds names, a name holds nothing else. */
export const LAYERS = ['summary', 'quotes', 'warnings', 'entities', 'times', 'quantities'];

const ENTITY_TYPES = {
  PERSON: { label: 'person', list: 'People' },
  ORG: { label: 'organisation', list: 'Organisations' },
  PLACE: { label: 'place', list: 'Places' },
  GROUP: { label: 'group', list: null }, // marked in the text; not listed
};
/** How many names and speakers each list shows before "and N more". */
const LIST_MAX = 8;
const QUOTES_PER_SPEAKER = 3;
const QUOTE_PREVIEW_CHARS = 110;
/** Paragraphs drawn: a reading view of a book-length paste would take the
 *  main thread seconds to lay out; the analysis itself covers everything. */
const MAX_PARAGRAPHS = 1500;

// Light first, then light-dark() where the browser has it: the element
// follows the page's color-scheme (a light-only site gets a light element).
const CSS = `
:host {
  all: initial;            /* none of the page's inherited text styles come in */
  color-scheme: inherit;   /* …except whether the page is light or dark */
  display: block;
  --lens-fg: #1d1d1f;       --lens-fg: light-dark(#1d1d1f, #ececef);
  --lens-muted: #5b5b63;    --lens-muted: light-dark(#5b5b63, #a7a7b0);
  --lens-bg: #ffffff;       --lens-bg: light-dark(#ffffff, #1f2024);
  --lens-border: #d9d6cf;   --lens-border: light-dark(#d9d6cf, #3a3b41);
  --lens-person: #1f5fbf;   --lens-person: light-dark(#1f5fbf, #7fb0ff);
  --lens-org: #7a3db8;      --lens-org: light-dark(#7a3db8, #c9a2f2);
  --lens-place: #1d7a46;    --lens-place: light-dark(#1d7a46, #7fd6a4);
  --lens-group: #a4530b;    --lens-group: light-dark(#a4530b, #f2b478);
  --lens-time: #8a6a00;     --lens-time: light-dark(#8a6a00, #e8c766);
  --lens-quantity: #0e7c86; --lens-quantity: light-dark(#0e7c86, #6fd3dc);
  --lens-quote: #444;       --lens-quote: light-dark(#444444, #c8c8cf);
  --lens-warning: #c0262d;  --lens-warning: light-dark(#c0262d, #ff8a8f);
  --lens-summary: #fff4c2;  --lens-summary: light-dark(#fff4c2, #4a3f10);
  --lens-error-bg: #fdecec; --lens-error-bg: light-dark(#fdecec, #3d1a1a);
  --lens-error-fg: #8a1414; --lens-error-fg: light-dark(#8a1414, #ffd1d1);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--lens-fg);
  background: var(--lens-bg);
  border: 1px solid var(--lens-border);
  border-radius: 8px;
  padding: 1rem 1.25rem;
  box-sizing: border-box;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.lens { container-type: inline-size; }
.head { margin-bottom: 0.75rem; }
.site { margin: 0; font-size: 0.75rem; letter-spacing: 0.06em; text-transform: uppercase; color: var(--lens-muted); }
.title { margin: 0.15rem 0 0; font-size: 1.3rem; line-height: 1.25; }
.byline { margin: 0.3rem 0 0; color: var(--lens-muted); font-size: 0.9rem; }
.body { display: grid; gap: 1rem; }
@container (min-width: 40rem) {
  .body { grid-template-columns: minmax(0, 1fr) minmax(11rem, 15rem); gap: 1.5rem; }
}
.text p { margin: 0 0 0.8em; overflow-wrap: anywhere; }
.text p:last-child { margin-bottom: 0; }
.text .k-heading { font-weight: 650; font-size: 1.05em; }
.text .k-quote { border-left: 3px solid var(--lens-border); padding-left: 0.75em; }
.text .k-list-item { padding-left: 1.1em; text-indent: -0.8em; }
.text .k-list-item::before { content: "• "; color: var(--lens-muted); }
.text .k-code, .text .k-table-row { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; white-space: pre-wrap; }
.text .k-caption { color: var(--lens-muted); font-size: 0.9em; }
mark { background: none; color: inherit; }
.ent-person { --c: var(--lens-person); }
.entity { border-radius: 3px; padding: 0 1px;
  background: color-mix(in srgb, var(--c) 14%, transparent); box-shadow: inset 0 -2px 0 var(--c); }
.ent-org { --c: var(--lens-org); }
.ent-place { --c: var(--lens-place); }
.ent-group { --c: var(--lens-group); }
.time { border: 1px solid var(--lens-time); border-radius: 3px; padding: 0 2px; }
.quantity { border: 1px dashed var(--lens-quantity); border-radius: 3px; padding: 0 2px; }
.quote { text-decoration: underline 1.5px var(--lens-quote); text-underline-offset: 0.3em; }
.quote.q-indirect { text-decoration-style: dotted; }
.quote.q-scare { text-decoration-style: dashed; text-decoration-color: var(--lens-muted); }
.quote.src-unknown:not(.q-scare) { text-decoration-color: var(--lens-warning); }
.warning { text-decoration: underline wavy 1px var(--lens-warning); text-underline-offset: 0.15em; text-decoration-skip-ink: none; }
.summary { background: var(--lens-summary); }
.lists { font-size: 0.9rem; }
.lists section + section { margin-top: 0.9rem; }
.lists h3 { margin: 0 0 0.3rem; font-size: 0.75rem; letter-spacing: 0.06em; text-transform: uppercase; color: var(--lens-muted); }
.lists ul { margin: 0; padding: 0; list-style: none; }
.lists li { margin: 0.15rem 0; overflow-wrap: anywhere; }
.lists .count { color: var(--lens-muted); font-variant-numeric: tabular-nums; }
.more { color: var(--lens-muted); }
.swatch { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 2px; margin-right: 0.35em; vertical-align: 0.02em; background: var(--c); }
.speaker .role { display: block; color: var(--lens-muted); font-size: 0.85rem; }
.said { margin: 0.1rem 0 0.35rem 0.9rem; padding: 0; list-style: none; color: var(--lens-muted); font-size: 0.85rem; }
.legend { margin: 0.9rem 0 0; display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; font-size: 0.78rem; color: var(--lens-muted); }
.status { margin: 0.75rem 0 0; font-size: 0.78rem; color: var(--lens-muted); min-height: 1.2em; }
.busy .view { opacity: 0.55; }
.error { margin: 0; padding: 0.6rem 0.75rem; border-radius: 6px; background: var(--lens-error-bg); color: var(--lens-error-fg); font-weight: 500; }
.error[hidden] { display: none; }
`;

let sheet = null;
/** The element's styles, one constructed sheet shared by every shadow root
 *  (no <style> element: the page's CSP, style-src 'self', would refuse an
 *  inline one; constructed sheets are not inline styles and are allowed). */
export function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** Makes an element: `props` are properties (`class`, `title`, `dataset`…),
 *  children are nodes or strings (strings become text nodes). */
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.includes('-')) node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** The skeleton of a shadow root: the view, a status line, an error box. */
export function mount(root) {
  const view = h('div', { class: 'view', part: 'view' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const lens = h('div', { class: 'lens' }, error, view, status);
  root.replaceChildren(lens);
  return {
    busy() {
      lens.classList.add('busy');
      status.textContent = 'Analysing…';
    },
    show(analysis, layers, ms) {
      lens.classList.remove('busy');
      error.hidden = true;
      view.replaceChildren(...reading(analysis, layers));
      const words = analysis.stats.words.toLocaleString('en');
      status.textContent = `${words} words · analysed on this device in ${Math.round(ms)} ms`;
    },
    fail(message) {
      lens.classList.remove('busy');
      view.replaceChildren();
      status.textContent = '';
      error.textContent = message;
      error.hidden = false;
    },
    clear() {
      lens.classList.remove('busy');
      view.replaceChildren();
      status.textContent = '';
      error.hidden = true;
    },
  };
}

/** The reading view's nodes for an analysis and a set of layer names. */
function reading(a, layers) {
  // The legend under the text, in its column: a long list beside it does
  // not push it away from what it explains.
  return [header(a), h('div', { class: 'body' }, h('div', {}, text(a, layers), legend(layers)), lists(a, layers))].filter(Boolean);
}

function header(a) {
  const m = a.meta;
  const by = m.authors.length ? `By ${m.authors.join(', ')}` : m.byline;
  const when = m.published && h('time', { dateTime: m.published }, formatDate(m.published));
  const line = [by, when].filter(Boolean);
  if (!m.site && !m.title && !line.length) return null;
  const byline = line.length ? h('p', { class: 'byline' }) : null;
  line.forEach((part, i) => byline.append(i ? ' · ' : '', part));
  return h('header', { class: 'head' },
    m.site && h('p', { class: 'site' }, m.site),
    m.title && h('h2', { class: 'title' }, m.title),
    byline);
}

/** "2024-02-27T09:30:00+01:00" → "27 February 2024": the date as written,
 *  never shifted into the reader's time zone. */
function formatDate(iso) {
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!d) return iso;
  const date = new Date(Date.UTC(+d[1], +d[2] - 1, +d[3]));
  return date.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

function text(a, layers) {
  const box = h('div', { class: 'text', lang: a.meta.lang || null });
  const shown = a.paragraphs.slice(0, MAX_PARAGRAPHS);
  const perParagraph = clipToParagraphs(shown, spans(a, layers));
  shown.forEach((p, i) => {
    // The headline and the author line stand in the header; the text does
    // not repeat them.
    const said = norm(a.text.slice(p.start, p.end));
    if (i === 0 && a.meta.title && said === norm(a.meta.title)) return;
    if (i < 4 && a.meta.byline && said === norm(a.meta.byline)) return;
    const para = h('p', { class: `k-${p.kind}` });
    fill(para, a.text, p.start, p.end, perParagraph[i]);
    box.append(para);
  });
  const rest = a.paragraphs.length - shown.length;
  if (rest > 0) box.append(h('p', { class: 'more' }, `…and ${rest.toLocaleString('en')} more paragraphs, not shown here.`));
  return box;
}

/** The spans to mark, each with a function that makes its element. */
function spans(a, layers) {
  const out = [];
  const add = (layer, start, end, make) => {
    if (layers.has(layer) && end > start) out.push({ start, end, rank: LAYERS.indexOf(layer), make });
  };
  for (const i of a.summary) {
    const s = a.sentences[i];
    add('summary', s.start, s.end, () => h('span', { class: 'summary', title: 'In the summary' }));
  }
  a.quotes.forEach((q, i) => add('quotes', q.start, q.end, () =>
    h('span', { class: `quote q-${q.kind} src-${q.source}`, title: saidBy(a, q), dataset: { quote: i } })));
  a.warnings.forEach((w) => add('warnings', w.start, w.end, () =>
    h('span', { class: 'warning', title: w.message, dataset: { warning: w.kind } })));
  for (const e of a.entities) {
    const type = ENTITY_TYPES[e.type] || { label: e.type.toLowerCase() };
    const title = `${e.name} (${[type.label, e.roles[0]].filter(Boolean).join(', ')})`;
    for (const m of e.mentions) {
      add('entities', m.start, m.end, () =>
        h('mark', { class: `entity ent-${e.type.toLowerCase()}`, title, dataset: { entity: e.id } }));
    }
  }
  a.times.forEach((t, i) => add('times', t.start, t.end, () =>
    h('mark', { class: 'time', title: `${t.type.toLowerCase()}: ${t.value}`, dataset: { time: i } })));
  a.quantities.forEach((q, i) => add('quantities', q.start, q.end, () =>
    h('mark', { class: 'quantity', title: amount(q), dataset: { quantity: i } })));
  // Outer before inner: earlier start, then longer, then the layer order.
  return out.sort((x, y) => x.start - y.start || y.end - x.end || x.rank - y.rank);
}

/** Who a quote is from, for its title. */
function saidBy(a, q) {
  if (q.kind === 'scare') return 'Scare quotes: nobody is quoted';
  const source = q.source_id === null ? null : a.sources[q.source_id];
  const who = source ? source.name : q.speaker ? q.speaker.text : null;
  const how = q.kind === 'indirect' ? 'Reported speech' : 'Quote';
  return who ? `${how}: ${who}` : `${how}: no source found`;
}

/** "≈ 10,000 Russian troops", "60,000 – 90,000 km", "≥ 300 officials". */
function amount(q) {
  const n = (x) => x.toLocaleString('en', { maximumFractionDigits: 2 });
  let figure;
  if (q.value !== null) figure = n(q.value);
  else if (q.low !== null && q.high !== null) figure = `${n(q.low)} – ${n(q.high)}`;
  else if (q.low !== null) figure = `≥ ${n(q.low)}`;
  else if (q.high !== null) figure = `≤ ${n(q.high)}`;
  else figure = q.text;
  return [q.kind, ': ', figure, q.unit && ` ${q.unit}`, q.counted && ` · ${q.counted}`].filter(Boolean).join('');
}

/** Spans split among the paragraphs they cross (a quote may run over
 *  several), each cut to its paragraph. */
function clipToParagraphs(paragraphs, list) {
  const out = paragraphs.map(() => []);
  for (const s of list) {
    // The first paragraph that ends after the span starts (binary search).
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid].end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < paragraphs.length && paragraphs[i].start < s.end; i++) {
      const start = Math.max(s.start, paragraphs[i].start);
      const end = Math.min(s.end, paragraphs[i].end);
      if (end > start) out[i].push({ ...s, start, end });
    }
  }
  return out;
}

/** Fills `container` with text[from, to), the spans (sorted outer first)
 *  nested as elements. Spans that nest stay whole; where two overlap without
 *  nesting, the inner one is closed and opened again after the outer ends. */
function fill(container, text, from, to, list) {
  const stack = []; // open spans, outermost first: { span, el }
  const top = () => (stack.length ? stack[stack.length - 1].el : container);
  const points = [...new Set([from, to, ...list.flatMap((s) => [s.start, s.end])])].sort((x, y) => x - y);
  let next = 0;
  for (let k = 0; k < points.length - 1; k++) {
    const at = points[k];
    const ended = stack.findIndex((e) => e.span.end <= at);
    const opening = ended < 0 ? [] : stack.splice(ended).map((e) => e.span).filter((s) => s.end > at);
    while (next < list.length && list[next].start === at) opening.push(list[next++]);
    opening.sort((x, y) => y.end - x.end || x.rank - y.rank);
    for (const span of opening) {
      const el = span.make();
      top().append(el);
      stack.push({ span, el });
    }
    top().append(text.slice(at, points[k + 1]));
  }
}

function lists(a, layers) {
  const sections = [];
  if (layers.has('entities')) {
    for (const [type, { list }] of Object.entries(ENTITY_TYPES)) {
      const of = a.entities.filter((e) => e.type === type);
      if (!list || !of.length) continue;
      sections.push(h('section', { class: 'entities', dataset: { type } },
        h('h3', {}, list),
        h('ul', {}, ...of.slice(0, LIST_MAX).map((e) => h('li', { dataset: { entity: e.id } },
          h('span', { class: `swatch ent-${type.toLowerCase()}`, 'aria-hidden': 'true' }),
          h('span', { class: 'name', title: e.roles.join('; ') || null }, e.name), ' ',
          h('span', { class: 'count', title: `${e.count} mentions` }, `×${e.count}`))),
        more(of.length))));
    }
  }
  if (layers.has('quotes')) {
    const bySpeaker = a.sources.filter((s) => s.quotes > 0);
    const unsourced = a.quotes.filter((q) => q.source === 'unknown' && q.kind !== 'scare');
    if (bySpeaker.length || unsourced.length) {
      const items = bySpeaker.slice(0, LIST_MAX).map((s) => speaker(a, s.name, s.role, a.quotes.filter((q) => q.source_id === s.id), s.id));
      if (unsourced.length) items.push(speaker(a, 'No source found', null, unsourced, 'none'));
      sections.push(h('section', { class: 'quotes' }, h('h3', {}, 'Quotes by speaker'), h('ul', {}, ...items), more(bySpeaker.length)));
    }
  }
  return sections.length ? h('aside', { class: 'lists', 'aria-label': 'Who is in it' }, ...sections) : null;
}

function speaker(a, name, role, quotes, id) {
  const shown = quotes.filter((q) => q.kind !== 'indirect').slice(0, QUOTES_PER_SPEAKER);
  return h('li', { class: 'speaker', dataset: { source: id } },
    h('span', { class: 'name' }, name), ' ',
    h('span', { class: 'count' }, quotes.length === 1 ? '· 1 quote' : `· ${quotes.length} quotes`),
    role && h('span', { class: 'role' }, role),
    shown.length ? h('ul', { class: 'said' }, ...shown.map((q) => h('li', {}, `“${preview(a.text.slice(q.content.start, q.content.end))}”`))) : null);
}

function preview(s) {
  const t = norm(s);
  return t.length > QUOTE_PREVIEW_CHARS ? `${t.slice(0, QUOTE_PREVIEW_CHARS - 1).trimEnd()}…` : t;
}

function more(total) {
  return total > LIST_MAX ? h('p', { class: 'more' }, `and ${total - LIST_MAX} more`) : null;
}

function legend(layers) {
  const keys = [
    ['entities', 'entity ent-person', 'person'], ['entities', 'entity ent-org', 'organisation'],
    ['entities', 'entity ent-place', 'place'], ['quotes', 'quote q-direct', 'quote'],
    ['times', 'time', 'date or time'], ['quantities', 'quantity', 'number'],
    ['warnings', 'warning', 'warning'], ['summary', 'summary', 'summary'],
  ].filter(([layer]) => layers.has(layer));
  if (!keys.length) return null;
  return h('p', { class: 'legend', 'aria-hidden': 'true' }, ...keys.map(([, cls, label]) => h('span', { class: cls }, label)));
}
