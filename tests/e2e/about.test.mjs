// "What it is about" in real headless Chromium with the real wasm: the key
// phrases as the analysis ranks them, one chosen highlighted in the text
// without touching its marks, the summary's sentences listed and marked in
// the text, and the summary length option honoured. Written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, paste, waitDone, root, analysisOf } from './helpers.mjs';

const ARTICLE = `City council approves new bridge over the Elm River

The city council approved a new bridge over the Elm River on Tuesday, ending a decade of debate about how to link the two halves of the town.

The bridge will cost $40 million and carry four lanes of traffic, two of them for buses, Mayor Ann Lee said.

Ann Lee said the bridge would cut the drive between the east and west banks from forty minutes to ten.

Opponents of the bridge said the council had ignored a cheaper plan for a ferry across the Elm River.

Construction of the bridge is expected to start next spring and to take three years, the council said.
`;

const suite = pageSuite();

async function analysed(summary) {
  const { context, page, problems } = await suite.open();
  if (summary) {
    await page.click('details.options summary');
    await page.selectOption('#summary-length', String(summary));
  }
  await paste(page, { 'text/plain': ARTICLE });
  assert.equal(await waitDone(page), 'done');
  const a = await analysisOf(page);
  return { context, page, problems, a };
}

test('key phrases are listed best first, and one chosen is highlighted in the text', async () => {
  const { context, page, problems, a } = await analysed();
  assert.ok(a.keyphrases.length >= 3, JSON.stringify(a.keyphrases));
  const chips = await page.locator('#keyphrases button.keyphrase').evaluateAll((bs) => bs.map((b) => b.dataset.phrase));
  assert.deepEqual(chips, a.keyphrases.map((k) => k.text));
  assert.ok(chips.some((c) => /bridge/i.test(c)), chips.join(', '));
  const marksBefore = await page.locator('#text mark').count();
  const phrase = a.keyphrases.find((k) => /bridge/i.test(k.text)).text;
  await page.click(`#keyphrases button.keyphrase[data-phrase="${phrase}"]`);
  assert.equal(await page.getAttribute(`#keyphrases button.keyphrase[data-phrase="${phrase}"]`, 'aria-pressed'), 'true');
  // Every whole-word occurrence in the text view is highlighted.
  const body = await page.textContent('#text');
  const expected = (body.match(new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'giu')) || []).length;
  assert.ok(expected >= 2, `${phrase} in ${body}`);
  const highlighted = await page.evaluate(() => (CSS.highlights.get('keyphrase') ? CSS.highlights.get('keyphrase').size : 0));
  assert.equal(highlighted, expected);
  assert.match(await page.textContent('#status'), new RegExp(`${expected} in the text shown`));
  // The text's own marks are untouched; choosing again clears.
  assert.equal(await page.locator('#text mark').count(), marksBefore);
  await page.click(`#keyphrases button.keyphrase[data-phrase="${phrase}"]`);
  assert.equal(await page.evaluate(() => CSS.highlights.has('keyphrase')), false);
  await page.locator('#about-section').screenshot({ path: path.join(root, 'test-results/about-panel.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the summary lists its sentences in order and marks them in the text', async () => {
  const { context, page, problems, a } = await analysed();
  assert.equal(a.summary.length, 1);
  const listed = await page.locator('#summary .summary-sentence').allTextContents();
  assert.deepEqual(listed, a.summary.map((i) => a.text.slice(a.sentences[i].start, a.sentences[i].end)));
  assert.match(listed[0], /^The city council approved a new bridge/);
  const marked = await page.locator('#text mark.summary').evaluateAll((ms) => ms.map((m) => Number(m.dataset.sentence)));
  assert.deepEqual(marked, a.summary);
  await page.click(`#summary button.summary-go[data-sentence="${a.summary[0]}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.sentence), String(a.summary[0]));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the summary length chosen in the options is honoured', async () => {
  const { context, page, problems, a } = await analysed(3);
  assert.equal(a.summary.length, 3);
  assert.ok(a.summary.every((x, i) => i === 0 || a.summary[i - 1] < x), 'in text order');
  assert.equal(await page.locator('#summary li').count(), 3);
  assert.deepEqual(problems, []);
  await context.close();
});
