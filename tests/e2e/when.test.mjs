// "When" and "How much" in real headless Chromium with the real wasm: the
// timeline lists the article's dates in calendar order against the
// reference date set on the page (and says which it cannot place without
// one), the numbers table shows each quantity with its bounds and what it
// counts, both find their expression in the text, and markup stays text.
// The article is written here, not read from a corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, paste, waitDone, screenshot, root, analysisOf, showPanel } from './helpers.mjs';

const ARTICLE = `Talks stall as troops mass on the border

On Thursday, officials said about 10,000 troops had left, but 60,000 to 90,000 Russian troops remain near the border.

Congress approved $40 billion in aid last week, and inflation hit 6.8% in November.

A second round of talks is planned for January 13, after the 9-10 January meeting in Geneva.

Negotiators spent two months on a draft. The war of the 1990s still shapes the talks, and the treaty of 2014 is "dead", he said.

On January 14 <img src=x onerror=alert(1)> more than 300 officials <b>will</b> meet.
`;

const suite = pageSuite();

/** Opens the page, optionally sets the reference date, pastes the article,
 *  and returns the analysis the page drew (its own JSON download). */
async function analysed({ date, viewport } = {}) {
  const { context, page, problems } = await suite.open(viewport ? { viewport } : undefined);
  if (date) {
    await page.click('details.options summary');
    await page.fill('#date', date);
  }
  await paste(page, { 'text/plain': ARTICLE });
  assert.equal(await waitDone(page), 'done');
  const a = await analysisOf(page);
  return { context, page, problems, a };
}

test('the timeline lists the dates in calendar order against the reference date, each with its sentence', async () => {
  // 2021-12-30 was a Thursday.
  const { context, page, problems, a } = await analysed({ date: '2021-12-30' });
  assert.equal(a.input.reference_date, '2021-12-30');
  const items = page.locator('#timeline li.tl-item');
  assert.equal(await items.count(), a.timeline.length);
  const labels = await page.locator('#timeline .tl-date').allTextContents();
  const expressions = await page.locator('#timeline mark.tl-expr').allTextContents();
  const got = labels.map((l, i) => `${l} | ${expressions[i]}`);
  assert.deepEqual(got, [
    'the 1990s | the 1990s',
    '2014 | 2014',
    'November 2021 | November',
    '20 December 2021 – 26 December 2021 | last week',
    '30 December 2021 | Thursday',
    '9 January 2022 | 9',
    '10 January 2022 | 10 January',
    '13 January 2022 | January 13',
    '14 January 2022 | January 14',
  ]);
  // Each entry shows its own sentence.
  const sentences = await page.locator('#timeline .tl-sentence').allTextContents();
  a.timeline.forEach((e, i) => {
    const s = a.sentences[e.sentence];
    assert.ok(a.text.slice(s.start, s.end).includes(sentences[i].replace(/^…|…$/g, '')), sentences[i]);
  });
  assert.equal(await page.locator('#timeline-unplaced').isVisible(), false);
  // The chart: every date on one axis from the 1990s to 2022, and the
  // crowded last year on an axis of its own.
  const charts = page.locator('#timeline-chart figure');
  assert.equal(await charts.count(), 2);
  assert.equal(await charts.nth(0).locator('.tl-mark').count(), a.timeline.length);
  assert.match(await charts.nth(0).locator('figcaption').textContent(), /^9 dates from 1990 to 2022$/);
  assert.equal(await charts.nth(1).locator('.tl-mark').count(), 7);
  assert.match(await charts.nth(1).locator('figcaption').textContent(), /^Close up: 7 dates from Nov 2021 to Jan 2022$/);
  // Choosing an entry focuses its expression in the text.
  const jan13 = a.timeline.find((e) => e.value === '2022-01-13');
  await showPanel(page, 'timeline');
  await page.click(`#timeline button.tl-go[data-time="${jan13.time}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.time), String(jan13.time));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'January 13');
  await page.locator('#timeline-section').screenshot({ path: path.join(root, 'test-results/timeline-panel.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('without a reference date the timeline places only absolute dates and says why', async () => {
  const { context, page, problems, a } = await analysed();
  assert.equal(a.input.reference_date, null);
  const labels = await page.locator('#timeline .tl-date').allTextContents();
  assert.deepEqual(labels, ['the 1990s', '2014']);
  await showPanel(page, 'timeline');
  const hint = page.locator('#timeline-unplaced');
  assert.equal(await hint.isVisible(), true);
  const unplaced = a.times.filter((t) => /X/.test(t.value) && ['DATE', 'TIME'].includes(t.type));
  assert.ok(unplaced.length >= 4, JSON.stringify(unplaced));
  assert.match(await hint.textContent(), new RegExp(`^${unplaced.length} dates such as “${unplaced[0].text}” cannot be placed`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the numbers table shows each quantity with its bounds, unit and what it counts', async () => {
  const { context, page, problems, a } = await analysed({ date: '2021-12-30' });
  const rows = page.locator('#quantities tbody tr');
  assert.equal(await rows.count(), a.quantities.length);
  const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent).join(' | ')));
  const want = [
    '≈ 10,000 | troops | about 10,000 | count',
    '60,000 – 90,000 | Russian troops | 60,000 to 90,000 | count',
    '$40 billion | aid | $40 billion | money',
    '6.8% |  | 6.8% | percent',
    '2nd | round | second | ordinal',
    '2 | months | two | count',
    '≥ 300 | officials | more than 300 | count',
  ];
  assert.deepEqual(table, want);
  // Choosing a row focuses the quantity in the text, marked with its amount.
  const range = a.quantities.findIndex((q) => q.low === 60000 && q.high === 90000);
  await showPanel(page, 'numbers');
  await page.click(`#quantities button.qty-go[data-qty="${range}"]`);
  const focused = await page.evaluate(() => ({ qty: document.activeElement.dataset.qty, text: document.activeElement.textContent, title: document.activeElement.title }));
  assert.deepEqual(focused, { qty: String(range), text: '60,000 to 90,000', title: '60,000 – 90,000 Russian troops' });
  // Every quantity and time is marked in the text.
  assert.equal(await page.locator('#text mark.qty').count(), a.quantities.length);
  assert.equal(await page.locator('#text mark.time').evaluateAll((ms) => new Set(ms.map((m) => m.dataset.time)).size),
    a.times.filter((t) => t.start >= a.paragraphs[1].start).length);
  await page.locator('#quantities-section').screenshot({ path: path.join(root, 'test-results/quantities-panel.png') });
  await screenshot(page, 'when-how-much.png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup in the article stays text in the timeline and the numbers', async () => {
  const { context, page, problems } = await analysed({ date: '2021-12-30' });
  assert.match(await page.textContent('#timeline'), /<img src=x onerror=alert\(1\)>/);
  assert.match(await page.textContent('#text'), /officials <b>will<\/b> meet/);
  assert.equal(await page.locator('#results img, #results [onerror], #results b, #results script').count(), 0);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the timeline and the numbers fit a 390 px phone screen', async () => {
  const { context, page, problems } = await analysed({ date: '2021-12-30', viewport: { width: 390, height: 844 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await showPanel(page, 'numbers');
  await page.locator('#quantities-section').screenshot({ path: path.join(root, 'test-results/quantities-phone.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
