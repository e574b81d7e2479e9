// The embed (www/article-lens.js) in real headless Chromium with the real
// wasm: the <article-lens> element on embed.html and on a page of another
// folder, its layers, attributes, events and shadow-DOM isolation, hostile
// input, the analyze() module API with its one shared worker, and the
// TypeScript declarations (www/article-lens.d.ts) checked against real
// analyses of every fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageSuite, watch, serve, serverHits, fixture, screenshot, root } from './helpers.mjs';
import { parseDeclarations, reachable, check } from './declarations.mjs';

const suite = pageSuite();

/** Opens a page of the test server in a fresh context, counting the
 *  dedicated workers it starts (the embed must share one). */
async function open(pagePath = 'embed.html', { url = suite.url, viewport = { width: 1100, height: 900 } } = {}) {
  const context = await suite.browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = watch(page, url);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(url + pagePath);
  return { context, page, problems, workers };
}

/** Adds an <article-lens id=ID> with these attributes (and text content) to
 *  the page; resolves to its first `analysis` or `analysis-error` event as
 *  heard on the document (the events bubble out of the shadow root). */
function addLens(page, id, attrs, content = '') {
  return page.evaluate(({ id, attrs, content }) => new Promise((resolve) => {
    const el = document.createElement('article-lens');
    el.id = id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.textContent = content;
    const done = (event) => {
      if (event.target !== el) return;
      document.removeEventListener('analysis', done);
      document.removeEventListener('analysis-error', done);
      resolve({ type: event.type, bubbles: event.bubbles, composed: event.composed, detail: event.detail });
    };
    document.addEventListener('analysis', done);
    document.addEventListener('analysis-error', done);
    document.body.append(el);
  }), { id, attrs, content });
}

/** The next event of an element already on the page, after `action` (a
 *  function run in the page with the element). */
function nextEvent(page, id, action) {
  return page.evaluate(({ id, action }) => new Promise((resolve) => {
    const el = document.getElementById(id);
    const done = (event) => {
      el.removeEventListener('analysis', done);
      el.removeEventListener('analysis-error', done);
      resolve({ type: event.type, detail: event.detail });
    };
    el.addEventListener('analysis', done);
    el.addEventListener('analysis-error', done);
    // eslint-disable-next-line no-new-func
    new Function('el', action)(el);
  }), { id, action });
}

/** Texts of the elements a selector finds inside an element's shadow root. */
function shadowTexts(page, id, selector) {
  return page.evaluate(({ id, selector }) =>
    [...document.getElementById(id).shadowRoot.querySelectorAll(selector)].map((n) => n.textContent), { id, selector });
}

const ARTICLE = `Talks stall as the border crisis deepens

On Thursday, about 10,000 troops left the border near Brest, but the the talks in Geneva are stalled, Polish Foreign Minister Anna Kowalska said.

“We will not give up on a deal that protects our farmers,” Kowalska told reporters on Friday. NATO will meet in Brussels on 14 March.`;

test('embed.html shows the element: the article with its chosen layers marked, the people, and its analysis event', async () => {
  const { context, page, problems } = await open();
  await page.waitForFunction(() => document.getElementById('demo-lens').analysis !== null);
  const a = await page.evaluate(() => document.getElementById('demo-lens').analysis);
  // The page heard the event (embed-demo.js listens on the element).
  assert.match(await page.textContent('#lens-event'), new RegExp(`^analysis event: ${a.stats.words} words, ${a.entities.length} entities`));
  assert.equal(a.input.reference_date, '2024-03-05');
  // The header: title and byline from the text, not repeated below.
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '.head .title'), ['Dutch port strike delays shipments across Europe']);
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '.head .byline'), ['By Anna de Vries']);
  const paragraphs = await shadowTexts(page, 'demo-lens', '.text p');
  assert.equal(paragraphs.length, a.paragraphs.length - 2);
  assert.equal(paragraphs.join('\n\n'), a.text.slice(a.paragraphs[2].start));
  // layers="entities quotes times quantities": those are marked, each mark
  // exactly its span of the text; the summary is not.
  const shownFrom = a.paragraphs[2].start;
  const inView = (spans) => spans.filter((s) => s.start >= shownFrom).map((s) => a.text.slice(s.start, s.end));
  const mentions = a.entities.flatMap((e) => e.mentions);
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '.text mark.entity'), inView(mentions.sort((x, y) => x.start - y.start)));
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '.text mark.time'), inView(a.times));
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '.text mark.quantity'), inView(a.quantities));
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '.text .quote'), inView(a.quotes));
  assert.ok(a.summary.length > 0);
  assert.equal((await shadowTexts(page, 'demo-lens', '.text .summary, .text .warning')).length, 0);
  // Entities are coloured by type, and a quote names its speaker.
  const rotterdam = page.locator('#demo-lens .text mark.entity', { hasText: 'Rotterdam' });
  assert.match(await rotterdam.getAttribute('class'), /\bent-place\b/);
  assert.equal(await rotterdam.getAttribute('title'), 'Rotterdam (place)');
  assert.equal(await page.locator('#demo-lens .text .quote.q-direct').getAttribute('title'), 'Quote: Martin Bakker');
  // The lists: people, organisations, places with counts; quotes by speaker.
  const people = a.entities.filter((e) => e.type === 'PERSON');
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '[data-type="PERSON"] li .name'), people.map((e) => e.name));
  assert.deepEqual(await shadowTexts(page, 'demo-lens', '[data-type="PERSON"] li .count'), people.map((e) => `×${e.count}`));
  assert.ok((await shadowTexts(page, 'demo-lens', '[data-type="PLACE"] li .name')).includes('Rotterdam'));
  assert.ok((await shadowTexts(page, 'demo-lens', '[data-type="ORG"] li .name')).includes('Hutchison Ports'));
  assert.match((await shadowTexts(page, 'demo-lens', '.quotes .speaker'))[0], /^Martin Bakker · 2 quotes/);
  // The analyze() demonstration ran and printed its results.
  await page.waitForFunction(() => !document.getElementById('api-output').textContent.startsWith('Running'));
  const printed = await page.textContent('#api-output');
  assert.match(printed, /^Title: {3}Talks resume in Geneva$/m);
  assert.match(printed, /^People: {2}Annalena Baerbock$/m);
  assert.match(printed, /^Dates: {3}Monday → 2024-03-04; 12 March → 2024-03-12$/m);
  assert.match(await page.textContent('#api-code'), /^import \{ analyze \} from '\.\/article-lens\.js';\n\nasync function demo\(output\)/);
  await screenshot(page, 'embed.png');
  // The same policy as the page's (a static server sends no header).
  const policy = (html) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
  assert.equal(policy(fs.readFileSync(path.join(root, 'www/embed.html'), 'utf8')), policy(fs.readFileSync(path.join(root, 'www/index.html'), 'utf8')));
  // The light DOM text is the input, but not what is shown: the view is.
  assert.equal(await page.locator('#demo-lens').evaluate((el) => el.shadowRoot.querySelector('slot')), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('layers choose what is marked; changing them redraws without analysing again', async () => {
  const { context, page, problems } = await open();
  const first = await addLens(page, 'lens', { text: ARTICLE, date: '2024-03-07', layers: 'entities' });
  assert.equal(first.type, 'analysis');
  assert.equal(first.bubbles, true);
  assert.equal(first.composed, true);
  const a = first.detail.analysis;
  assert.ok(a.warnings.some((w) => w.kind === 'repeated-word'), 'the text has "the the"');
  const count = (sel) => page.locator(`#lens .text ${sel}`).count();
  assert.ok(await count('mark.entity') > 3);
  for (const other of ['.quote', 'mark.time', 'mark.quantity', '.warning', '.summary']) assert.equal(await count(other), 0, other);
  assert.equal(await page.locator('#lens .lists .quotes').count(), 0, 'no quotes list without the quotes layer');
  // Count analyses from here on: a change of layers must not start one.
  await page.evaluate(() => {
    window.analyses = 0;
    document.getElementById('lens').addEventListener('analysis', () => window.analyses++);
    document.getElementById('lens').setAttribute('layers', 'warnings summary times');
  });
  await page.locator('#lens .text mark.time').first().waitFor();
  assert.equal(await count('mark.entity'), 0);
  assert.ok(a.warnings.length > 0);
  assert.equal(await count('.warning'), a.warnings.length);
  assert.equal(await count('.summary'), a.summary.length);
  assert.equal(await count('mark.time'), a.times.length);
  assert.equal(await page.locator('#lens .lists').count(), 0, 'no lists without entities or quotes');
  // Unknown layer names are left out, with a warning on the console (not an error).
  await page.evaluate(() => document.getElementById('lens').setAttribute('layers', 'quotes colours'));
  await page.locator('#lens .text .quote').first().waitFor();
  assert.equal(await count('mark.time'), 0);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.equal(await page.evaluate(() => window.analyses), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('changing text, date or the element\'s own text analyses again; the newest wins', async () => {
  const { context, page, problems } = await open();
  const first = await addLens(page, 'lens', { text: ARTICLE });
  assert.equal(first.detail.analysis.input.reference_date, null);
  const second = await nextEvent(page, 'lens', "el.setAttribute('text', 'Prices rose\\n\\nPrices rose by 3% in Madrid on Monday, Ana Ruiz said.')");
  assert.equal(second.type, 'analysis');
  assert.match(second.detail.analysis.text, /Madrid/);
  assert.deepEqual(await shadowTexts(page, 'lens', '.head .title'), ['Prices rose']);
  assert.match((await shadowTexts(page, 'lens', '.text'))[0], /^Prices rose by 3% in Madrid on Monday, Ana Ruiz said\.$/);
  // Two attributes set together give one analysis, with both.
  const third = await nextEvent(page, 'lens', "el.setAttribute('date', '2024-05-08'); el.setAttribute('summary-sentences', '0')");
  assert.equal(third.detail.analysis.input.reference_date, '2024-05-08');
  assert.deepEqual(third.detail.analysis.summary, []);
  assert.equal(third.detail.analysis.times[0].value, '2024-05-06');
  // Three texts in a row: only the last one is shown and announced.
  const last = await nextEvent(page, 'lens', "for (const t of ['One. Two.', 'Three. Four.', 'Berlin is big. Paris too.']) el.setAttribute('text', t)");
  assert.equal(last.detail.analysis.text, 'Berlin is big. Paris too.');
  // Without text or html, the element's own text is the input, indentation
  // removed; editing it analyses again.
  const own = await nextEvent(page, 'lens', "el.removeAttribute('text'); el.textContent = '\\n    Rain in Oslo\\n\\n    It rained in Oslo on Sunday.\\n  '");
  assert.equal(own.detail.analysis.text, 'Rain in Oslo\n\nIt rained in Oslo on Sunday.');
  const edited = await nextEvent(page, 'lens', "el.firstChild.data = 'Snow in Bergen. It snowed.'");
  assert.equal(edited.detail.analysis.text, 'Snow in Bergen. It snowed.');
  // html wins over the element's text.
  const html = await nextEvent(page, 'lens', "el.setAttribute('html', '<h1>From HTML</h1><p>Written in <b>Rome</b> by Marco Neri.</p>')");
  assert.equal(html.detail.analysis.input.kind, 'html');
  assert.equal(html.detail.analysis.meta.title, 'From HTML');
  // Moving the element in the page keeps its view and does not analyse again.
  const moved = await page.evaluate(async () => {
    const el = document.getElementById('lens');
    let analyses = 0;
    el.addEventListener('analysis', () => analyses++);
    document.querySelector('main').append(el);
    await new Promise((r) => setTimeout(r, 300));
    return { analyses, title: el.shadowRoot.querySelector('.title').textContent };
  });
  assert.deepEqual(moved, { analyses: 0, title: 'From HTML' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile text and HTML show as text and never run', async () => {
  const { context, page, problems } = await open();
  const hostile = 'Warning <img src=x onerror=alert(1)> and <script>alert(2)</script> in "<b onmouseover=alert(3)>Mr. Smith</b>", said Ann Lee.';
  const asText = await addLens(page, 'as-text', { text: hostile });
  assert.equal(asText.type, 'analysis');
  const shown = (await shadowTexts(page, 'as-text', '.text'))[0];
  assert.equal(shown, asText.detail.analysis.text);
  assert.match(shown, /<img src=x onerror=alert\(1\)> and <script>alert\(2\)<\/script>/);
  const asHtml = await addLens(page, 'as-html', { html: `${fixture('hostile-page', 'input.html')}<p>More <img src=x onerror=alert(4)> <iframe src="javascript:alert(5)"></iframe></p>` });
  assert.equal(asHtml.type, 'analysis');
  for (const id of ['as-text', 'as-html']) {
    const elements = await page.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('img, script, iframe, b, object, embed, [onerror], [onmouseover], [src], [href]')].length, id);
    assert.equal(elements, 0, id);
  }
  // Nothing ran (a dialog would be in problems), nothing was fetched from elsewhere.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('styles are isolated both ways: the page\'s rules do not reach in, the element\'s do not leak out', async () => {
  const { context, page, problems } = await open();
  await addLens(page, 'lens', { text: ARTICLE });
  // The page's CSP refuses inline <style>; a constructed sheet is how a
  // page rule gets in here (and is what the element itself uses).
  await page.evaluate(() => {
    const hostile = new CSSStyleSheet();
    hostile.replaceSync(`
      mark, .entity, .quote { display: none !important; }
      p, li { color: rgb(255, 0, 0) !important; }
      body { font-family: serif; letter-spacing: 3px; color: rgb(255, 0, 0); }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostile];
    // Outside the element: the same class names it uses inside.
    const out = document.createElement('div');
    out.id = 'outside';
    out.innerHTML = '<h2 class="title">Outside</h2><h2>Plain</h2><span class="entity ent-org">Org</span><span class="time">Time</span>';
    document.body.append(out);
  });
  const inside = await page.evaluate(() => {
    const r = document.getElementById('lens').shadowRoot;
    const s = (sel) => getComputedStyle(r.querySelector(sel));
    return {
      markDisplay: s('.text mark.entity').display,
      quoteDisplay: s('.text .quote').display,
      pColor: s('.text p').color,
      liColor: s('.lists li').color,
      font: s('.text p').fontFamily,
      spacing: s('.text p').letterSpacing,
    };
  });
  assert.equal(inside.markDisplay, 'inline');
  assert.equal(inside.quoteDisplay, 'inline');
  assert.notEqual(inside.pColor, 'rgb(255, 0, 0)');
  assert.notEqual(inside.liColor, 'rgb(255, 0, 0)');
  assert.match(inside.font, /system-ui/);
  assert.equal(inside.spacing, 'normal');
  const outside = await page.evaluate(() => {
    const s = (sel) => getComputedStyle(document.querySelector(`#outside ${sel}`));
    return {
      titleSize: s('h2.title').fontSize,
      plainSize: s('h2:not(.title)').fontSize,
      entityShadow: s('.entity').boxShadow,
      entityBackground: s('.entity').backgroundColor,
      timeBorder: s('.time').borderTopStyle,
    };
  });
  assert.equal(outside.titleSize, outside.plainSize);
  assert.equal(outside.entityShadow, 'none');
  assert.equal(outside.entityBackground, 'rgba(0, 0, 0, 0)');
  assert.equal(outside.timeBorder, 'none');
  // A site may theme it through the custom properties, which do cross.
  await page.evaluate(() => {
    const theme = new CSSStyleSheet();
    theme.replaceSync('#lens { --lens-place: rgb(0, 128, 0); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, theme];
  });
  const place = await page.evaluate(() => getComputedStyle(document.getElementById('lens').shadowRoot.querySelector('.text mark.ent-place')).boxShadow);
  assert.match(place, /rgb\(0, 128, 0\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('analyze() resolves with the analysis; every element and call share one worker', async () => {
  const { context, page, problems, workers } = await open();
  await page.waitForFunction(() => document.getElementById('demo-lens').analysis !== null);
  const seed = fixture('seed-like', 'input.txt');
  const out = await page.evaluate(async ({ seed, article }) => {
    const { analyze } = await import('./article-lens.js');
    // Elements and calls at once: they take turns on the one worker.
    for (const [i, text] of ['Rain in Oslo.', 'Sun in Rome.', article].entries()) {
      const el = document.createElement('article-lens');
      el.setAttribute('text', text);
      el.id = `more-${i}`;
      document.body.append(el);
    }
    const [a, b, c] = await Promise.all([
      analyze(seed),
      analyze('<title>HTML</title><p>Written in <b>Rome</b> by Marco Neri.</p>', { kind: 'html' }),
      analyze(article, { date: '2024-03-07', summary_sentences: 1 }),
    ]);
    const lenses = () => [0, 1, 2].map((i) => document.getElementById(`more-${i}`).analysis);
    while (lenses().some((x) => x === null)) await new Promise((r) => setTimeout(r, 20));
    return { a, b: { kind: b.input.kind, title: b.meta.title }, c: { date: c.input.reference_date, summary: c.summary.length }, lenses: lenses().map((x) => x.text) };
  }, { seed, article: ARTICLE });
  const expected = JSON.parse(fixture('seed-like', 'expected.json'));
  assert.equal(out.a.stats.words, expected.stats.words);
  assert.equal(out.a.format, 1);
  assert.deepEqual(out.b, { kind: 'html', title: 'HTML' });
  assert.deepEqual(out.c, { date: '2024-03-07', summary: 1 });
  assert.deepEqual(out.lenses, ['Rain in Oslo.', 'Sun in Rome.', ARTICLE]);
  assert.equal(workers.length, 1, `one worker for the page: ${workers}`);
  assert.match(workers[0], /\/worker\.js$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('errors: analysis-error with a kind, the message shown inside the element; analyze() rejects', async () => {
  const { context, page, problems } = await open();
  const empty = await addLens(page, 'empty', { text: '   ' });
  assert.equal(empty.type, 'analysis-error');
  assert.equal(empty.detail.kind, 'empty');
  assert.ok(empty.detail.message.length > 20);
  assert.deepEqual(await shadowTexts(page, 'empty', '.error'), [empty.detail.message]);
  assert.equal(await page.locator('#empty .error').isVisible(), true);
  assert.equal(await page.evaluate(() => document.getElementById('empty').analysis), null);
  const badDate = await addLens(page, 'bad-date', { text: ARTICLE, date: '2023-02-30' });
  assert.deepEqual([badDate.type, badDate.detail.kind], ['analysis-error', 'invalid_option']);
  assert.match(badDate.detail.message, /2023-02-30/);
  const badCount = await addLens(page, 'bad-count', { text: ARTICLE, 'summary-sentences': 'many' });
  assert.deepEqual([badCount.type, badCount.detail.kind], ['analysis-error', 'invalid_option']);
  assert.match((await shadowTexts(page, 'bad-count', '.error'))[0], /summary-sentences/);
  // Fixing the attribute recovers: the error goes, the view comes.
  const fixed = await nextEvent(page, 'bad-count', "el.setAttribute('summary-sentences', '2')");
  assert.equal(fixed.type, 'analysis');
  assert.equal(await page.locator('#bad-count .error').isVisible(), false);
  assert.equal(fixed.detail.analysis.summary.length, 2);
  const rejected = await page.evaluate(async () => {
    const { analyze, AnalyzerError } = await import('./article-lens.js');
    const out = [];
    for (const [input, options] of [['', {}], ['Text.', { date: 'soon' }], ['Text.', { raw: 'yes' }], [42, {}]]) {
      try {
        await analyze(input, options);
        out.push(null);
      } catch (e) {
        out.push({ name: e.constructor.name, ours: e instanceof AnalyzerError, error: e instanceof Error, kind: e.kind ?? null });
      }
    }
    return out;
  });
  assert.deepEqual(rejected, [
    { name: 'AnalyzerError', ours: true, error: true, kind: 'empty' },
    { name: 'AnalyzerError', ours: true, error: true, kind: 'invalid_option' },
    { name: 'AnalyzerError', ours: true, error: true, kind: 'invalid_option' },
    { name: 'TypeError', ours: false, error: true, kind: null },
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('one script tag from another folder, on a page at another path, finds its worker and wasm', async () => {
  // A site: the embed's files copied (here linked) to /assets/lens/, used by
  // a page two folders down, which names only article-lens.js.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-site-'));
  fs.mkdirSync(path.join(site, 'assets'));
  fs.symlinkSync(path.join(root, 'www'), path.join(site, 'assets', 'lens'), 'dir');
  fs.mkdirSync(path.join(site, 'news', '2024'), { recursive: true });
  fs.writeFileSync(path.join(site, 'news', '2024', 'story.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A story</title><link rel="icon" href="data:,">
<script type="module" src="../../assets/lens/article-lens.js"></script></head>
<body><article-lens id="story" layers="entities">${ARTICLE}</article-lens></body></html>`);
  const { server, url } = await serve(site);
  const hits = serverHits(server);
  try {
    const { context, page, problems } = await open('news/2024/story.html', { url });
    await page.waitForFunction(() => document.getElementById('story').analysis !== null);
    assert.ok(await page.locator('#story .text mark.entity').count() > 3);
    for (const file of ['/assets/lens/article-lens.js', '/assets/lens/lens-view.js', '/assets/lens/analyzer.js', '/assets/lens/worker.js', '/assets/lens/pkg/article_lens.js', '/assets/lens/pkg/article_lens_bg.wasm']) {
      assert.ok(hits.urls.includes(file), `${file} in ${hits.urls}`);
    }
    assert.ok(hits.urls.every((u) => u.startsWith('/assets/lens/') || u.startsWith('/news/2024/')), hits.urls.join(' '));
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('article-lens.d.ts declares every field of real analyses, and nothing they lack', async (t) => {
  const decls = parseDeclarations(fs.readFileSync(path.join(root, 'www/article-lens.d.ts'), 'utf8'));
  const cases = [];
  for (const name of fs.readdirSync(path.join(root, 'tests/fixtures')).sort()) {
    for (const file of ['input.txt', 'input.html']) {
      if (fs.existsSync(path.join(root, 'tests/fixtures', name, file))) cases.push({ name, input: fixture(name, file), date: name === 'hard-wrapped' ? '2022-01-04' : undefined });
    }
  }
  assert.ok(cases.some((c) => c.name === 'seed-like') && cases.some((c) => c.name === 'news-page'));
  const { context, page, problems } = await open();
  const results = await page.evaluate(async (cases) => {
    const { analyze } = await import('./article-lens.js');
    const out = [];
    for (const c of cases) out.push(await analyze(c.input, c.date ? { date: c.date } : {}));
    // The two events' details, as the element sends them.
    const event = (attrs) => new Promise((resolve) => {
      const el = document.createElement('article-lens');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.addEventListener('analysis', (e) => resolve(e.detail));
      el.addEventListener('analysis-error', (e) => resolve(e.detail));
      document.body.append(el);
    });
    const details = [await event({ text: 'Rain in Oslo on Monday, Ann Lee said.' }), await event({ text: '' })];
    // The options the library knows, from its own error message (a value
    // of the wrong type gives it).
    let known = null;
    try {
      await analyze('Text.', { raw: 'yes' });
    } catch (e) {
      known = e.message;
    }
    return { analyses: out, details, known };
  }, cases);
  const visited = new Set();
  const nonNull = new Set();
  results.analyses.forEach((a, i) => {
    assert.deepEqual(check(decls, a, 'Analysis', cases[i].name, visited, nonNull), [], cases[i].name);
  });
  // Every interface the analysis can hold was met in real data, so none is
  // declared from imagination alone.
  assert.deepEqual([...reachable(decls, 'Analysis')].filter((n) => !visited.has(n)), []);
  const neverSet = [...decls.interfaces].flatMap(([name, fields]) => [...fields].filter(([, f]) => f.type.includes('null')).map(([k]) => `${name}.${k}`))
    .filter((k) => reachable(decls, 'Analysis').has(k.split('.')[0]) && !nonNull.has(k));
  t.diagnostic(`nullable fields seen only as null in the fixtures: ${neverSet.join(', ') || 'none'}`);
  assert.deepEqual(check(decls, results.details[0], 'AnalysisEventDetail'), []);
  assert.equal(results.details[0].analysis.format, 1);
  assert.deepEqual(check(decls, results.details[1], 'AnalysisErrorEventDetail'), []);
  // Options: each one the library names is declared, and each declared one
  // does what it says. (The wasm's option reader ignores names it does not
  // know, so only an effect shows that a declared name is read.)
  const options = decls.interfaces.get('AnalyzeOptions');
  const named = /Known options: ([^.]*)\./.exec(results.known)[1].split(',').map((s) => s.trim().split(' ')[0]);
  assert.ok(named.length >= 6, results.known);
  for (const name of named) assert.ok(options.has(name), `option ${name} is declared`);
  const seed = fixture('seed-like', 'input.txt');
  const effects = {
    date: [{ date: '2024-01-02' }, (a) => a.input.reference_date === '2024-01-02'],
    raw: [{ raw: true }, (a) => a.input.raw === true],
    kind: [{ kind: 'html' }, (a) => a.input.kind === 'html'],
    keep: [{ keep: [-1] }, (a) => a.removed.length === 0], // the block number is filled in below
    max_input_bytes: [{ max_input_bytes: 10 }, (a) => a === 'too_large'],
    maxInputBytes: [{ maxInputBytes: 10 }, (a) => a === 'too_large'],
    summary_sentences: [{ summary_sentences: 0 }, (a) => a.summary.length === 0],
    summarySentences: [{ summarySentences: 0 }, (a) => a.summary.length === 0],
  };
  assert.deepEqual([...options.keys()].sort(), Object.keys(effects).sort());
  const got = await page.evaluate(async ({ seed, effects }) => {
    const { analyze } = await import('./article-lens.js');
    const plain = await analyze(seed);
    effects.keep[0].keep = plain.removed.map((r) => r.block);
    const out = { default: { summary: plain.summary.length, removed: plain.removed.length } };
    for (const [name, [options]] of Object.entries(effects)) out[name] = await analyze(seed, options).then((a) => a, (e) => e.kind);
    return out;
  }, { seed, effects: Object.fromEntries(Object.entries(effects).map(([k, [o]]) => [k, [o]])) });
  assert.ok(got.default.summary > 0 && got.default.removed > 0, 'the defaults differ from what the options ask for');
  for (const [name, [, holds]] of Object.entries(effects)) assert.ok(holds(got[name]), `option ${name} has its effect`);
  // The module's exports are the declared ones, and LAYERS matches Layer.
  const source = fs.readFileSync(path.join(root, 'www/article-lens.d.ts'), 'utf8');
  const { exportsOf, layers } = await page.evaluate(async () => {
    const m = await import('./article-lens.js');
    return { exportsOf: Object.keys(m).sort(), layers: m.LAYERS };
  });
  for (const name of exportsOf) assert.match(source, new RegExp(`export declare (class|function|const) ${name}\\b`), name);
  assert.deepEqual([...layers].sort(), decls.aliases.get('Layer').split('|').map((s) => s.trim().slice(1, -1)).sort());
  assert.match(source, /interface HTMLElementTagNameMap \{\s*'article-lens': ArticleLens;/);
  assert.match(source, /interface HTMLElementEventMap \{\s*analysis: CustomEvent<AnalysisEventDetail>;\s*'analysis-error': CustomEvent<AnalysisErrorEventDetail>;/);
  assert.deepEqual(problems, []);
  await context.close();
});
