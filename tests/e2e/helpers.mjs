// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core (never a downloaded browser), the page served by the same
// server as `make serve`, and a guard that fails a test on any console error
// or dialog (a dialog would mean input ran as script).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { start } from '../../scripts/serve.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const artifacts = path.join(root, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function serve(rootDir = path.join(root, 'www')) {
  return start({ root: rootDir, port: 0 });
}

/**
 * A test file's page: registers the set-up (the wasm must be built, the page
 * is served as `make serve` serves it, one Chromium for the file) and the
 * tear-down. `open(options)` opens the page in a fresh context (`openPage`);
 * `url` is its address once the file's tests have started.
 */
export function pageSuite() {
  const suite = { browser: null, server: null, url: null };
  suite.open = (options) => openPage(suite.browser, suite.url, options);
  before(async () => {
    assert.ok(fs.existsSync(path.join(root, 'www/pkg/article_lens_bg.wasm')), 'build the wasm first (make wasm)');
    ({ server: suite.server, url: suite.url } = await serve());
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    suite.server?.close();
  });
  return suite;
}

/** Opens the page; collects console errors, page errors, dialogs and
 *  off-origin requests. `colorScheme` ('light' or 'dark') is what the page
 *  sees as the system's (prefers-color-scheme). */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watch(page, url);
  await page.goto(url);
  return { context, page, problems };
}

/** The guard of openPage for a page opened some other way (a context with
 *  other options): returns the list it fills with console errors, page
 *  errors, dialogs and requests that leave `url`'s origin. */
export function watch(page, url) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    await d.dismiss();
  });
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request left the origin: ${u}`);
  });
  return problems;
}

/** Records the requests that reach a server from serve() (not those a
 *  service worker answers from its cache): `urls` in order, `reset()`. */
export function serverHits(server) {
  const hits = { urls: [], reset: () => { hits.urls.length = 0; } };
  server.on('request', (req) => hits.urls.push(req.url));
  return hits;
}

/** Dispatches a paste event carrying the given clipboard types on the text area. */
export async function paste(page, data) {
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(data)) dt.setData(type, value);
    const target = document.getElementById('source');
    target.focus();
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

export async function waitDone(page, timeout = 60_000) {
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

/** Shows one of the analysis panels (its tab): overview, entities, quotes,
 *  timeline, numbers, removed, export. What is in the others is in the
 *  page but hidden, and cannot be clicked. */
export async function showPanel(page, name) {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#panel-${name}:not([hidden])`);
}

/** Clicks a download button (on the Export panel, then back to the panel
 *  that was shown) and returns { name, text } of the file the page saved. */
export async function downloaded(page, button) {
  const was = await page.getAttribute('#tabs [aria-selected="true"]', 'id');
  await showPanel(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  await showPanel(page, was.slice('tab-'.length));
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

/** The analysis the page drew: its own JSON download, exactly what it rendered. */
export async function analysisOf(page) {
  return JSON.parse((await downloaded(page, '#download-json')).text);
}

export async function stat(page, name) {
  return page.textContent(`[data-stat="${name}"] dd`);
}

export function fixture(...parts) {
  return fs.readFileSync(path.join(root, 'tests/fixtures', ...parts), 'utf8');
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
