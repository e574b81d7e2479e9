// Offline use and privacy in real headless Chromium: the service worker
// (www/sw.js) keeps every file of www/ (the list and version written by
// scripts/precache.mjs into www/pkg/precache.js), the page and the embed work
// offline after one visit, analysing makes no request at all, a changed
// asset gives a new cache and the old one is deleted, and the page still
// works where service workers are refused. Also the web app manifest.
//
// Each test opens a fresh browser context (its own empty storage), and each
// server listens on its own port (its own origin), so no test sees a worker
// or a cache another one installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { pageSuite, watch, serve, serverHits, paste, waitDone, stat, fixture, root } from './helpers.mjs';
import { EXCLUDED, OUTPUT, excluded, precacheManifest, walk, writePrecache } from '../../scripts/precache.mjs';

const suite = pageSuite();
const www = path.join(root, 'www');
const seed = () => fixture('seed-like', 'input.txt');
const seedWords = () => String(JSON.parse(fixture('seed-like', 'expected.json')).stats.words);

/** The list and version a pkg/precache.js holds (it sets self.PRECACHE). */
function readPrecache(file) {
  const sandbox = { self: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  // Out of the sandbox's realm, so deepStrictEqual compares plain values.
  return JSON.parse(JSON.stringify(sandbox.self.PRECACHE));
}

/** Waits until the service worker is installed (everything cached) and
 *  controls the page (it claims the page that registered it). */
async function untilControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The caches of the page's origin, each with the paths it holds. */
function cachesOf(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

test('every file under www/ is precached but the excluded ones, and the list is current', (t) => {
  const file = path.join(www, OUTPUT);
  assert.ok(fs.existsSync(file), `${OUTPUT} is missing: build the wasm (make wasm), which writes it`);
  const served = readPrecache(file);
  const fresh = precacheManifest(www);
  const stale = `www/${OUTPUT} is stale: run make wasm (or node scripts/precache.mjs) after changing www/`;
  // An asset added (or removed) without rebuilding the list fails here.
  const all = walk(www);
  const left = all.filter((f) => !served.files.includes(f));
  assert.deepEqual(left.filter((f) => !excluded(f)), [], `not precached: ${stale}`);
  assert.deepEqual(served.files.filter((f) => !all.includes(f)), [], `listed but gone: ${stale}`);
  assert.deepEqual(served.files, fresh.files, stale);
  assert.equal(served.version, fresh.version, `the version does not match the files: ${stale}`);
  // What is left out is what the rules say, each for its reason; and the
  // pages themselves are never left out.
  for (const f of left) t.diagnostic(`not precached: ${f} (${EXCLUDED.find((e) => e.test(f)).why})`);
  for (const f of ['index.html', 'embed.html', 'app.js', 'analyzer.js', 'worker.js', 'article-lens.js', 'lens-view.js',
    'register-sw.js', 'manifest.webmanifest', 'favicon.svg', 'style.css', 'pkg/article_lens.js', 'pkg/article_lens_bg.wasm']) {
    assert.ok(served.files.includes(f), f);
  }
  const hidden = (f) => f.split('/').some((part) => part.startsWith('.'));
  assert.deepEqual(left.filter((f) => !f.endsWith('.d.ts') && !hidden(f)).sort(), ['pkg/precache.js', 'sw.js']);
});

test('versioning: a changed, added or removed asset changes the version; the rest does not', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-precache-'));
  try {
    // A copy without the 3.6 MB wasm, which adds nothing to what is tested.
    fs.cpSync(www, tmp, { recursive: true, filter: (src) => !src.endsWith('.wasm') });
    const v1 = precacheManifest(tmp);
    assert.match(v1.version, /^[0-9a-f]{16}$/);
    assert.deepEqual(precacheManifest(tmp), v1, 'the same files give the same version');
    const edit = (f, change) => fs.writeFileSync(path.join(tmp, f), change(fs.readFileSync(path.join(tmp, f), 'utf8')));
    // One character of one asset.
    edit('style.css', (s) => `${s}\n/* changed */\n`);
    const v2 = precacheManifest(tmp);
    assert.notEqual(v2.version, v1.version);
    assert.deepEqual(v2.files, v1.files);
    edit('style.css', (s) => s.replace('\n/* changed */\n', ''));
    assert.equal(precacheManifest(tmp).version, v1.version, 'undoing the change gives the old version back');
    // An asset added, then removed.
    fs.writeFileSync(path.join(tmp, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const v3 = precacheManifest(tmp);
    assert.ok(v3.files.includes('logo.svg'));
    assert.notEqual(v3.version, v1.version);
    fs.rmSync(path.join(tmp, 'logo.svg'));
    assert.equal(precacheManifest(tmp).version, v1.version);
    // The service worker's own logic is part of the version too.
    edit('sw.js', (s) => `${s}// changed\n`);
    assert.notEqual(precacheManifest(tmp).version, v1.version);
    edit('sw.js', (s) => s.replace(/\/\/ changed\n$/, ''));
    // Declarations are not assets: no page fetches them.
    edit('article-lens.d.ts', (s) => `${s}// changed\n`);
    assert.equal(precacheManifest(tmp).version, v1.version);
    // The written file is what the service worker reads.
    const written = writePrecache(tmp);
    assert.deepEqual(readPrecache(path.join(tmp, OUTPUT)), written);
    assert.deepEqual(written, v1, 'writing the list does not change the version');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('offline: the page opens and analyses with the network gone, after one visit', async () => {
  const hits = serverHits(suite.server);
  const { files, version } = readPrecache(path.join(www, OUTPUT));
  const { context, page, problems } = await suite.open();
  await untilControlled(page);
  // One cache, named after the version, holding exactly the list.
  assert.deepEqual(await cachesOf(page), { [`article-lens-${version}`]: files.map((f) => `/${f}`).sort() });
  await context.setOffline(true);
  hits.reset();
  await page.reload();
  await paste(page, { 'text/plain': seed() });
  assert.equal(await waitDone(page), 'done');
  assert.equal(await stat(page, 'words'), seedWords());
  // A new tab, offline, at the folder's address: from the cache too.
  const tab = await context.newPage();
  const tabProblems = watch(tab, suite.url);
  await tab.goto(suite.url);
  await paste(tab, { 'text/html': fixture('news-page', 'input.html') });
  assert.equal(await waitDone(tab), 'done');
  assert.deepEqual(hits.urls, [], 'nothing reached the server while offline');
  assert.deepEqual([...problems, ...tabProblems], []);
  await context.close();
});

test('offline: embed.html, its element and analyze() work with the network gone', async () => {
  const hits = serverHits(suite.server);
  const { context, page, problems } = await suite.open();
  await page.goto(`${suite.url}embed.html`);
  await untilControlled(page);
  await context.setOffline(true);
  hits.reset();
  await page.reload();
  await page.waitForFunction(() => document.getElementById('demo-lens').analysis !== null);
  await page.waitForFunction(() => /^Title: /.test(document.getElementById('api-output').textContent));
  const words = await page.evaluate(async (text) => {
    const { analyze } = await import('./article-lens.js');
    return (await analyze(text)).stats.words;
  }, seed());
  assert.equal(String(words), seedWords());
  assert.ok(await page.locator('#demo-lens .text mark.entity').count() > 3);
  assert.deepEqual(hits.urls, [], 'nothing reached the server while offline');
  assert.deepEqual(problems, []);
  await context.close();
});

test('privacy: after the first visit, analysing makes no request, not even to our own server', async () => {
  const hits = serverHits(suite.server);
  const { context, page, problems } = await suite.open();
  await untilControlled(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  hits.reset();
  await paste(page, { 'text/plain': seed() });
  assert.equal(await waitDone(page), 'done');
  // A whole page with images, links and scripts: none of it is fetched.
  await paste(page, { 'text/html': fixture('news-page', 'input.html') });
  assert.equal(await waitDone(page), 'done');
  await paste(page, { 'text/html': fixture('hostile-page', 'input.html') });
  assert.equal(await waitDone(page), 'done');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.deepEqual(hits.urls, [], 'no request reached the server');
  assert.deepEqual(requests, [], 'the page made no request');
  // A reload online: the files come from the cache; the only requests that
  // may reach the server are the browser's own check for a new version of
  // the service worker (sw.js and the list it imports), which carry nothing
  // of what was pasted.
  await page.reload();
  await paste(page, { 'text/plain': seed() });
  assert.equal(await waitDone(page), 'done');
  assert.deepEqual(hits.urls.filter((u) => !['/sw.js', `/${OUTPUT}`].includes(u)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an updated asset gets a new cache; the old one is deleted when the new worker takes over', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-update-'));
  fs.cpSync(www, site, { recursive: true });
  const v1 = writePrecache(site).version;
  const { server, url } = await serve(site);
  try {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const problems = watch(page, url);
    await page.goto(url);
    await untilControlled(page);
    assert.deepEqual(Object.keys(await cachesOf(page)), [`article-lens-${v1}`]);
    // A new release: one stylesheet changed, the list rebuilt.
    fs.appendFileSync(path.join(site, 'style.css'), '\n/* release 2 */\n');
    const v2 = writePrecache(site).version;
    assert.notEqual(v2, v1);
    // The browser finds the new worker (its import changed) and installs it
    // into the new cache; the old one still serves the open tab.
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
      while (!reg.waiting) await new Promise((r) => setTimeout(r, 50));
    });
    assert.deepEqual(Object.keys(await cachesOf(page)).sort(), [`article-lens-${v1}`, `article-lens-${v2}`].sort());
    assert.doesNotMatch(await page.evaluate(() => fetch('style.css').then((r) => r.text())), /release 2/, 'the open tab keeps its version');
    // Once no tab uses the old worker, the new one takes over and deletes the old cache.
    await page.close();
    const next = await context.newPage();
    problems.push(...watch(next, url));
    await next.goto(url);
    await next.waitForFunction(async (v2) => {
      const names = await caches.keys();
      return names.length === 1 && names[0] === `article-lens-${v2}`;
    }, v2);
    await next.reload(); // now controlled by the new worker from the start
    assert.match(await next.evaluate(() => fetch('style.css').then((r) => r.text())), /release 2/);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('where service workers are refused, the page works as before (only not offline)', async () => {
  const context = await suite.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = watch(page, suite.url);
  await page.goto(suite.url);
  await paste(page, { 'text/plain': seed() });
  assert.equal(await waitDone(page), 'done');
  assert.equal(await stat(page, 'words'), seedWords());
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  await page.goto(`${suite.url}embed.html`);
  await page.waitForFunction(() => document.getElementById('demo-lens').analysis !== null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the web app manifest makes the page installable, with its SVG icon', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(www, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  for (const key of ['name', 'short_name', 'theme_color', 'background_color']) assert.ok(manifest[key], key);
  for (const icon of manifest.icons) assert.ok(fs.existsSync(path.join(www, icon.src)), icon.src);
  const { context, page, problems } = await suite.open();
  await untilControlled(page);
  const cdp = await context.newCDPSession(page);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${suite.url}manifest.webmanifest`);
  assert.deepEqual(errors, []);
  // Chromium's own verdict; a test browser's context is incognito, which is
  // the only thing it may hold against installing.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  assert.deepEqual(problems, []);
  await context.close();
});
