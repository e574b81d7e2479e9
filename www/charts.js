// Small charts where a picture beats a list: bars (mentions per entity,
// quotes per source), a share bar (named against anonymous), dots on a time
// axis (the timeline). Plain elements and CSS, no chart library and no SVG.
//
// Lengths and positions are classes, not inline styles: `v-N` and `w-N`
// (N from 0 to 50, steps of 2 %) set the custom properties --v and --w that
// style.css turns into a width or an offset. The page's Content-Security-
// Policy allows no inline style from HTML, and the page's own tests check
// that no element in the results carries a style attribute, so that any
// that appears can only have come from the input. Two per cent steps are
// finer than a bar or a dot can show on a side panel.
import { el } from './dom.js';

const STEPS = 50;
/** A value's length in steps: at least one step when it is not zero, so
 *  that a small bar is still seen. */
const steps = (value, max) => (max > 0 && value > 0 ? Math.max(1, Math.round((value / max) * STEPS)) : 0);
const fmt = (n) => new Intl.NumberFormat('en').format(n);

/**
 * Horizontal bars, one row per item: its label, the bar, its value as text.
 * rows: [{ label, value, kind }] (kind becomes the bar's class k-<kind>,
 * its colour); the longest bar is the largest value. The figure is a list
 * a screen reader can read (label and number); the bars themselves are
 * hidden from it.
 */
export function barChart(caption, rows, { unit = '' } = {}) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return el('figure', { class: 'chart-figure bars' },
    el('figcaption', {}, caption),
    el('ol', { class: 'bar-list' }, ...rows.map((r) => el('li', { class: 'bar-row' },
      el('span', { class: 'bar-label', title: r.label }, r.label),
      el('span', { class: 'bar-track', 'aria-hidden': 'true' },
        el('span', { class: `bar v-${steps(r.value, max)} k-${r.kind}` })),
      el('span', { class: 'bar-value' }, `${fmt(r.value)}${unit}`)))));
}

/**
 * One bar cut into parts (named, anonymous, no source…), each as wide as its
 * share of the whole, with a legend that gives the numbers in words.
 * parts: [{ label, value, kind }].
 */
export function shareBar(caption, parts) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  const shown = parts.filter((p) => p.value > 0);
  // The parts' steps add up to the whole bar: the largest takes what
  // rounding leaves over.
  const widths = shown.map((p) => steps(p.value, total));
  const largest = widths.indexOf(Math.max(...widths));
  if (largest >= 0) widths[largest] += STEPS - widths.reduce((n, w) => n + w, 0);
  const pct = (v) => `${Math.round((v / total) * 100)}%`;
  return el('figure', { class: 'chart-figure share' },
    el('figcaption', {}, caption),
    el('div', { class: 'share-bar', 'aria-hidden': 'true' },
      ...shown.map((p, i) => el('span', { class: `seg v-${widths[i]} k-${p.kind}`, title: `${p.label}: ${fmt(p.value)}` }))),
    el('ul', { class: 'share-legend' }, ...shown.map((p) => el('li', {},
      el('span', { class: `key k-${p.kind}`, 'aria-hidden': 'true' }),
      `${p.label}: ${fmt(p.value)} (${pct(p.value)})`))));
}

const DAY = 86_400_000;
const LANES = 4;

/**
 * The timeline as dots (and spans, for a week, a month, a decade) on one
 * time axis, from the earliest date to the latest, and, when the latest
 * year is crowded at the end of a long axis, a second axis for it. Entries close together
 * are put on lanes one above the other so that none hides another.
 * entries: [{ from, to, label }] (ISO dates); onPick(index) is called when a
 * dot is clicked (the list below the chart is the keyboard's way in).
 */
export function timelineCharts(entries, onPick) {
  const whole = timelineChart(entries, onPick);
  if (!whole) return [];
  // On an axis of decades, the dates of the last weeks are one blob at its
  // end (a news story is mostly about now): those of the last year get an
  // axis of their own.
  const ends = entries.map((e) => Date.parse(e.to));
  const latest = Math.max(...ends);
  const recent = entries.map((e, i) => ({ e, i })).filter(({ e }) => Date.parse(e.from) >= latest - 365 * DAY);
  const earliest = Math.min(...entries.map((e) => Date.parse(e.from)));
  if (latest - earliest < 3 * 365 * DAY || recent.length < 3 || recent.length === entries.length) return [whole];
  const close = timelineChart(recent.map(({ e }) => e), (k) => onPick(recent[k].i), 'Close up: ');
  return close ? [whole, close] : [whole];
}

function timelineChart(entries, onPick, prefix = '') {
  const times = entries.map((e) => ({ from: Date.parse(e.from), to: Date.parse(e.to) + DAY }));
  const ok = times.every((t) => Number.isFinite(t.from) && Number.isFinite(t.to));
  if (!entries.length || !ok) return null;
  const min = Math.min(...times.map((t) => t.from));
  const max = Math.max(...times.map((t) => t.to));
  const span = max - min;
  const at = (t) => (span > 0 ? ((t - min) / span) * STEPS : STEPS / 2);
  const lanes = Array(LANES).fill(-Infinity);
  const marks = times.map((t, i) => ({ i, start: at(t.from), end: at(t.to) }))
    .sort((x, y) => x.start - y.start || x.end - y.end)
    .map((m) => {
      const isSpan = m.end - m.start >= 2;
      const left = Math.round(isSpan ? m.start : Math.min(STEPS, (m.start + m.end) / 2));
      const right = isSpan ? Math.round(m.end) : left + 1;
      // The first lane free at this point, else the last one.
      let lane = lanes.findIndex((end) => end < left);
      if (lane < 0) lane = LANES - 1;
      lanes[lane] = right;
      const cls = isSpan ? `tl-span v-${left} w-${Math.max(1, right - left)}` : `tl-dot v-${left}`;
      return el('span', {
        class: `tl-mark ${cls} lane-${lane}`,
        title: entries[m.i].label,
        onclick: () => onPick(m.i),
      });
    });
  const used = Math.max(1, ...lanes.map((end, i) => (end > -Infinity ? i + 1 : 0)));
  const long = span > 2 * 365 * DAY;
  const when = new Intl.DateTimeFormat('en', long ? { year: 'numeric', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const first = when.format(min);
  const last = when.format(max - DAY);
  return el('figure', { class: 'chart-figure tl-chart' },
    el('figcaption', {}, prefix, first === last ? `${fmt(entries.length)} dates, all in ${first}` : `${fmt(entries.length)} dates from ${first} to ${last}`),
    el('div', { class: `tl-axis lanes-${used}`, 'aria-hidden': 'true' }, ...marks),
    el('div', { class: 'tl-ticks', 'aria-hidden': 'true' }, el('span', {}, first), first === last ? null : el('span', {}, last)));
}
