// Bad input in real headless Chromium with the real wasm: a 10 MB article
// (the text is drawn a chunk at a time as it is scrolled, and the page
// answers at once), an article with 6,000 people (the panels list the first
// few with "show all"), and an analysis that fails after one that worked
// (its message, and the page goes on working). The inputs are made here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, paste, waitDone, screenshot, analysisOf, showPanel, fixture, artifacts } from './helpers.mjs';

const suite = pageSuite();

/** Pastes `text` as a browser would, without handing megabytes to
 *  Playwright's protocol twice: the text is made in the page. */
async function pasteMade(page, make, arg) {
  await page.evaluate(({ make, arg }) => {
    const text = new Function('arg', `return (${make})(arg)`)(arg);
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const target = document.getElementById('source');
    target.focus();
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, { make: make.toString(), arg });
}

/** How long the page takes (ms) to act on `action` and paint the frame after. */
function timed(page, action) {
  return page.evaluate(async (action) => {
    const t = performance.now();
    new Function(action)();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  }, action);
}

test('a 10 MB article: the text is drawn as it is scrolled, and the page answers at once', async () => {
  const { context, page, problems } = await suite.open({ viewport: { width: 1440, height: 900 } });
  // Paragraphs that differ (names, numbers, dates, quotes), about 10 MB in all.
  await pasteMade(page, (bytes) => {
    const people = ['Anna Keller', 'Paul Richter', 'Maria Lang', 'Jonas Berger'];
    const out = ['A very long report'];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const p = `Paragraph ${i}: ${people[i % 4]} said on ${1 + (i % 28)} March that “the council spent ${i * 3} million euros”, and the committee met again in Berlin to publish its report.`;
      out.push(p);
      size += p.length + 2;
    }
    return out.join('\n\n');
  }, 10 * 1024 * 1024);
  assert.equal(await waitDone(page, 240_000), 'done');
  const paragraphs = Number((await page.textContent('[data-stat="paragraphs"] dd')).replace(/,/g, ''));
  assert.ok(paragraphs > 50_000, `${paragraphs} paragraphs`);
  // A first chunk is drawn, not the whole capped text.
  const drawn = () => page.locator('#text > p:not(.loading-more):not(.more)').count();
  const first = await drawn();
  assert.ok(first > 50 && first <= 200, `${first} paragraphs drawn at first`);
  assert.equal(await page.locator('#text p.loading-more').count(), 1);
  // The page answers at once: a layer switch, a tab.
  const layer = await timed(page, "document.getElementById('layer-quotes').click()");
  const tab = await timed(page, "document.getElementById('tab-entities').click()");
  assert.ok(layer < 1000 && tab < 1000, `layer switch ${Math.round(layer)} ms, tab ${Math.round(tab)} ms`);
  assert.equal(await page.evaluate(() => document.getElementById('text').classList.contains('hide-quotes')), true);
  // Scrolling near the end of what is drawn draws the next chunk.
  await page.locator('#text p.loading-more').scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelectorAll('#text > p:not(.loading-more):not(.more)').length > n, first);
  const second = await drawn();
  assert.ok(second > first && second <= first + 400, `${first} then ${second}`);
  // The button does the same, for whoever does not scroll.
  await page.click('#text p.loading-more button');
  assert.ok((await drawn()) > second);
  // A mention far down is drawn when it is asked for: the last of Anna
  // Keller's mentions within the paragraphs shown.
  await showPanel(page, 'entities');
  await page.click('#entities button.entity:has-text("Anna Keller")');
  const label = await page.textContent('#mention-label');
  const total = Number(/of ([\d,]+)$/.exec(label)[1].replace(/,/g, ''));
  // Every fourth paragraph, up to the 1,500 shown (the headline is not among them).
  assert.equal(total, 375);
  // All 1,500 shown paragraphs but the headline (in the header above) are drawn now.
  assert.equal(await drawn(), 1499);
  await page.click('#mention-prev');
  assert.equal(await page.textContent('#mention-label'), `Anna Keller: mention 375 of 375`);
  assert.match(await page.evaluate(() => document.activeElement.closest('p').textContent), /^Paragraph 1496:/);
  assert.match(await page.textContent('#text p.more'), /^Showing the first 1,500 of/);
  // The window only: the whole page is 1,500 paragraphs long.
  await page.screenshot({ path: path.join(artifacts, 'bad-input-10mb.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an article with 6,000 people: the panel lists the first ones, and shows all when asked', async () => {
  const { context, page, problems } = await suite.open();
  await pasteMade(page, () => {
    const first = ['Anna', 'Paul', 'Maria', 'Jonas', 'Clara', 'Felix', 'Laura', 'Lukas', 'Emma', 'Noah', 'Sofia', 'Elias', 'Mia', 'Leon', 'Hanna', 'David', 'Lea', 'Simon', 'Nora', 'Jakob', 'Ida', 'Oskar', 'Greta', 'Moritz', 'Lina', 'Anton', 'Frieda', 'Henry', 'Marie', 'Theo', 'Alma', 'Karl', 'Rosa', 'Emil', 'Ella', 'Max', 'Lotta', 'Ben', 'Luisa', 'Finn', 'Julia', 'Tim', 'Sara', 'Tom', 'Eva', 'Jan', 'Lisa', 'Ole', 'Nina', 'Erik', 'Ada', 'Bruno', 'Carla', 'Dora', 'Egon', 'Fritz', 'Gerda', 'Hugo', 'Inga', 'Jonah'];
    const stems = ['bach', 'berg', 'brunn', 'dorf', 'feld', 'hof', 'kamp', 'land', 'mann', 'stein'];
    const last = ['Alt', 'Bern', 'Dann', 'Eck', 'Fahr', 'Gold', 'Hart', 'Kirch', 'Lind', 'Rosen'].flatMap((p) => stems.map((s) => p + s));
    const names = last.flatMap((l) => first.map((f) => `${f} ${l}`));
    const paras = [];
    for (let i = 0; i < names.length; i += 2) paras.push(`${names[i]} met ${names[i + 1]} in the town hall on Monday, officials said.`);
    return `A town of many names\n\n${paras.join('\n\n')}`;
  });
  assert.equal(await waitDone(page, 120_000), 'done');
  const a = await analysisOf(page);
  const people = a.entities.filter((e) => e.type === 'PERSON');
  assert.ok(people.length >= 5000, `${people.length} people`);
  await showPanel(page, 'entities');
  const group = page.locator('#entities .entity-group[data-type="PERSON"]');
  assert.equal(await group.locator('button.entity').count(), 40);
  const more = group.locator('button.show-all');
  assert.equal(await more.textContent(), `Show all ${new Intl.NumberFormat('en').format(people.length)} people`);
  // The chart has the ten most mentioned.
  assert.equal(await page.locator('#entities-chart .bar-row').count(), 10);
  // Choosing one is quick.
  const choose = await timed(page, "document.querySelector('#entities button.entity').click()");
  assert.ok(choose < 1000, `choosing took ${Math.round(choose)} ms`);
  assert.ok((await page.locator('#text mark.ent.selected').count()) >= 1);
  // All of them, on demand; the focus goes to the first new one.
  await more.click();
  assert.equal(await group.locator('button.entity').count(), people.length);
  assert.equal(await group.locator('button.show-all').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.entity), String(people[40].id));
  // Long lists elsewhere are capped the same way: the quotes' sources.
  await showPanel(page, 'quotes');
  const sources = await page.locator('#quotes li.source').count();
  assert.ok(sources <= 31, `${sources} sources listed`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an analysis that fails after one that worked: its message, and the page goes on working', async () => {
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/plain': fixture('seed-like', 'input.txt') });
  assert.equal(await waitDone(page), 'done');
  // A binary file: refused with a message; the input opens again, and
  // what was in the text area is kept.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63000100000500010d0a2db40000000049454e44ae426082', 'hex');
  // Forget the last run's "done": the file is read before its run starts.
  await page.evaluate(() => { document.body.dataset.state = 'stale'; });
  await page.setInputFiles('#file', { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.concat([png, png, png]) });
  assert.equal(await waitDone(page), 'error');
  assert.match(await page.textContent('#error'), /binary data/);
  assert.equal(await page.isVisible('#error'), true);
  assert.equal(await page.isVisible('#results'), false);
  assert.equal(await page.isVisible('#source'), true);
  assert.equal(await page.inputValue('#source'), fixture('seed-like', 'input.txt'));
  assert.equal(await page.locator('#text mark').count(), 0);
  await screenshot(page, 'bad-input-error.png');
  // Analyse again: it works, the message goes, the panels answer.
  await page.click('#analyze');
  assert.equal(await waitDone(page), 'done');
  assert.equal(await page.isVisible('#error'), false);
  await showPanel(page, 'entities');
  await page.click('#entities button.entity >> nth=0');
  assert.match(await page.textContent('#mention-label'), /: mention 1 of/);
  assert.deepEqual(problems, []);
  await context.close();
});
