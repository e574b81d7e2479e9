// Accessibility in real headless Chromium: axe-core (a pinned
// devDependency) finds no serious or critical violation on any panel, in
// the light and the dark theme, at 1440 and 360 px, with a selection shown;
// and the page can be used with the keyboard alone, with the focus always
// visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pageSuite, paste, waitDone, fixture, root, showPanel } from './helpers.mjs';

const suite = pageSuite();
const AXE = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PANELS = ['overview', 'entities', 'quotes', 'timeline', 'numbers', 'removed', 'export'];

/** Serious and critical violations axe finds on the page as it is now. */
async function violations(page) {
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  for (const width of [1440, 360]) {
    test(`axe: no serious or critical violation on any panel, ${scheme} theme, ${width} px`, async () => {
      const { context, page, problems } = await suite.open({ viewport: { width, height: 900 }, colorScheme: scheme });
      // The page's policy (script-src 'self') refuses an inline <script>,
      // so axe goes in through the DevTools protocol, which the policy
      // does not cover; the page itself is left as it is.
      await page.evaluate(AXE);
      assert.equal(typeof (await page.evaluate(() => window.axe.version)), 'string');
      assert.deepEqual(await violations(page), [], 'the empty page');
      await paste(page, { 'text/plain': fixture('seed-like', 'input.txt') });
      assert.equal(await waitDone(page), 'done');
      for (const panel of PANELS) {
        await showPanel(page, panel);
        assert.deepEqual(await violations(page), [], `the ${panel} panel`);
      }
      // With things chosen: an entity's mentions, a source's quotes, the
      // focused quote's tip, the removed blocks shown in the text.
      await showPanel(page, 'entities');
      await page.click('#entities button.entity >> nth=0');
      await showPanel(page, 'quotes');
      await page.click('#quotes button.source-button >> nth=0');
      await page.click('#quotes button.quote-link >> nth=0');
      await page.check('#show-removed');
      assert.deepEqual(await violations(page), [], 'with a selection');
      // And a failed analysis: its message.
      await page.click('#edit-input');
      await page.fill('#source', '');
      await page.click('#analyze');
      assert.equal(await waitDone(page), 'error');
      assert.deepEqual(await violations(page), [], 'an error shown');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('keyboard only: type, analyse, reach a panel, choose a name, step through its mentions; the focus is always seen', async () => {
  const { context, page, problems } = await suite.open();
  /** The focused element, and whether it shows a focus ring (its own or
   *  its label's, for a switch). */
  const focus = () => page.evaluate(() => {
    const f = document.activeElement;
    const ring = (e) => e && getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) >= 2;
    return { id: f.id, tag: f.tagName.toLowerCase(), role: f.getAttribute('role'), cls: f.className, text: f.textContent.slice(0, 40), seen: ring(f) || ring(f.closest('label')) };
  });
  // The first Tab stop is the text area (nothing before it asks for a key).
  await page.keyboard.press('Tab');
  assert.equal((await focus()).id, 'source');
  await page.keyboard.insertText(fixture('seed-like', 'input.txt'));
  await page.keyboard.press('Control+Enter');
  assert.equal(await waitDone(page), 'done');
  // The input folded: the focus went to the text, which says so.
  let f = await focus();
  assert.equal(f.id, 'text');
  assert.equal(f.seen, true, 'the text shows its focus');
  // Shift+Tab goes back through the panels to the tabs.
  for (let i = 0; i < 60 && (await focus()).role !== 'tab'; i++) await page.keyboard.press('Shift+Tab');
  f = await focus();
  assert.equal(f.id, 'tab-overview');
  assert.equal(f.seen, true, 'a tab shows its focus');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focus()).id, 'tab-entities');
  await page.keyboard.press('Tab');
  assert.equal((await focus()).id, 'panel-entities');
  assert.equal((await focus()).seen, true, 'the panel shows its focus');
  await page.keyboard.press('Tab');
  f = await focus();
  assert.match(f.cls, /\bentity\b/);
  assert.equal(f.seen, true, 'a name shows its focus');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
  const label = await page.textContent('#mention-label');
  assert.match(label, /: mention 1 of \d+$/);
  await page.keyboard.press('n');
  f = await focus();
  assert.equal(f.tag, 'mark');
  assert.equal(f.seen, true, 'a mention shows its focus');
  assert.match(await page.textContent('#mention-label'), /: mention 2 of \d+$/);
  // Every control of the reading bar is reached with Tab, and shows it.
  await page.focus('#layer-entities');
  assert.equal((await focus()).seen, true, 'a layer switch shows its focus');
  await page.keyboard.press('Space');
  assert.equal(await page.isChecked('#layer-entities'), false);
  await page.keyboard.press('Tab');
  assert.equal((await focus()).id, 'layer-quotes');
  assert.deepEqual(problems, []);
  await context.close();
});
