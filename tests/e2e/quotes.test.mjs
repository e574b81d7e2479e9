// "Who said what" in real headless Chromium with the real wasm: the panel
// shows the sources as the analysis reports them, every quote is marked in
// the text (cut per paragraph, names nested inside), focus or hover shows
// who said it, choosing a source highlights its quotes, and markup inside a
// quotation stays text. The article is written here, not read from a corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pageSuite, paste, waitDone, screenshot, root, analysisOf, showPanel } from './helpers.mjs';

const ARTICLE = `Council weighs bridge tolls as ferry deal stalls

Transport Minister Helen Carter said on Monday that the toll plan would go ahead despite the protests.

“We will not let this bridge become a monument to delay,” Carter said, “and the work starts in spring.”

Mark Olsen, the council's finance chief, questioned the figures. “These numbers do not add up,” he said.

“Helen Carter is under pressure to show progress before the election,” said a senior administration official who was not authorised to speak publicly.

The “temporary” tolls will stay for decades.

"<img src=x onerror=alert(1)>," he said.

Olsen said that the council would publish its own estimate of the costs next month.

“Nobody asked the people who live under it. We asked for a ferry.

“We got a bill,” said Anna Berg, who runs a bakery by the river.
`;

const suite = pageSuite();

/** Opens the page, pastes the article, and returns the analysis the page
 *  drew (its own JSON download: exactly what it rendered). */
async function analysed(viewport) {
  const { context, page, problems } = await suite.open(viewport ? { viewport } : undefined);
  await paste(page, { 'text/plain': ARTICLE });
  assert.equal(await waitDone(page), 'done');
  const a = await analysisOf(page);
  return { context, page, problems, a };
}

const sourceOf = (a, name) => a.sources.find((s) => s.name.includes(name));
/** The quotes the page draws in the text: all but those in the headline
 *  (shown in the header, not repeated in the text). */
const drawn = (a) => a.quotes.map((q, i) => ({ ...q, i })).filter((q) => q.start >= a.paragraphs[1].start);

test('the analysis of the test article has what the page needs to show', async () => {
  const { context, a } = await analysed();
  // If these fail, the analyzer changed, not the page.
  const carter = sourceOf(a, 'Helen Carter');
  assert.ok(carter, `a source for Helen Carter in ${JSON.stringify(a.sources.map((s) => s.name))}`);
  assert.equal(carter.kind, 'named');
  assert.match(carter.role || '', /Transport Minister/i);
  const official = a.sources.find((s) => /senior administration official/.test(s.name));
  assert.ok(official, 'a source for the senior administration official');
  assert.equal(official.kind, 'anonymous');
  assert.ok(a.quotes.some((q) => q.kind === 'scare' && q.text === '“temporary”'), 'the scare quote');
  assert.ok(a.quotes.some((q) => q.kind === 'indirect'), 'reported speech');
  assert.ok(a.quotes.some((q) => q.speaker && q.speaker.text === 'he' && q.source === 'named'), 'a pronoun speaker resolved');
  assert.ok(a.quotes.some((q) => q.text.includes('<img src=x onerror=alert(1)>')), 'the quote holding markup');
  await context.close();
});

test('who said what: the panel lists each source with its kind, role and counts as the analysis reports them', async () => {
  const { context, page, problems, a } = await analysed();
  const items = page.locator('#quotes li.source');
  const listed = await items.evaluateAll((lis) => lis.map((li) => ({
    key: li.dataset.source,
    kind: li.dataset.kind,
    name: li.querySelector('.source-name').textContent,
    badge: li.querySelector('.source-badge') ? li.querySelector('.source-badge').textContent : null,
    role: li.querySelector('.source-role') ? li.querySelector('.source-role').textContent : null,
    counts: li.querySelector('.source-counts').textContent.replace(/\u00a0/g, ' '),
    quotes: [...li.querySelectorAll('button.quote-link')].map((b) => Number(b.dataset.quote)),
  })));
  const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  // The sources in the analysis's order (most words first), then the quotes
  // with no speaker found.
  const expected = a.sources.map((s) => ({
    key: String(s.id),
    kind: s.kind,
    name: s.name,
    badge: s.kind,
    role: s.role,
    counts: [[s.direct && plural(s.direct, 'quote'), s.quotes - s.direct && `${s.quotes - s.direct} reported`].filter(Boolean).join(', '), s.words && plural(s.words, 'word')].filter(Boolean).join(' · '),
    quotes: a.quotes.map((q, i) => (q.kind !== 'scare' && q.source_id === s.id ? i : -1)).filter((i) => i >= 0),
  }));
  assert.deepEqual(listed.slice(0, expected.length), expected);
  const none = a.quotes.map((q, i) => (q.kind !== 'scare' && q.source_id === null ? i : -1)).filter((i) => i >= 0);
  if (none.length) {
    assert.equal(listed.length, expected.length + 1);
    assert.deepEqual(listed.at(-1).quotes, none);
    assert.equal(listed.at(-1).name, 'No speaker found');
  } else {
    assert.equal(listed.length, expected.length);
  }
  // The summary: how many quotes from how many sources, and how much of the
  // quoted words rests on anonymous ones.
  const words = a.sources.reduce((n, s) => n + s.words, 0);
  const anon = a.sources.filter((s) => s.kind === 'anonymous').reduce((n, s) => n + s.words, 0);
  const summary = (await page.textContent('#quotes-summary')).replace(/\u00a0/g, ' ');
  assert.ok(summary.startsWith(`${a.sources.reduce((n, s) => n + s.quotes, 0)} quotes from ${a.sources.length} sources`), summary);
  assert.ok(anon > 0, 'the official is quoted directly');
  assert.match(summary, new RegExp(`; ${Math.round((anon / words) * 100)}% of the quoted words from anonymous sources`));
  // Scare quotes are not a source: they have a line of their own.
  const scare = await page.locator('#quotes .scare-quotes button').allTextContents();
  assert.deepEqual(scare, ['“temporary”']);
  // Excerpts are the quoted words, in marks for quotations, bare for reported speech.
  const carter = sourceOf(a, 'Helen Carter');
  const excerpts = await page.locator(`#quotes li.source[data-source="${carter.id}"] button.quote-link .excerpt`).allTextContents();
  assert.ok(excerpts.includes('“We will not let this bridge become a monument to delay”'), excerpts.join(' | '));
  assert.ok(excerpts.some((e) => e.startsWith('the toll plan would go ahead')), excerpts.join(' | '));
  await showPanel(page, 'quotes');
  await page.locator('#quotes-section').screenshot({ path: path.join(root, 'test-results/quotes-panel.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('each quote is marked in the text, cut per paragraph, with the names in it still marked', async () => {
  const { context, page, problems, a } = await analysed();
  const marks = await page.locator('#text mark.quote').evaluateAll((ms) => ms.map((m) => ({
    quote: Number(m.dataset.quote),
    cls: m.className,
    tab: m.tabIndex,
    text: m.textContent,
    para: [...document.querySelectorAll('#text > *')].indexOf(m.closest('#text > *')),
  })));
  for (const q of drawn(a)) {
    const parts = marks.filter((m) => m.quote === q.i);
    assert.ok(parts.length > 0, `quote ${q.i} (${q.text}) is marked`);
    assert.ok(parts.every((m) => m.cls.includes(`q-${q.kind}`)), `quote ${q.i} is drawn as ${q.kind}`);
    // One tab stop per quote: its first part.
    assert.deepEqual(parts.map((m) => m.tab), parts.map((_, n) => (n === 0 ? 0 : -1)));
    // The parts, paragraph by paragraph, are the quote without the breaks between paragraphs.
    const within = a.paragraphs.filter((p) => p.end > q.start && p.start < q.end)
      .map((p) => a.text.slice(Math.max(p.start, q.start), Math.min(p.end, q.end))).filter(Boolean);
    assert.equal(parts.map((m) => m.text).join(''), within.join(''), `quote ${q.i}`);
    assert.equal(new Set(parts.map((m) => m.para)).size, within.length, `quote ${q.i} has a part in each of its paragraphs`);
  }
  // A quotation running over two paragraphs (the first has no closing mark).
  const long = drawn(a).find((q) => q.text.includes('Nobody asked') && q.text.includes('We got a bill'));
  assert.ok(long, 'the quote over two paragraphs is one quote');
  assert.equal(await page.locator(`#text mark.quote[data-quote="${long.i}"]`).count(), 2);
  // The name inside the official's quote is still a marked mention, inside the quote's mark.
  const inside = page.locator('#text mark.quote mark.ent', { hasText: 'Helen Carter' });
  assert.equal(await inside.count(), 1);
  // Choosing the entity highlights that mention too.
  await showPanel(page, 'entities');
  await page.click('#entities button.entity:has-text("Helen Carter")');
  assert.equal(await page.locator('#text mark.quote mark.ent.selected', { hasText: 'Helen Carter' }).count(), 1);
  // Reported speech is drawn more lightly than a direct quote.
  const bg = (sel) => page.locator(sel).first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(await bg('#text mark.quote.q-indirect.src-named'), await bg('#text mark.quote.q-direct.src-named'));
  // A scare quote has no speaker: no tint, a dotted underline.
  const scare = page.locator('#text mark.quote.q-scare');
  assert.equal(await scare.textContent(), '“temporary”');
  assert.equal(await scare.evaluate((m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.equal(await scare.evaluate((m) => getComputedStyle(m).textDecorationStyle), 'dotted');
  assert.deepEqual(problems, []);
  await context.close();
});

test('focusing a quote (Tab or focus) shows who said it; hovering does too; Escape hides it', async () => {
  const { context, page, problems, a } = await analysed();
  const tip = page.locator('#quote-tip');
  assert.equal(await tip.isVisible(), false);
  // From the text view, Tab reaches the first quote, and its tip shows.
  const first = drawn(a)[0];
  await page.focus('#text');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.quote), String(first.i));
  assert.equal(await tip.isVisible(), true);
  const firstSource = a.sources[first.source_id];
  assert.match(await tip.textContent(), new RegExp(firstSource.name));
  // The pronoun: "he" said it, and the tip names the man.
  const he = drawn(a).find((q) => q.speaker && q.speaker.text === 'he' && q.text.includes('do not add up'));
  assert.ok(he, 'Olsen’s quote with its speaker "he"');
  const olsen = a.sources[he.source_id];
  assert.match(olsen.name, /Olsen/);
  await page.locator(`#text mark.quote[data-quote="${he.i}"]`).first().focus();
  assert.equal(await tip.isVisible(), true);
  const text = await tip.textContent();
  assert.match(text, new RegExp(`^${olsen.name}`));
  assert.match(text, /Direct quote · named source/);
  assert.match(text, /Called “he” here/);
  // The speaker's own words in the text are outlined while the tip shows.
  assert.deepEqual(await page.locator('#text .speaker.speaking').allTextContents(), ['he']);
  // Screen readers get the same as a description.
  assert.match(await page.locator(`#text mark.quote[data-quote="${he.i}"]`).first().getAttribute('aria-description'), new RegExp(olsen.name));
  // The tip sits beside the quote, inside the window.
  const box = await tip.boundingBox();
  const mark = await page.locator(`#text mark.quote[data-quote="${he.i}"]`).first().boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 1280, JSON.stringify(box));
  assert.ok(Math.abs(box.y + box.height - mark.y) < 40 || Math.abs(box.y - (mark.y + mark.height)) < 40, `${JSON.stringify(box)} by ${JSON.stringify(mark)}`);
  await screenshot(page, 'quotes-focus.png');
  await page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false);
  // Hover: the anonymous official.
  const official = drawn(a).find((q) => q.source === 'anonymous' && q.text.includes('under pressure'));
  assert.ok(official, 'the official’s quote');
  await page.locator('#text').focus();
  await page.hover(`#text mark.quote[data-quote="${official.i}"]`);
  assert.equal(await tip.isVisible(), true);
  assert.match(await tip.textContent(), /senior administration official.*anonymous source/);
  await page.mouse.move(5, 5);
  assert.equal(await tip.isVisible(), false);
  // A scare quote's tip says nobody is quoted.
  await page.locator('#text mark.quote.q-scare').focus();
  assert.match(await tip.textContent(), /^Scare quotes/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('choosing a source highlights its quotes in the text; choosing a quote goes to it', async () => {
  const { context, page, problems, a } = await analysed();
  const carter = sourceOf(a, 'Helen Carter');
  const button = page.locator(`#quotes button.source-button[data-source="${carter.id}"]`);
  await showPanel(page, 'quotes');
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  const selected = await page.locator('#text mark.quote.selected').evaluateAll((ms) => [...new Set(ms.map((m) => Number(m.dataset.quote)))]);
  assert.deepEqual(selected, drawn(a).filter((q) => q.source_id === carter.id && q.kind !== 'scare').map((q) => q.i));
  assert.ok(selected.length >= 3, `Carter's quotes: ${selected}`);
  await screenshot(page, 'quotes-source-selected.png');
  // Another source takes over; choosing it again clears it.
  const official = a.sources.find((s) => s.kind === 'anonymous' && /official/.test(s.name));
  const other = page.locator(`#quotes button.source-button[data-source="${official.id}"]`);
  await other.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  const now = await page.locator('#text mark.quote.selected').evaluateAll((ms) => ms.map((m) => Number(m.dataset.quote)));
  assert.ok(now.length > 0 && now.every((i) => a.quotes[i].source_id === official.id), String(now));
  await other.click();
  assert.equal(await page.locator('#text mark.quote.selected').count(), 0);
  // A quote in the list: its mark in the text gets the focus, and the tip shows.
  const q = drawn(a).find((x) => x.source_id === carter.id && x.kind === 'direct');
  await page.click(`#quotes button.quote-link[data-quote="${q.i}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.quote), String(q.i));
  assert.match(await page.textContent('#quote-tip'), new RegExp(carter.name));
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup inside a quotation is shown as text, in the text, the panel and the tip', async () => {
  const { context, page, problems, a } = await analysed();
  const hostile = drawn(a).find((q) => q.text.includes('<img'));
  const mark = page.locator(`#text mark.quote[data-quote="${hostile.i}"]`);
  assert.equal(await mark.textContent(), hostile.text);
  assert.match(hostile.text, /<img src=x onerror=alert\(1\)>/);
  await mark.focus();
  assert.equal(await page.locator('#quote-tip').isVisible(), true);
  assert.match(await page.textContent('#quotes'), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator('#results img, #results [onerror], #quote-tip img, #quote-tip *:not(strong):not(span)').count(), 0);
  assert.equal(await page.locator('#results [style]').count(), 0);
  // Nothing ran: the guard in openPage records any dialog.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('who said what fits a 390 px phone screen', async () => {
  const { context, page, problems, a } = await analysed({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await showPanel(page, 'quotes');
  await page.locator('#quotes-section').screenshot({ path: path.join(root, 'test-results/quotes-panel-phone.png') });
  // A focused quote's tip stays inside the screen.
  const official = drawn(a).find((q) => q.source === 'anonymous' && q.text.includes('under pressure'));
  await page.click(`#quotes button.quote-link[data-quote="${official.i}"]`);
  const box = await page.locator('#quote-tip').boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  await page.screenshot({ path: path.join(root, 'test-results/quotes-phone-focus.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
