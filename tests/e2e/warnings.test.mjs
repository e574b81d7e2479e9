// Text-quality warnings in real headless Chromium with the real wasm: the
// panel lists what the analysis flags, each warning is marked in the text
// and found from the panel, markup in a flagged passage stays text, and
// clean copy gets no warning. The articles are written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, paste, waitDone, root, analysisOf } from './helpers.mjs';

const SLIPPED = `Council approves the budget after a long night

The council met for three hours on Monday and approved the new budget for the town. June 4.

Members said the plan would help schools, roads and parks in all the the districts.

The mayor thanked the members and said the vote was a good one for the town and its people. countries. countries.

“This budget is the best thing that has happened to the town in years <b>really</b>
`;

const CLEAN = `Council approves the budget after a long night

The council met for three hours on Monday and approved the new budget for the town.

“The plan is sound,” the mayor said after the vote. “It will help schools and roads.”
`;

const suite = pageSuite();

async function analysed(article) {
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/plain': article });
  assert.equal(await waitDone(page), 'done');
  const a = await analysisOf(page);
  return { context, page, problems, a };
}

test('the warnings panel lists what the analysis flags, and each is found in the text', async () => {
  const { context, page, problems, a } = await analysed(SLIPPED);
  const kinds = a.warnings.map((w) => w.kind);
  assert.deepEqual(kinds, ['orphan-fragment', 'repeated-word', 'repeated-word', 'unbalanced-quote', 'markup', 'markup']);
  const items = page.locator('#warnings li.warning');
  assert.equal(await items.count(), a.warnings.length);
  const shown = await items.evaluateAll((lis) => lis.map((li) => [li.dataset.kind, li.querySelector('.warn-message').textContent]));
  assert.deepEqual(shown, a.warnings.map((w) => [w.kind, w.message]));
  assert.equal(await page.textContent('#warnings-count'), `(${a.warnings.length})`);
  // Each warning is marked in the text with its message as the title.
  const marks = await page.locator('#text mark.warn').evaluateAll((ms) => ms.map((m) => [m.dataset.warn, m.textContent, m.title]));
  assert.deepEqual(marks, a.warnings.map((w, i) => [String(i), a.text.slice(w.start, w.end), w.message]));
  // Choosing one focuses its mark.
  const repeat = a.warnings.findIndex((w) => a.text.slice(w.start, w.end) === 'the the');
  await page.click(`#warnings button.warn-go[data-warn="${repeat}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'the the');
  // The markup in the unclosed quotation is text.
  assert.match(await page.textContent('#text'), /<b>really<\/b>/);
  assert.equal(await page.locator('#results b').count(), 0);
  await page.locator('#warnings-section').screenshot({ path: path.join(root, 'test-results/warnings-panel.png') });
  await page.locator('#text').screenshot({ path: path.join(root, 'test-results/warnings-text.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('clean copy gets no warning', async () => {
  const { context, page, problems, a } = await analysed(CLEAN);
  assert.deepEqual(a.warnings, []);
  assert.equal(await page.textContent('#warnings'), 'Nothing to flag.');
  assert.equal(await page.locator('#text mark.warn').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
