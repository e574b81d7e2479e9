// The browser side of the benchmarks in Node (bench/ner.mjs, bench/quotes.mjs,
// bench/extract.mjs): a page.evaluate that gives up after a while, console
// errors counted by kind, and the run of a two-tool harness page
// (bench/ner.html, bench/quotes.html) in Debian's Chromium via
// tests/e2e/helpers.mjs, served by scripts/serve.mjs under the project's CSP.
import { launch, root } from '../tests/e2e/helpers.mjs';
import { start } from '../scripts/serve.mjs';

/** `promise`, or a rejection naming `what` once `ms` have gone by. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Page errors go to stderr; console errors (the favicon's left out) are
 * counted in the Map `consoleErrors` by kind: the first 70 characters of
 * `kind(message)`.
 */
export function countConsoleErrors(page, consoleErrors, kind = (text) => text) {
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error' || (m.location()?.url || '').endsWith('/favicon.ico')) return;
    const k = kind(m.text()).slice(0, 70);
    consoleErrors.set(k, (consoleErrors.get(k) || 0) + 1);
  });
}

/**
 * article-lens and compromise on the same texts in the harness page
 * bench/NAME.html (its script sets window.NAME and, once ready,
 * window.NAMEReady): the texts handed over once, then article-lens, its
 * stages, compromise, each with at least `runs` timed passes and
 * `timeoutMs` at the most; `intro` goes to stderr first. Returns { version
 * (Chromium's), versions (the tools'), al, stages, cp, consoleErrors }.
 */
export async function compareInChromium({ name, texts, runs, timeoutMs, intro }) {
  const { server, url } = await start({ root, port: 0 });
  const browser = await launch();
  const version = browser.version();
  const consoleErrors = new Map();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    countConsoleErrors(page, consoleErrors);
    await page.goto(url + `bench/${name}.html`);
    await page.waitForFunction((n) => window[`${n}Ready`], name, { timeout: 30_000 });
    const evaluate = (fn, arg, what) => withTimeout(page.evaluate(fn, [name, arg]), timeoutMs, what);
    await evaluate(([n, t]) => window[n].load(t), texts, 'load');
    const versions = await evaluate(([n]) => window[n].versions(), null, 'versions');
    console.error(intro);
    const al = await evaluate(([n, r]) => window[n].articleLens(r), runs, 'article-lens');
    const stages = await evaluate(([n, r]) => window[n].stages(r), runs, 'article-lens stages');
    console.error(`  compromise…`);
    const cp = await evaluate(([n, r]) => window[n].compromise(r), runs, 'compromise');
    await context.close();
    return { version, versions, al, stages, cp, consoleErrors };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * The notes under the table of a compareInChromium() run `run`, said in the
 * report `rep` (bench/report.mjs), the texts called `units` ('documents'):
 * article-lens's stage times, a warning where its `text` differed from the
 * input, what each tool threw, the page's console errors.
 */
export function sayComparisonNotes(rep, units, { al, cp, stages, consoleErrors }) {
  rep.say(`article-lens stages in ms, summed over the ${units} (\`analyzeTimed\`, median of passes): ${Object.entries(stages).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ')}.`);
  if (al.textChanged) rep.say(`**Warning:** on ${al.textChanged} ${units} article-lens's \`text\` differed from the input, so its offsets do not refer to the input there (raw mode should keep it).`);
  for (const [t, e] of [['article-lens', al.errors], ['compromise', cp.errors]]) if (e.length) rep.say(`${t} threw: ${e.slice(0, 3).join('; ')}${e.length > 3 ? '…' : ''}`);
  rep.consoleErrors(consoleErrors);
}
