// The page in real headless Chromium (Debian's /usr/bin/chromium through
// playwright-core): paste, files, restore, errors, a 5 MB paste, offsets as
// JavaScript sees them. Run by `make test` after the wasm is built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pageSuite, paste, waitDone, stat, fixture, screenshot, root, showPanel } from './helpers.mjs';

const suite = pageSuite();

const seedText = () => fixture('seed-like', 'input.txt');
const expectedSeed = () => JSON.parse(fixture('seed-like', 'expected.json'));

test('a pasted article is analysed: statistics, removed cookie notice, clean text', async () => {
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/plain': seedText() });
  assert.equal(await waitDone(page), 'done');
  const exp = expectedSeed().stats;
  assert.equal(await stat(page, 'words'), String(exp.words));
  assert.equal(await stat(page, 'sentences'), String(exp.sentences));
  assert.equal(await stat(page, 'paragraphs'), String(exp.paragraphs));
  assert.match(await stat(page, 'reading-time'), /^3 min$/);
  assert.match(await stat(page, 'flesch-reading-ease'), /^\d+\.\d \((fairly )?difficult\)$/);
  const removed = await page.locator('#removed li.item').allTextContents();
  assert.equal(removed.length, 1);
  assert.match(removed[0], /cookie or consent notice/i);
  assert.match(removed[0], /We use cookies to give you the best experience/);
  // The notice is gone from the text view's paragraphs; the headline is in
  // the header above the text, not repeated in it.
  const paragraphs = await page.locator('#text p:not(.removed-block)').allTextContents();
  assert.equal(paragraphs.length, exp.paragraphs - 1);
  assert.ok(!paragraphs.some((p) => p.includes('cookies')));
  assert.ok(!paragraphs.some((p) => p.includes('promise “concrete steps”')));
  // What was removed shows in the text when asked for.
  assert.equal(await page.locator('#text p.removed-block').count(), 0);
  await page.check('#show-removed');
  assert.equal(await page.locator('#text p.removed-block').count(), 1);
  assert.equal(await page.textContent('#article-header .title'), 'Germany and Poland promise “concrete steps” after border talks in Frankfurt');
  await screenshot(page, 'page-text-paste.png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a paste from a browser tab is analysed as HTML; nothing in it runs', async () => {
  const html = fixture('seed-like-html', 'input.html');
  const exp = JSON.parse(fixture('seed-like-html', 'expected.json'));
  const { context, page, problems } = await suite.open();
  const title = await page.title();
  await paste(page, { 'text/html': html, 'text/plain': 'Germany and Poland promise…' });
  assert.equal(await waitDone(page), 'done');
  assert.equal(await page.isVisible('#mode'), true);
  assert.match(await page.textContent('#mode-text'), /Pasted from a web page/);
  assert.equal(await stat(page, 'words'), String(exp.stats.words));
  assert.equal(await stat(page, 'paragraphs'), String(exp.stats.paragraphs));
  const reasons = await page.locator('#removed li .reason').allTextContents();
  for (const label of ['site navigation', 'breadcrumb trail', 'advertisement', 'cookie or consent notice', 'copyright notice']) {
    assert.ok(reasons.includes(label), `${label} in ${reasons}`);
  }
  assert.match(await page.textContent('#article-header .byline'), /By Maria Keller · 27 February 2024, 09:30 · from HTML/);
  assert.equal(await page.textContent('#article-header .site-name'), 'Example Times');
  // Scripts, event handlers and javascript: links in the paste never ran.
  assert.equal(await page.title(), title);
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  assert.equal(await page.locator('#text script, #text img, #text a').count(), 0);
  await screenshot(page, 'page-html-paste.png');
  assert.deepEqual(problems, []);

  // Back to the plain text with one click.
  await page.click('#use-text');
  assert.equal(await waitDone(page), 'done');
  assert.equal(await page.isVisible('#mode'), false);
  assert.equal(await stat(page, 'words'), '4');
  await context.close();
});

/** The article as a browser would put it on the clipboard: one <p> per paragraph. */
function asClipboardHtml(text) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return `<html><body><!--StartFragment--><h1>${esc(paras[0])}</h1>${paras.slice(1).map((p) => `<p>${esc(p)}</p>`).join('')}<!--EndFragment--></body></html>`;
}

test('the same article pasted as HTML gives the same statistics as pasted as text', async () => {
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/html': asClipboardHtml(seedText()), 'text/plain': seedText() });
  assert.equal(await waitDone(page), 'done');
  const exp = expectedSeed().stats;
  assert.equal(await stat(page, 'words'), String(exp.words));
  assert.equal(await stat(page, 'sentences'), String(exp.sentences));
  assert.equal(await stat(page, 'paragraphs'), String(exp.paragraphs));
  assert.match(await page.textContent('#removed li'), /cookie or consent notice/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('restore puts a removed block back into the text, and it can be removed again', async () => {
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/plain': seedText() });
  await waitDone(page);
  const before = Number(await stat(page, 'words'));
  await showPanel(page, 'removed');
  await page.click('#removed li button.restore');
  await page.waitForFunction((n) => document.querySelector('[data-stat="words"] dd').textContent !== n, String(before));
  assert.equal(await waitDone(page), 'done');
  const after = Number(await stat(page, 'words'));
  assert.equal(after, before + 26);
  assert.match(await page.textContent('#removed'), /1 block\(s\) restored/);
  assert.ok((await page.locator('#text p').last().textContent()).startsWith('We use cookies'));
  await page.click('#removed li.restored button');
  await page.waitForFunction((n) => document.querySelector('[data-stat="words"] dd').textContent === n, String(before));
  assert.deepEqual(problems, []);
  await context.close();
});

test('offsets are UTF-16: text.slice(start, end) in JavaScript is exactly each span', async () => {
  const { context, page, problems } = await suite.open();
  const input = fixture('unicode', 'input.txt');
  const exp = JSON.parse(fixture('unicode', 'expected.json'));
  const got = await page.evaluate(async (input) => {
    const mod = await import('./pkg/article_lens.js');
    await mod.default();
    const a = mod.analyze(input, {});
    return {
      sentences: a.sentences.map((s) => a.text.slice(s.start, s.end)),
      paragraphs: a.paragraphs.map((p) => a.text.slice(p.start, p.end)),
      characters: a.stats.characters,
      utf16: a.text.length,
    };
  }, input);
  assert.deepEqual(got.sentences, exp.sentence_texts);
  assert.deepEqual(got.paragraphs, exp.paragraph_texts);
  assert.ok(got.utf16 > got.characters, 'emoji take two UTF-16 units; characters count what a reader sees');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the module API throws a JS Error with a kind and a readable message', async () => {
  const { context, page } = await suite.open();
  const errors = await page.evaluate(async () => {
    const mod = await import('./pkg/article_lens.js');
    await mod.default();
    const out = [];
    for (const [input, options] of [['', {}], ['text', { date: '2022-02-30' }], ['text', { kind: 'pdf' }], ['x'.repeat(20), { max_input_bytes: 10 }]]) {
      try {
        mod.analyze(input, options);
        out.push(null);
      } catch (e) {
        out.push({ isError: e instanceof Error, kind: e.kind, message: e.message });
      }
    }
    return out;
  });
  assert.deepEqual(errors.map((e) => e && e.kind), ['empty', 'invalid_option', 'invalid_option', 'too_large']);
  assert.ok(errors.every((e) => e.isError && e.message.length > 20));
  await context.close();
});

test('empty and binary input show a message and no console error; the text area keeps its content', async () => {
  const { context, page, problems } = await suite.open();
  await page.click('#analyze');
  assert.equal(await waitDone(page), 'error');
  assert.match(await page.textContent('#error'), /nothing to analyse/i);
  assert.equal(await page.isVisible('#results'), false);

  await page.fill('#source', 'My notes, kept.');
  // Forget the last run's "error": the file is read before its run starts,
  // and waiting must see this run's.
  await page.evaluate(() => { document.body.dataset.state = 'stale'; });
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63000100000500010d0a2db40000000049454e44ae426082', 'hex');
  await page.setInputFiles('#file', { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.concat([png, png, png]) });
  assert.equal(await waitDone(page), 'error');
  assert.match(await page.textContent('#error'), /binary data/);
  assert.equal(await page.inputValue('#source'), 'My notes, kept.');
  await screenshot(page, 'page-error.png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file dropped on the page is opened, not navigated to', async () => {
  const { context, page, problems } = await suite.open();
  const before = page.url();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'story.txt', { type: 'text/plain' }));
    const target = document.getElementById('source');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, seedText());
  assert.equal(await waitDone(page), 'done');
  assert.equal(page.url(), before);
  assert.equal(await stat(page, 'words'), String(expectedSeed().stats.words));
  assert.equal(await page.inputValue('#source'), seedText());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a strict Content-Security-Policy is in force, in the page and as a header', async () => {
  const { context, page } = await suite.open();
  const response = await page.goto(suite.url);
  const header = response.headers()['content-security-policy'];
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  for (const policy of [header, meta]) {
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:/);
  }
  // An inline script injected into the page is refused by the policy.
  const ran = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', () => resolve(false), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    setTimeout(() => resolve(window.__inlineRan === true), 500);
  }));
  assert.equal(ran, false);
  await context.close();
});

test('an .html file can be opened', async () => {
  const { context, page, problems } = await suite.open();
  await page.setInputFiles('#file', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(fixture('seed-like-html', 'input.html')) });
  assert.equal(await waitDone(page), 'done');
  assert.equal(await stat(page, 'words'), '158');
  assert.match(await page.inputValue('#source'), /^<!DOCTYPE html>/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 5 MB paste completes while the page keeps answering input', async () => {
  const { context, page, problems } = await suite.open();
  await page.click('.options summary');
  const para = 'The committee met again on Tuesday and agreed to publish its report next month.';
  const n = Math.ceil((5 * 1024 * 1024) / (para.length + 2));
  await page.evaluate(({ para, n }) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', Array(n).fill(para).join('\n\n'));
    const target = document.getElementById('source');
    target.focus();
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, { para, n });
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'busy');
  assert.match(await page.textContent('#status'), /Analysing 5\.\d MB/);
  // Megabytes in a text area would cost the main thread seconds of layout:
  // the box shows the beginning, read-only, and the whole text is analysed.
  assert.match(await page.textContent('#mode-text'), /A large text \(5\.\d MB\)/);
  assert.equal(await page.evaluate(() => document.getElementById('source').readOnly), true);
  // While the worker analyses, the page handles a click at once.
  await page.click('#raw');
  const during = await page.evaluate(() => ({ checked: document.getElementById('raw').checked, state: document.body.dataset.state }));
  assert.deepEqual(during, { checked: true, state: 'busy' });
  await page.click('#raw');
  assert.equal(await waitDone(page, 120_000), 'done');
  assert.equal(await stat(page, 'words'), new Intl.NumberFormat('en').format(14 * n));
  // The text is drawn a chunk at a time as it is scrolled: scrolled to its
  // end, it stops at the cap and says so.
  await page.waitForFunction(() => {
    const more = document.querySelector('#text p.loading-more');
    if (more) more.scrollIntoView();
    return !more;
  }, null, { polling: 100, timeout: 60_000 });
  assert.equal(await page.locator('#text > p:not(.more)').count(), 1500);
  assert.match(await page.textContent('#text p.more'), /Showing the first 1,500 of/);
  await page.click('#use-text');
  assert.equal(await page.inputValue('#source'), '');
  assert.equal(await page.evaluate(() => document.getElementById('source').readOnly), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the JSON can be downloaded and is format 1', async () => {
  const { context, page } = await suite.open();
  await paste(page, { 'text/plain': seedText() });
  await waitDone(page);
  await showPanel(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const file = await download.path();
  const a = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(a.format, 1);
  assert.equal(a.stats.words, expectedSeed().stats.words);
  assert.match(download.suggestedFilename(), /^germany-and-poland.*\.analysis\.json$/);
  // The JSON view is filled when the details element opens (its toggle event).
  await page.click('#json-details summary');
  await page.waitForFunction(() => document.getElementById('json').textContent.length > 0);
  assert.match(await page.textContent('#json'), /^\{\n {2}"format": 1,/);
  await context.close();
});

test('fits a 360 px phone screen without sideways scrolling', async () => {
  const { context, page, problems } = await suite.open({ viewport: { width: 360, height: 780 } });
  await paste(page, { 'text/plain': seedText() });
  await waitDone(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await screenshot(page, 'page-phone.png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the seed article from the development corpus (when present)', async (t) => {
  const seed = path.resolve(root, '../shared/corpus/seed-article.txt');
  if (!fs.existsSync(seed)) {
    t.skip(`the development corpus is not here (${seed}); the project's own seed-like fixture covers the same ground`);
    return;
  }
  const { context, page, problems } = await suite.open();
  const text = fs.readFileSync(seed, 'utf8');
  await paste(page, { 'text/plain': text });
  assert.equal(await waitDone(page), 'done');
  const removed = await page.locator('#removed li.item').allTextContents();
  assert.equal(removed.length, 1);
  assert.match(removed[0], /This website uses cookies/);
  assert.equal(await stat(page, 'paragraphs'), '20');
  const words = await stat(page, 'words');
  await screenshot(page, 'page-seed-article.png');
  // And as HTML from a browser tab: the same article, the same counts.
  await paste(page, { 'text/html': asClipboardHtml(text), 'text/plain': text });
  assert.equal(await waitDone(page), 'done');
  assert.equal(await page.isVisible('#mode'), true);
  assert.equal(await stat(page, 'words'), words);
  assert.equal(await stat(page, 'paragraphs'), '20');
  assert.match(await page.textContent('#removed li'), /This website uses cookies/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a whole news page: header, the article only, removed furniture on demand, images as addresses', async () => {
  const html = fixture('news-page', 'input.html');
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/html': html, 'text/plain': 'Harbour bridge wins funding' });
  assert.equal(await waitDone(page), 'done');
  assert.equal(await page.textContent('#article-header .title'), 'Harbour bridge wins funding after decade of debate');
  assert.equal(await page.textContent('#article-header .site-name'), 'The Riverside Courier');
  assert.match(await page.textContent('#article-header .byline'), /^By Priya Natarajan, Tom Aldridge · 5 March 2024, 07:45 · from HTML$/);
  const text = await page.textContent('#text');
  assert.match(text, /Councillors voted 31 to 12/);
  assert.match(text, /The ferry that now links/);
  for (const furniture of ['Most read', 'Finally! I have been stuck', 'We use cookies', 'Skip to content', 'Ferry fares to rise']) {
    assert.ok(!text.includes(furniture), furniture);
  }
  // Structure: the subheading and the list are drawn as such.
  assert.equal(await page.textContent('#text .kind-heading'), 'What happens next');
  assert.equal(await page.locator('#text .kind-list-item').count(), 2);
  // Removed blocks are grouped by reason, and shown in the text on demand.
  const groups = await page.locator('#removed li.group summary .reason').allTextContents();
  for (const label of ['site navigation', "readers' comments", 'related-article links', 'cookie or consent notice', 'author and date line']) {
    assert.ok(groups.includes(label), `${label} in ${groups}`);
  }
  assert.equal(await page.locator('#text .removed-block, #text .removed-run').count(), 0);
  await page.check('#show-removed');
  assert.ok((await page.locator('#text .removed-block, #text .removed-run').count()) > 3);
  assert.match(await page.textContent('#text'), /readers' comments/);
  // The image is listed as an address; nothing is loaded.
  assert.equal(await page.textContent('#images .image-src'), 'https://courier.example/images/2024/bridge-render.jpg');
  assert.equal(await page.locator('#results img').count(), 0);
  await page.uncheck('#show-removed');
  await screenshot(page, 'page-news-html.png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile markup never runs, never loads anything and never reaches the page as HTML', async () => {
  const html = fixture('hostile-page', 'input.html');
  const { context, page, problems } = await suite.open();
  // Wait until the analyzer is loaded, then watch every request the page makes.
  await page.waitForFunction(() => document.body.dataset.state === 'idle');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const before = { title: await page.title(), href: page.url() };
  for (const kind of ['html-paste', 'file']) {
    // Forget the last run's "done", so that waiting sees this run's.
    await page.evaluate(() => { document.body.dataset.state = 'stale'; });
    if (kind === 'html-paste') {
      await paste(page, { 'text/html': html, 'text/plain': 'Council approves budget' });
    } else {
      await page.setInputFiles('#file', { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    }
    assert.equal(await waitDone(page), 'done');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const text = await page.textContent('#text');
    assert.match(text, /The council approved its budget/);
    // Markup in the article's text is shown as text.
    assert.match(text, /<script>alert\("text"\)<\/script>/);
    assert.equal(await page.locator('#results script, #results img, #results iframe, #results object, #results embed, #results svg, #results video, #results audio, #results a[href], #results form, #results [onload], #results [onerror], #results [style]').count(), 0);
  }
  await page.check('#show-removed');
  assert.equal(await page.locator('#results script, #results img, #results a[href]').count(), 0);
  // Nothing ran: no dialog (the guard in openPage records any), no title
  // change, no navigation by <meta refresh>, no request at all.
  assert.equal(await page.title(), before.title);
  assert.equal(page.url(), before.href);
  assert.deepEqual(requests, []);
  const images = await page.locator('#images .image-src').allTextContents();
  assert.ok(!images.some((s) => s.startsWith('javascript:')), images.join(' '));
  await screenshot(page, 'page-hostile.png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('who is in it: people, organisations and places, and choosing one highlights its mentions', async () => {
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/plain': seedText() });
  assert.equal(await waitDone(page), 'done');
  const people = await page.locator('#entities [data-type="PERSON"] .entity-name').allTextContents();
  assert.deepEqual(people.sort(), ['Anna Nowak', 'Donald Tusk', 'Olaf Scholz', 'Steffen Hebestreit']);
  const scholz = page.locator('#entities button.entity', { hasText: 'Olaf Scholz' });
  const item = page.locator('#entities li').filter({ has: page.locator('button.entity', { hasText: 'Olaf Scholz' }) });
  assert.match(await item.textContent(), /German Chancellor/);
  assert.match(await item.textContent(), /also Scholz/);
  const count = Number((await scholz.locator('.entity-count').textContent()).replace('×', ''));
  assert.ok(count >= 5, `${count} mentions`);
  // Every mention is marked in the text; none is chosen yet.
  assert.equal(await page.locator('#text mark.ent.selected').count(), 0);
  await showPanel(page, 'entities');
  await scholz.click();
  assert.equal(await scholz.getAttribute('aria-pressed'), 'true');
  const marked = await page.locator('#text mark.ent.selected').allTextContents();
  // The headline is in the header, not the text: its mention is not drawn.
  assert.ok(marked.length >= count - 1 && marked.length <= count, `${marked.length} of ${count}`);
  for (const m of marked) assert.ok(m === 'Olaf Scholz' || m === 'Scholz', m);
  await screenshot(page, 'page-entities.png');
  // Choosing it again clears the highlight.
  await scholz.click();
  assert.equal(await page.locator('#text mark.ent.selected').count(), 0);
  // Places and organisations are listed too.
  assert.ok((await page.locator('#entities [data-type="PLACE"] .entity-name').allTextContents()).includes('Warsaw'));
  assert.ok((await page.locator('#entities [data-type="ORG"] .entity-name').allTextContents()).includes('European Commission'));
  assert.deepEqual(problems, []);
  await context.close();
});
