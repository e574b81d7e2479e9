// The reading view's text: the article's paragraphs with every layer marked
// (entity mentions, quotes and their speakers, times, quantities, warnings,
// summary sentences, the longest sentence), drawn in chunks.
//
// Why chunks: a 10 MB paste has tens of thousands of paragraphs. The view
// draws at most MAX_PARAGRAPHS_SHOWN of them, and of those only FIRST_CHUNK
// at once; the next CHUNK are drawn when the end of what is drawn comes near
// the screen (an IntersectionObserver on a sentinel after the last
// paragraph), or when something asks for a place further on (a mention
// chosen in a panel: drawThrough(offset)). The statistics, the panels and the
// exports cover the whole article either way.
//
// Layers are switched on and off by classes on the container (style.css),
// never by drawing again.
import { el } from './dom.js';
import { quoteGroup, formatQuantity } from './format.js';

/** Paragraphs drawn in the text view; the analysis itself covers everything. */
export const MAX_PARAGRAPHS_SHOWN = 1500;
/** Paragraphs drawn with the analysis, and drawn at a time after that. */
const FIRST_CHUNK = 120;
const CHUNK = 150;
/** How near (in pixels) the end of the drawn text must come to draw more. */
const PRELOAD_MARGIN = '1200px';

const num = (n) => new Intl.NumberFormat('en').format(n);
const byPosition = (x, y) => x.start - y.start || y.end - x.end || x.rank - y.rank;
const norm = (t) => (t || '').replace(/\s+/g, ' ').trim().toLowerCase();

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

/** The index of the paragraph holding `offset` (the first ending after it). */
export function paragraphAt(paras, offset) {
  let lo = 0;
  let hi = paras.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paras[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each quote cut into its parts per paragraph (a quote may run over
 *  several): a map from paragraph index to [{ start, end, index }]. */
function quotePieces(a) {
  const pieces = new Map();
  const paras = a.paragraphs;
  for (let qi = 0; qi < (a.quotes || []).length; qi++) {
    const q = a.quotes[qi];
    for (let p = paragraphAt(paras, q.start); p < paras.length && paras[p].start < q.end; p++) {
      const start = Math.max(q.start, paras[p].start);
      const end = Math.min(q.end, paras[p].end);
      if (start >= end) continue;
      if (!pieces.has(p)) pieces.set(p, []);
      pieces.get(p).push({ start, end, index: qi });
    }
  }
  return pieces;
}

/** Every mention in text order, each with its entity. */
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

/**
 * Draws the analysis `a` into `container` (its first chunk now, the rest on
 * demand) and returns the view.
 *
 * ctx: { showRemoved, removedRun(blocks) → elements, quoteInfo[] (who said
 * each quote), selectedEntity() and selectedSource() (drawn selected, so a
 * chunk drawn later matches the panels), onDrawn() after each chunk }.
 */
export function createTextView(container, a, ctx) {
  const text = a.text;
  const paras = a.paragraphs;
  const shown = Math.min(paras.length, MAX_PARAGRAPHS_SHOWN);
  // The headline is in the header above; the text does not repeat it.
  const skipTitle = paras.length > 0 && Boolean(a.meta.title) && norm(text.slice(paras[0].start, paras[0].end)) === norm(a.meta.title);

  const removed = ctx.showRemoved ? [...a.removed] : [];
  const longest = a.stats.longest_sentence ? a.sentences[a.stats.longest_sentence.index] : null;
  const mentions = mentionList(a);
  const quotes = a.quotes || [];
  const sources = a.sources || [];
  const pieces = quotePieces(a);
  // Speaker mentions, each drawn once however many quotes it speaks.
  const speakers = new Map();
  for (const q of quotes) {
    if (q.speaker && q.speaker.end > q.speaker.start) speakers.set(`${q.speaker.start}-${q.speaker.end}`, q.speaker);
  }
  const speakerList = [...speakers.values()].sort(byPosition);
  const summary = [...new Set(a.summary || [])].map((i) => ({ ...a.sentences[i], index: i })).sort(byPosition);
  const warns = (a.warnings || []).map((w, i) => ({ ...w, index: i }));
  const times = (a.times || []).map((t, i) => ({ ...t, index: i }));
  const quantities = (a.quantities || []).map((q, i) => ({ ...q, index: i }));
  // A quote is one tab stop: its first part in the text.
  const tabbed = new Set();
  // Where each list has got to: the lists are in text order, and so are
  // the paragraphs, so one pass over each covers the whole text.
  const at = { para: 0, removed: 0, mention: 0, speaker: 0, warn: 0, time: 0, qty: 0, summary: 0 };

  const quoteMark = (qi) => () => {
    const q = quotes[qi];
    const group = quoteGroup(q, sources);
    const info = ctx.quoteInfo[qi];
    const first = !tabbed.has(qi);
    tabbed.add(qi);
    const node = el('mark', {
      class: `quote q-${q.kind} src-${info.source}${group === ctx.selectedSource() ? ' selected' : ''}`,
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
    class: `ent ent-${m.entity.type.toLowerCase()}${m.entity.id === ctx.selectedEntity() ? ' selected' : ''}`,
    // Reached by Next and Previous, not by Tab (a page of names would be
    // hundreds of tab stops).
    tabIndex: -1,
    dataset: { entity: String(m.entity.id), at: String(m.start) },
    title: `${m.entity.name} (${m.entity.type.toLowerCase()})`,
  });
  const speakerSpan = (s) => () => el('span', { class: 'speaker', dataset: { speaker: `${s.start}-${s.end}` } });
  const warnMark = (w) => () => el('mark', { class: `warn wk-${w.kind}`, tabIndex: -1, dataset: { warn: String(w.index) }, title: w.message });
  const timeMark = (t) => () => el('mark', {
    class: `time time-${t.type.toLowerCase()}`, tabIndex: -1, dataset: { time: String(t.index) }, title: `${t.type.toLowerCase()}: ${t.value}`,
  });
  const qtyMark = (q) => () => el('mark', {
    class: `qty qk-${q.kind}`, tabIndex: -1, dataset: { qty: String(q.index) }, title: `${formatQuantity(q)}${q.counted ? ` ${q.counted}` : ''}`,
  });
  const summaryMark = (s) => () => el('mark', { class: 'summary', tabIndex: -1, dataset: { sentence: String(s.index) }, title: 'In the summary' });
  const longestMark = () => el('mark', { class: 'longest', tabIndex: -1, title: 'The longest sentence' });

  /** Ranges from `list` (in text order, from `at[key]`) that end in
   *  paragraph p; those crossing its start or end are left to the panel. */
  function take(key, list, p, rank, make, inside = (x) => x.end <= p.end) {
    const out = [];
    for (; at[key] < list.length && inside(list[at[key]]); at[key]++) {
      const x = list[at[key]];
      if (x.start >= p.start && x.end <= p.end) out.push({ start: x.start, end: x.end, rank, make: make(x) });
    }
    return out;
  }

  /** Removed blocks standing before `upTo`, drawn where they stood. */
  function flushRemoved(frag, upTo) {
    const run = [];
    while (at.removed < removed.length && removed[at.removed].at <= upTo) run.push(removed[at.removed++]);
    if (run.length) frag.append(...ctx.removedRun(run));
  }

  function drawParagraph(frag, i) {
    const p = paras[i];
    flushRemoved(frag, p.start);
    const ranges = [
      ...take('mention', mentions, p, 3, mentionMark),
      ...take('speaker', speakerList, p, 2, speakerSpan),
      // Warnings are in text order by start.
      ...take('warn', warns, p, 6, warnMark, (w) => w.start < p.end),
      ...take('time', times, p, 4, timeMark),
      ...take('qty', quantities, p, 5, qtyMark),
      ...take('summary', summary, p, 0.5, summaryMark),
    ];
    if (i === 0 && skipTitle) return;
    if (longest && longest.start >= p.start && longest.end <= p.end) {
      ranges.push({ start: longest.start, end: longest.end, rank: 0, make: longestMark });
    }
    for (const piece of pieces.get(i) || []) {
      ranges.push({ start: piece.start, end: piece.end, rank: 1, make: quoteMark(piece.index) });
    }
    const para = paragraphElement(p.kind);
    appendRanges(para, text, p.start, p.end, ranges);
    frag.append(para);
  }

  const sentinel = el('p', { class: 'loading-more' },
    'More of the text is drawn as you scroll. ',
    el('button', { type: 'button', class: 'link', onclick: () => drawNext() }, 'Draw the next part now'));
  const observer = 'IntersectionObserver' in globalThis
    ? new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) drawNext();
    }, { rootMargin: `${PRELOAD_MARGIN} 0px` })
    : null;

  /** Draws the next `count` paragraphs; true while more are left. */
  function drawNext(count = CHUNK) {
    if (at.para >= shown) return false;
    const frag = document.createDocumentFragment();
    const to = Math.min(shown, at.para + count);
    for (; at.para < to; at.para++) drawParagraph(frag, at.para);
    const more = at.para < shown;
    if (!more) {
      if (observer) observer.disconnect();
      sentinel.remove();
      if (shown < paras.length) {
        frag.append(el('p', { class: 'more' },
          `Showing the first ${num(shown)} of ${num(paras.length)} paragraphs; the statistics and the JSON cover all of them.`));
      } else {
        flushRemoved(frag, Infinity);
      }
      container.append(frag);
    } else {
      container.insertBefore(frag, sentinel);
      if (observer) {
        // Observing anew reports the sentinel's place now: if it is still
        // near the screen after this chunk, the next one follows.
        observer.unobserve(sentinel);
        observer.observe(sentinel);
      }
    }
    ctx.onDrawn();
    return more;
  }

  container.replaceChildren(sentinel);
  drawNext(FIRST_CHUNK);

  return {
    /** How many paragraphs are drawn, and how many will be at most. */
    get drawn() { return at.para; },
    shown,
    /** True when the text at `offset` is (or will be) drawn: not in the
     *  headline shown above, not past the paragraphs the view shows. */
    drawable(offset) {
      const p = paragraphAt(paras, offset);
      return p < shown && !(p === 0 && skipTitle);
    },
    /** Draws up to the paragraph holding `offset` (as far as the view goes). */
    drawThrough(offset) {
      const p = Math.min(paragraphAt(paras, offset), shown - 1);
      if (p >= at.para) drawNext(p + 1 - at.para);
    },
    destroy() {
      if (observer) observer.disconnect();
    },
  };
}
