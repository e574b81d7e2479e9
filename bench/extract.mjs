// Main-content extraction side by side in Debian's Chromium: article-lens
// (the wasm module, `analyze(html, {kind: 'html'})`) and Mozilla
// Readability.js 0.6.0 (DOMParser + `new Readability(doc).parse()`), on the
// same pages, decoded the same way, scored by the same code:
//
// - Readability's 130 test pages: body precision / recall / F1 by 4-token
//   shingles against `body.textContent` of `expected.html` (the scrapinghub
//   article-extraction-benchmark metric, averaged over pages), and title,
//   byline, lang, siteName, publishedTime exact after whitespace
//   normalisation, on the pages whose expected value is given;
// - trafilatura's 495 pages: share of `with` snippets found and `without`
//   snippets absent (whitespace-normalised substrings), title and author
//   exact, date on the same day (first 10 characters).
//
// Also the warm time per page of each tool (median of a few runs per page).
// The same metric natively, for the quick loop, is bench/extract.rs.
// Prints a Markdown table and saves it to bench/results/extract.md; every
// page's scores go to bench/results/extract-pages.json (not committed: it
// quotes the corpus).
//   node bench/extract.mjs [CORPUS_DIR] [--runs N] [--only NAME]
//   (default ../shared/corpus; N timed runs per page and tool after one
//   untimed run, default 3)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, root } from '../tests/e2e/helpers.mjs';
import { flag, corpus, requireCorpus } from './args.mjs';
import { start, CSP } from '../scripts/serve.mjs';
import { withTimeout, countConsoleErrors } from './chromium-run.mjs';
import { report, saveResult, f3 } from './report.mjs';
import { decode } from './decode.mjs';

const RUNS = Number(flag('--runs', 3));
const ONLY = flag('--only', null);
const TIMEOUT_MS = 30_000;

const dir = path.join(corpus, 'extraction');
requireCorpus(dir);

function gunzip(file) {
  try {
    return zlib.gunzipSync(fs.readFileSync(file));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- scoring
// One scorer for both tools (and the same rules as bench/extract.rs).

/** Whitespace as Rust's split_whitespace() sees it (Unicode White_Space). */
const WS = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
// Whitespace collapsed and soft hyphens (invisible break hints, which the
// trafilatura snippets keep and a clean text drops) taken out; the same in
// bench/extract.rs.
const norm = (s) => String(s ?? '').replaceAll('\u00AD', '').split(WS).filter(Boolean).join(' ');

/** Tokens by the Unicode regex `\w+`, lowercased. */
const tokens = (text) => (text.match(/[\p{L}\p{N}\p{M}_]+/gu) || []).map((t) => t.toLowerCase());

/** Overlapping 4-token shingles as a multiset (fewer than 4 tokens: one shingle of them all). */
function shingles(text) {
  const t = tokens(text);
  const out = new Map();
  if (t.length < 4) {
    if (t.length) out.set(t.join(' '), 1);
    return out;
  }
  for (let i = 0; i + 4 <= t.length; i++) {
    const k = t[i] + ' ' + t[i + 1] + ' ' + t[i + 2] + ' ' + t[i + 3];
    out.set(k, (out.get(k) || 0) + 1);
  }
  return out;
}

/** Precision, recall and F1 of `got` against `want`. */
export function prf(got, want) {
  const g = shingles(got);
  const w = shingles(want);
  let ng = 0;
  let nw = 0;
  let tp = 0;
  for (const c of g.values()) ng += c;
  for (const c of w.values()) nw += c;
  if (ng === 0 && nw === 0) return { p: 1, r: 1, f: 1 };
  for (const [k, c] of g) tp += Math.min(c, w.get(k) || 0);
  const p = ng ? tp / ng : 0;
  const r = nw ? tp / nw : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

class Tally {
  right = 0;
  asked = 0;
  add(ok) {
    this.asked++;
    if (ok) this.right++;
  }
  get share() {
    return this.right / Math.max(1, this.asked);
  }
  show() {
    if (!this.asked) return '– (0/0)';
    return `${this.share.toFixed(3)} (${this.right}/${this.asked})`;
  }
}

// What each tool's result means for the metadata fields.
const TOOLS = {
  al: {
    name: 'article-lens',
    field: (m, f) => ({ title: m.title, byline: m.byline, lang: m.lang, siteName: m.site, publishedTime: m.published })[f] ?? null,
    author: (m) => (m.authors?.length ? m.authors.join('; ') : m.byline || ''),
    date: (m) => m.published || '',
  },
  rd: {
    name: 'Readability.js',
    field: (m, f) => m[f] ?? null,
    author: (m) => m.byline || '',
    date: (m) => m.publishedTime || '',
  },
};
const FIELDS = ['title', 'byline', 'lang', 'siteName', 'publishedTime'];

// ---------------------------------------------------------------- pages

function readabilityPages() {
  const d = path.join(dir, 'readability');
  if (!fs.existsSync(d)) {
    console.log(`Readability pages: not here (${d} is absent).`);
    return [];
  }
  const out = [];
  for (const name of fs.readdirSync(d).sort()) {
    if (ONLY && !name.includes(ONLY)) continue;
    const source = gunzip(path.join(d, name, 'source.html.gz'));
    const expected = gunzip(path.join(d, name, 'expected.html.gz'));
    if (!source || !expected) continue;
    let meta = {};
    try {
      meta = JSON.parse(fs.readFileSync(path.join(d, name, 'expected-metadata.json'), 'utf8'));
    } catch {
      // no metadata: no field is asked
    }
    out.push({ set: 'readability', name, bytes: source, expectedHtml: expected.toString('utf8'), meta });
  }
  return out;
}

function trafilaturaPages() {
  const d = path.join(dir, 'trafilatura');
  let data;
  try {
    data = JSON.parse(fs.readFileSync(path.join(d, 'evaldata.json'), 'utf8'));
  } catch {
    console.log(`trafilatura pages: not here (${path.join(d, 'evaldata.json')} is absent or unreadable).`);
    return [];
  }
  const out = [];
  for (const key of Object.keys(data).sort()) {
    const v = data[key];
    if (typeof v?.file !== 'string') continue;
    if (ONLY && !key.includes(ONLY)) continue;
    const bytes = gunzip(path.join(d, 'html', `${v.file}.gz`)) ?? (() => {
      try {
        return fs.readFileSync(path.join(d, 'html', v.file));
      } catch {
        return null;
      }
    })();
    if (!bytes) continue;
    out.push({ set: 'trafilatura', name: key, bytes, truth: v });
  }
  return out;
}

// ---------------------------------------------------------------- browser

const pages = [...readabilityPages(), ...trafilaturaPages()];
if (!pages.length) {
  console.log('No extraction pages found: nothing to measure.');
  process.exit(0);
}

const started = Date.now();
// The project's policy with one change: inline styles allowed. Readability.js
// drops hidden nodes by reading `node.style.display` / `.visibility`, and a
// DOMParser document inherits the page's CSP, under which `style-src 'self'`
// leaves every inline `style` attribute unparsed (node.style empty), so
// Readability would keep hidden text. A DOMParser document runs no script, so
// this loosens nothing that matters here; article-lens parses in Rust and is
// unaffected either way.
const BENCH_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
if (BENCH_CSP === CSP) throw new Error('scripts/serve.mjs changed its style-src: update BENCH_CSP in bench/extract.mjs');
const { server, url } = await start({ root, port: 0, csp: BENCH_CSP });
const browser = await launch();
const version = browser.version();
let context;
let page;
const consoleErrors = new Map();

async function openHarness() {
  await context?.close().catch(() => {});
  context = await browser.newContext();
  page = await context.newPage();
  // Console errors are counted by kind (URLs left out). Expected: the policy
  // blocking inline event handlers and <base> of the parsed pages (a
  // DOMParser document runs no script and loads nothing anyway).
  countConsoleErrors(page, consoleErrors, (text) => text.replace(/ to '[^']*'/, '').replace(/http:\/\/127\.0\.0\.1:\d+/g, ''));
  await page.goto(url + 'bench/extract.html');
  await page.waitForFunction(() => window.extractReady && typeof window.Readability === 'function', null, { timeout: TIMEOUT_MS });
}

/** page.evaluate with a timeout; on timeout or a crash the harness page is opened afresh. */
async function evaluate(fn, arg, what) {
  try {
    return await withTimeout(page.evaluate(fn, arg), TIMEOUT_MS, what);
  } catch (e) {
    console.error(`  ${what}: ${e.message.split('\n')[0]}`);
    await openHarness();
    return { error: e.message.split('\n')[0], reopened: true };
  }
}

const results = [];
const encodings = {};
try {
  await openHarness();
  let i = 0;
  for (const pg of pages) {
    i++;
    const { text: html, encoding } = decode(pg.bytes);
    encodings[encoding] = (encodings[encoding] || 0) + 1;
    const row = { set: pg.set, name: pg.name, encoding, bytes: pg.bytes.length };
    const load = async () => evaluate((h) => window.extract.load(h), html, `${pg.name}: load`);
    await load();
    // A timeout re-opens the harness page, so the HTML is handed over again before the next tool.
    const al = await evaluate((r) => window.extract.articleLens(r), RUNS, `${pg.name}: article-lens`);
    if (al.reopened) await load();
    const rd = await evaluate((r) => window.extract.readability(r), RUNS, `${pg.name}: Readability.js`);
    row.al = al;
    row.rd = rd;
    if (pg.set === 'readability') {
      const t = await evaluate((h) => window.extract.truth(h), pg.expectedHtml, `${pg.name}: expected text`);
      row.truth = typeof t === 'string' ? t : '';
    }
    results.push({ pg, row });
    if (i % 50 === 0) console.error(`  ${i}/${pages.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  await context?.close().catch(() => {});
  await browser.close();
  server.close();
}
const seconds = (Date.now() - started) / 1000;

// ---------------------------------------------------------------- scores

const score = { al: {}, rd: {} };
for (const t of ['al', 'rd']) {
  score[t] = {
    rb: { n: 0, p: 0, r: 0, f: 0, fields: Object.fromEntries(FIELDS.map((f) => [f, new Tally()])) },
    tf: { n: 0, with: new Tally(), without: new Tally(), title: new Tally(), author: new Tally(), date: new Tally() },
    times: [],
    errors: 0,
  };
}

const perPage = [];
for (const { pg, row } of results) {
  const out = { set: row.set, name: row.name, encoding: row.encoding, bytes: row.bytes };
  for (const t of ['al', 'rd']) {
    const S = score[t];
    const T = TOOLS[t];
    const res = row[t]?.result;
    const error = row[t]?.error ?? null;
    if (error) S.errors++;
    if (typeof row[t]?.ms === 'number') S.times.push(row[t].ms);
    const text = res?.text ?? '';
    const meta = res?.meta ?? {};
    const o = { ms: typeof row[t]?.ms === 'number' ? Math.round(row[t].ms * 100) / 100 : null, error, chars: text.length };
    if (res?.null) o.error = 'parse() returned null';
    if (pg.set === 'readability') {
      const { p, r, f } = prf(text, row.truth);
      S.rb.n++;
      S.rb.p += p;
      S.rb.r += r;
      S.rb.f += f;
      Object.assign(o, { p, r, f1: f });
      o.misses = [];
      for (const field of FIELDS) {
        const want = pg.meta[field];
        if (typeof want !== 'string') continue;
        const got = T.field(meta, field);
        const ok = got != null && norm(got) === norm(want);
        S.rb.fields[field].add(ok);
        if (!ok) o.misses.push({ field, got, want });
      }
    } else {
      const v = pg.truth;
      const body = norm(text);
      S.tf.n++;
      o.with = [0, 0];
      o.without = [0, 0];
      o.misses = [];
      for (const s of Array.isArray(v.with) ? v.with : []) {
        const ok = body.includes(norm(s));
        S.tf.with.add(ok);
        o.with[1]++;
        if (ok) o.with[0]++;
        else o.misses.push({ with: String(s).slice(0, 80) });
      }
      for (const s of Array.isArray(v.without) ? v.without : []) {
        const ok = !body.includes(norm(s));
        S.tf.without.add(ok);
        o.without[1]++;
        if (ok) o.without[0]++;
        else o.misses.push({ without: String(s).slice(0, 80) });
      }
      if (typeof v.title === 'string') {
        const got = meta.title ?? null;
        const ok = got != null && norm(got) === norm(v.title);
        S.tf.title.add(ok);
        if (!ok) o.misses.push({ field: 'title', got, want: v.title });
      }
      if (typeof v.author === 'string') {
        const got = T.author(meta);
        const ok = norm(got) === norm(v.author);
        S.tf.author.add(ok);
        if (!ok) o.misses.push({ field: 'author', got, want: v.author });
      }
      if (typeof v.date === 'string') {
        const got = T.date(meta);
        const ok = v.date === '' ? got === '' : got.length >= 10 && got.slice(0, 10) === v.date;
        S.tf.date.add(ok);
        if (!ok) o.misses.push({ field: 'date', got, want: v.date });
      }
      const n = o.with[1] + o.without[1];
      o.score = n ? (o.with[0] + o.without[0]) / n : 1;
    }
    out[TOOLS[t].name] = o;
  }
  perPage.push(out);
}

// ---------------------------------------------------------------- report

const { say, table, row, consoleErrors: sayConsoleErrors, save } = report();
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');

const rbN = score.al.rb.n;
const tfN = score.al.tf.n;
const rdVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@mozilla/readability/package.json'), 'utf8')).version;
say(`Chromium ${version}, Readability.js ${rdVersion}, ${new Date().toISOString().slice(0, 10)}: ${results.length} pages (Readability test pages ${rbN}, trafilatura pages ${tfN}), ${RUNS} timed runs per page and tool after one untimed, run took ${seconds.toFixed(0)} s`);
say();
table('Readability.js');
if (rbN) {
  const rb = (t, k) => score[t].rb[k] / score[t].rb.n;
  row(`Readability pages (${rbN}): body precision`, f3(rb('al', 'p')), f3(rb('rd', 'p')));
  row(`Readability pages: body recall`, f3(rb('al', 'r')), f3(rb('rd', 'r')));
  row(`Readability pages: body F1`, f3(rb('al', 'f')), f3(rb('rd', 'f')), '≥ 0.97');
  for (const f of FIELDS) row(`Readability pages: ${f}`, score.al.rb.fields[f].show(), score.rd.rb.fields[f].show(), f === 'title' ? '≥ 0.95' : '');
}
if (tfN) {
  const tf = (t, k) => score[t].tf[k].show();
  row(`trafilatura pages (${tfN}): with found`, tf('al', 'with'), tf('rd', 'with'), '≥ 0.95');
  row(`trafilatura pages: without absent`, tf('al', 'without'), tf('rd', 'without'), '≥ 0.93');
  row(`trafilatura pages: title`, tf('al', 'title'), tf('rd', 'title'), '≥ 0.95');
  row(`trafilatura pages: author`, tf('al', 'author'), tf('rd', 'author'), '≥ 0.85');
  row(`trafilatura pages: date (same day)`, tf('al', 'date'), tf('rd', 'date'), '≥ 0.90');
}
const [ta, tr] = [score.al.times, score.rd.times];
row(`ms/page, mean (${ta.length} / ${tr.length} pages)`, f2(mean(ta)), f2(mean(tr)));
row('ms/page, median', f2(median(ta)), f2(median(tr)));
row('ms/page, slowest page', f2(Math.max(...ta)), f2(Math.max(...tr)), '(target ≤ 50 ms is native: extract-native.md)');
row('pages on which the tool threw or timed out', score.al.errors, score.rd.errors);
say();
say(`Time ratio article-lens ÷ Readability.js: mean ${f2(mean(ta) / mean(tr))}, median ${f2(median(ta) / median(tr))}.`);
sayConsoleErrors(consoleErrors);
say(`Pages decoded as: ${Object.entries(encodings).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
say('article-lens time: `analyze(html, {kind: "html"})` on the string; Readability.js time: `DOMParser.parseFromString` + `new Readability(doc).parse()`; each the median of the timed runs of a page. Author for article-lens: `meta.authors` joined by "; ", else `meta.byline`; date: the first 10 characters of `meta.published` / `publishedTime`.');

if (!ONLY) save('extract.md');
saveResult('extract-pages.json', JSON.stringify(perPage, null, 1) + '\n');
console.error(`Saved ${ONLY ? '' : 'bench/results/extract.md and '}bench/results/extract-pages.json (${perPage.length} pages).`);
