// In-browser speed of article-lens in Debian's Chromium: cold start (fetch,
// compile and first analysis) and warm time per stage on the seed article
// ×1, ×10, ×100, ×1000. Prints a Markdown table and saves it to
// bench/results/browser.md.
//   node bench/browser.mjs [CORPUS_DIR]      (default ../shared/corpus)
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, root } from '../tests/e2e/helpers.mjs';
import { report } from './report.mjs';

const corpus = path.resolve(root, process.argv[2] || '../shared/corpus');
let seedPath = path.join(corpus, 'seed-article.txt');
if (!fs.existsSync(seedPath)) {
  console.log(`The corpus seed article is not here (${seedPath}); using the project's seed-like fixture.`);
  seedPath = path.join(root, 'tests/fixtures/seed-like/input.txt');
}
const seed = fs.readFileSync(seedPath, 'utf8');

const { server, url } = await serve(root);
const browser = await launch();
const version = browser.version();
const { say: out, save } = report();

try {
  // Cold start, five fresh pages (new context: nothing cached), median.
  const colds = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url + 'bench/harness.html');
    await page.waitForFunction(() => window.benchReady);
    colds.push(await page.evaluate((t) => window.bench.cold(t), seed));
    await context.close();
  }
  colds.sort((a, b) => a.total - b.total);
  const cold = colds[2];

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + 'bench/harness.html');
  await page.waitForFunction(() => window.benchReady);
  await page.evaluate((t) => window.bench.cold(t), seed);

  out(`Chromium ${version}, input ${path.relative(root, seedPath)} (${Buffer.byteLength(seed)} bytes), ${new Date().toISOString().slice(0, 10)}`);
  out();
  out(`Cold start (median of 5 fresh pages): load + compile ${cold.load.toFixed(1)} ms, first analysis ${cold.first.toFixed(1)} ms, total ${cold.total.toFixed(1)} ms`);
  out();
  let base;
  let names;
  for (const n of [1, 10, 100, 1000]) {
    const text = Array(n).fill(seed).join('\n\n');
    const bytes = Buffer.byteLength(text);
    const r = await page.evaluate(([t, s, m]) => window.bench.warm(t, s, m), [text, 2, 5]);
    const perByte = r.total / bytes;
    base ??= perByte;
    const s = r.stages;
    // The stages as analyzeTimed reports them, in its order (one column each).
    if (!names) {
      names = Object.keys(s);
      out(`| input | bytes | ${names.map((k) => `${k} ms`).join(' | ')} | total ms | MB/s | vs ×1 per byte |`);
      out(`|---|---:|${'---:|'.repeat(names.length)}---:|---:|---:|`);
    }
    const f = (x) => (x === undefined ? '–' : x.toFixed(3));
    out(`| seed ×${n} | ${bytes} | ${names.map((k) => f(s[k])).join(' | ')} | ${r.total.toFixed(3)} | ${(bytes / 1e6 / (r.total / 1000)).toFixed(1)} | ${(perByte / base).toFixed(2)} |`);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
save('browser.md');
