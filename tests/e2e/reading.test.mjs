// The reading view and the panels in real headless Chromium with the real
// wasm: every panel shows what the analysis holds (compared with the page's
// own JSON download), choosing an entity highlights its mentions and Next /
// Previous (and n, p, j, k) step the focus through them, each layer switch
// takes its marks' colour away, the tabs follow the ARIA pattern, the input
// folds away and comes back, and the page fits 360 and 1440 px in light and
// dark (screenshots in test-results/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, paste, waitDone, fixture, screenshot, analysisOf, showPanel, artifacts } from './helpers.mjs';

const suite = pageSuite();
const seedText = () => fixture('seed-like', 'input.txt');

/** The page with the seed-like article analysed, and (unless `json` is
 *  false: it goes through the Export panel and moves the focus) the
 *  analysis it drew. */
async function analysed(options, { json = true } = {}) {
  const { context, page, problems } = await suite.open(options);
  await paste(page, { 'text/plain': seedText() });
  assert.equal(await waitDone(page), 'done');
  const a = json ? await analysisOf(page) : null;
  return { context, page, problems, a };
}

test('every panel shows what the analysis holds', async () => {
  const { context, page, problems, a } = await analysed();
  // The seed-like article has something in every layer; if these fail the
  // analyzer changed, not the page.
  for (const layer of ['entities', 'quotes', 'sources', 'timeline', 'quantities', 'warnings', 'keyphrases', 'summary', 'removed']) {
    assert.ok(a[layer].length > 0, `${layer} in the analysis`);
  }
  // The tabs carry the counts.
  const tabCount = (name) => page.textContent(`#tab-count-${name}`);
  assert.equal(await tabCount('entities'), String(a.entities.length));
  assert.equal(await tabCount('quotes'), String(a.quotes.length));
  assert.equal(await tabCount('timeline'), String(a.timeline.length));
  assert.equal(await tabCount('numbers'), String(a.quantities.length));
  assert.equal(await tabCount('removed'), String(a.removed.length));

  // Overview: summary, key phrases, warnings, statistics.
  assert.equal(await page.locator('#summary li').count(), a.summary.length);
  assert.deepEqual(await page.locator('#keyphrases button.keyphrase').evaluateAll((bs) => bs.map((b) => b.dataset.phrase)), a.keyphrases.map((k) => k.text));
  assert.equal(await page.locator('#warnings li.warning').count(), a.warnings.length);
  assert.equal(await page.textContent('[data-stat="words"] dd'), String(a.stats.words));

  // People, organisations, places: each entity once, under its type, with
  // its count; the chart has the most mentioned (groups aside), in order.
  await showPanel(page, 'entities');
  const listed = await page.locator('#entities button.entity').evaluateAll((bs) => bs.map((b) => [Number(b.dataset.entity), b.dataset.type, b.querySelector('.entity-count').textContent]));
  assert.deepEqual(listed.map(([id]) => id).sort((x, y) => x - y), a.entities.map((e) => e.id));
  for (const [id, type, count] of listed) {
    assert.equal(type, a.entities[id].type);
    assert.equal(count, `×${a.entities[id].count}`);
  }
  const bars = await page.locator('#entities-chart .bar-row').evaluateAll((rows) => rows.map((r) => [r.querySelector('.bar-label').textContent, Number(r.querySelector('.bar-value').textContent)]));
  const top = a.entities.filter((e) => e.type !== 'GROUP').slice(0, 10);
  assert.deepEqual(bars, top.map((e) => [e.name, e.count]));
  // The longest bar is the most mentioned; a bar for half as many mentions is about half as long.
  const widths = await page.locator('#entities-chart .bar').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().width));
  assert.ok(widths[0] > 0 && widths.every((w) => w <= widths[0] + 0.5), String(widths));
  const last = top.length - 1;
  assert.ok(Math.abs(widths[last] / widths[0] - top[last].count / top[0].count) < 0.05, `${widths[last]} / ${widths[0]}`);

  // Who said what: a card per source (and one for quotes with no speaker),
  // the named/anonymous share bar adding up to the quotes with a source or none.
  await showPanel(page, 'quotes');
  const none = a.quotes.filter((q) => q.kind !== 'scare' && q.source_id === null).length;
  assert.equal(await page.locator('#quotes li.source').count(), a.sources.length + (none ? 1 : 0));
  const legend = await page.locator('#quotes-chart .share-legend li').allTextContents();
  const named = a.sources.filter((s) => s.kind === 'named').reduce((n, s) => n + s.quotes, 0);
  assert.ok(legend.some((l) => l.startsWith(`Named: ${named} `)), legend.join(' | '));
  assert.equal(await page.locator('#quotes-chart .bars .bar-row').count(), Math.min(10, a.sources.length));

  // Timeline: the list and a dot (or span) per entry on the axis.
  await showPanel(page, 'timeline');
  assert.equal(await page.locator('#timeline li.tl-item').count(), a.timeline.length);
  assert.equal(await page.locator('#timeline-chart figure:first-child .tl-mark').count(), a.timeline.length);

  // Numbers and Removed.
  await showPanel(page, 'numbers');
  assert.equal(await page.locator('#quantities tbody tr').count(), a.quantities.length);
  await showPanel(page, 'removed');
  assert.equal(await page.locator('#removed li.item').count(), a.removed.length);

  // No element of the results carries an inline style: the charts' lengths are classes.
  assert.equal(await page.locator('#results [style]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('choosing an entity highlights every mention; Next, Previous and n/p/j/k move the focus through them', async () => {
  const { context, page, problems, a } = await analysed({ viewport: { width: 1280, height: 700 } });
  const scholz = a.entities.find((e) => e.name === 'Olaf Scholz');
  await showPanel(page, 'entities');
  // Scrolled away first, so that going to the first mention has to scroll.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click(`#entities button.entity[data-entity="${scholz.id}"]`);
  const marks = page.locator('#text mark.ent.selected');
  const texts = await marks.allTextContents();
  // The headline is in the header, not the text: its mention is not drawn.
  const drawn = scholz.mentions.filter((m) => m.start >= a.paragraphs[1].start);
  assert.equal(texts.length, drawn.length);
  assert.deepEqual(await marks.evaluateAll((ms) => ms.map((m) => Number(m.dataset.at))), drawn.map((m) => m.start));
  // Only its mentions.
  assert.equal(await page.locator(`#text mark.ent.selected:not([data-entity="${scholz.id}"])`).count(), 0);
  // The first is scrolled into view and is the current one.
  const inView = (loc) => loc.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.equal(await inView(marks.first()), true);
  assert.equal(await marks.first().evaluate((m) => m.classList.contains('current')), true);
  assert.equal(await page.textContent('#mention-label'), `Olaf Scholz: mention 1 of ${drawn.length}`);
  assert.equal(await page.getAttribute('#mention-label', 'aria-live'), 'polite');

  // The focus is on the entity's button (a panel item): n goes to the next mention.
  const focusedAt = () => page.evaluate(() => Number(document.activeElement.dataset.at));
  await page.keyboard.press('n');
  assert.equal(await focusedAt(), drawn[1].start);
  assert.equal(await page.textContent('#mention-label'), `Olaf Scholz: mention 2 of ${drawn.length}`);
  assert.equal(await inView(marks.nth(1)), true);
  // Now in the reading view: j is next too, p and k go back.
  await page.keyboard.press('j');
  assert.equal(await focusedAt(), drawn[2].start);
  await page.keyboard.press('p');
  assert.equal(await focusedAt(), drawn[1].start);
  await page.keyboard.press('k');
  assert.equal(await focusedAt(), drawn[0].start);
  // From the first, Previous wraps round to the last.
  await page.click('#mention-prev');
  assert.equal(await focusedAt(), drawn[drawn.length - 1].start);
  assert.equal(await page.textContent('#mention-label'), `Olaf Scholz: mention ${drawn.length} of ${drawn.length}`);
  await page.click('#mention-next');
  assert.equal(await focusedAt(), drawn[0].start);
  // Letters typed in a field are letters: the options' date field does not step.
  await page.click('#edit-input');
  await page.focus('#source');
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'source');
  // Clear takes the highlight away.
  await page.click('#mention-clear');
  assert.equal(await page.locator('#text mark.ent.selected, #text .current').count(), 0);
  assert.equal(await page.getAttribute(`#entities button.entity[data-entity="${scholz.id}"]`, 'aria-pressed'), 'false');
  assert.equal(await page.isDisabled('#mention-next'), true);
  // A mention in the text chooses its entity too.
  await page.click(`#text mark.ent[data-entity="${scholz.id}"] >> nth=1`);
  assert.equal(await page.getAttribute(`#entities button.entity[data-entity="${scholz.id}"]`, 'aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a date, a number, a warning or a quote chosen in a panel makes its layer the one Next steps through', async () => {
  const { context, page, problems, a } = await analysed();
  // Warnings: the first chosen, n goes to the second.
  await page.click('#warnings button.warn-go[data-warn="0"]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.warn), '0');
  assert.equal(await page.textContent('#mention-label'), `Warning 1 of ${a.warnings.length}`);
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.warn), '1');
  // A source's quotes.
  await showPanel(page, 'quotes');
  const nowak = a.sources.find((s) => s.name === 'Anna Nowak');
  await page.click(`#quotes button.source-button[data-source="${nowak.id}"]`);
  const quotes = a.quotes.map((q, i) => ({ ...q, i })).filter((q) => q.source_id === nowak.id && q.kind !== 'scare');
  assert.equal(await page.textContent('#mention-label'), `Anna Nowak: quote 1 of ${quotes.length}`);
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.quote)), quotes[1].i);
  // A key phrase: its occurrences (highlight ranges, no element to focus).
  await showPanel(page, 'overview');
  // A phrase found more than once in the text drawn (the headline is not).
  const body = await page.textContent('#text');
  const phrase = a.keyphrases.map((k) => k.text).find((k) => body.split(k).length > 2);
  assert.ok(phrase, 'a key phrase seen twice');
  await page.click(`#keyphrases button.keyphrase[data-phrase="${phrase}"]`);
  const found = await page.evaluate(() => CSS.highlights.get('keyphrase').size);
  assert.equal(await page.textContent('#mention-label'), `“${phrase}”: occurrence 1 of ${found}`);
  await page.keyboard.press('n');
  assert.equal(await page.textContent('#mention-label'), `“${phrase}”: occurrence 2 of ${found}`);
  assert.equal(await page.evaluate(() => CSS.highlights.get('current').size), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each layer switch takes its marks out of sight and puts them back', async () => {
  const { context, page, problems } = await analysed();
  // For each layer: a mark and the style that shows it.
  const layers = [
    ['entities', '#text mark.ent-person', 'border-bottom-color'],
    ['quotes', '#text mark.quote.q-direct', 'background-color'],
    ['dates', '#text mark.time', 'text-decoration-line'],
    ['numbers', '#text mark.qty', 'text-decoration-line'],
    ['warnings', '#text mark.warn', 'text-decoration-line'],
    ['summary', '#text mark.summary', 'background-color'],
  ];
  const style = (sel, prop) => page.locator(sel).first().evaluate((m, prop) => getComputedStyle(m).getPropertyValue(prop), prop);
  const off = new Set(['rgba(0, 0, 0, 0)', 'none']);
  for (const [layer, sel, prop] of layers) {
    const on = await style(sel, prop);
    assert.ok(!off.has(on), `${layer} shows: ${prop} ${on}`);
    await page.uncheck(`#layer-${layer}`);
    assert.equal(await page.evaluate((l) => document.getElementById('text').classList.contains(`hide-${l}`), layer), true);
    assert.ok(off.has(await style(sel, prop)), `${layer} hidden: ${prop} ${await style(sel, prop)}`);
    // The other layers are untouched.
    for (const [other, otherSel, otherProp] of layers) {
      if (other !== layer) assert.ok(!off.has(await style(otherSel, otherProp)), `${other} still shows with ${layer} off`);
    }
    await page.check(`#layer-${layer}`);
    assert.equal(await style(sel, prop), on);
  }
  // Switching does not draw the text again: the same elements stay.
  const marker = await page.evaluate(() => { document.querySelector('#text p').dataset.probe = 'kept'; return true; });
  assert.ok(marker);
  await page.uncheck('#layer-quotes');
  assert.equal(await page.locator('#text p[data-probe="kept"]').count(), 1);
  // The chosen entity stays highlighted with its layer off.
  await showPanel(page, 'entities');
  await page.uncheck('#layer-entities');
  await page.click('#entities button.entity:has-text("Olaf Scholz")');
  assert.notEqual(await style('#text mark.ent.selected', 'background-color'), 'rgba(0, 0, 0, 0)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the panels are ARIA tabs: one selected, arrow keys, Home and End', async () => {
  const { context, page, problems } = await analysed(undefined, { json: false });
  const selected = () => page.evaluate(() => {
    const tabs = [...document.querySelectorAll('#tabs [role="tab"]')];
    const on = tabs.filter((t) => t.getAttribute('aria-selected') === 'true');
    const shown = [...document.querySelectorAll('[role="tabpanel"]')].filter((p) => !p.hidden).map((p) => p.id);
    return { on: on.map((t) => t.id), shown, focus: document.activeElement.id, tabbable: tabs.filter((t) => t.tabIndex === 0).map((t) => t.id) };
  });
  assert.deepEqual(await selected(), { on: ['tab-overview'], shown: ['panel-overview'], focus: 'text', tabbable: ['tab-overview'] });
  await page.focus('#tab-overview');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), { on: ['tab-entities'], shown: ['panel-entities'], focus: 'tab-entities', tabbable: ['tab-entities'] });
  await page.keyboard.press('End');
  assert.equal((await selected()).focus, 'tab-export');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual((await selected()).on, ['tab-overview']);
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual((await selected()).shown, ['panel-export']);
  await page.keyboard.press('Home');
  assert.deepEqual((await selected()).shown, ['panel-overview']);
  // Tab from the tab list goes into the panel.
  await page.keyboard.press('Tab');
  assert.equal((await selected()).focus, 'panel-overview');
  assert.equal(await page.getAttribute('#panel-overview', 'aria-labelledby'), 'tab-overview');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the input folds to one line once an analysis is shown, opens again, and a paste anywhere analyses a new article', async () => {
  const { context, page, problems } = await analysed(undefined, { json: false });
  assert.equal(await page.isVisible('#source'), false);
  assert.equal(await page.isVisible('#status'), true);
  assert.match(await page.textContent('#status'), /^Analysed 3\.8 KB/);
  // The focus, which was in the text area, went to the text.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text');
  const input = await page.locator('#input-section').boundingBox();
  assert.ok(input.height < 90, `the folded input is ${input.height}px high`);
  await page.click('#edit-input');
  assert.equal(await page.getAttribute('#edit-input', 'aria-expanded'), 'true');
  assert.equal(await page.isVisible('#source'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'source');
  assert.equal(await page.inputValue('#source'), seedText());
  await page.click('#edit-input');
  assert.equal(await page.isVisible('#source'), false);
  // A paste with the focus outside any field replaces the article.
  await page.evaluate(() => { document.body.dataset.state = 'stale'; });
  await page.focus('#text');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'A short note\n\nThe mayor of Springfield, Ann Lee, met the council on Monday.');
    document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  assert.equal(await waitDone(page), 'done');
  assert.equal(await page.textContent('#article-header .title'), 'A short note');
  assert.equal(await page.inputValue('#source'), 'A short note\n\nThe mayor of Springfield, Ann Lee, met the council on Monday.');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const width of [360, 1440]) {
  for (const scheme of ['light', 'dark']) {
    test(`fits ${width} px in the ${scheme} theme (screenshots in test-results/)`, async () => {
      const { context, page, problems } = await analysed({ viewport: { width, height: 900 }, colorScheme: scheme });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
      // The theme follows the system.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, scheme === 'dark' ? 'rgb(22, 23, 26)' : 'rgb(251, 250, 247)');
      // Wide: the text and the panels side by side; narrow: one column,
      // the panels between the header and the text.
      const text = await page.locator('#reading').boundingBox();
      const panels = await page.locator('#panels').boundingBox();
      if (width >= 1000) {
        assert.ok(panels.x > text.x + text.width - 1, 'the panels are right of the text');
        assert.ok(panels.y < text.y + 200, 'both at the top');
      } else {
        assert.ok(Math.abs(panels.x - text.x) < 1 && panels.y + panels.height <= text.y, 'the panels are above the text');
      }
      await screenshot(page, `reading-${width}-${scheme}.png`);
      await showPanel(page, 'quotes');
      await page.click('#quotes button.source-button >> nth=0');
      await page.screenshot({ path: path.join(artifacts, `quotes-${width}-${scheme}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
