// The Markdown report of the browser benchmarks (bench/ner.mjs,
// bench/quotes.mjs, bench/extract.mjs, bench/browser.mjs): lines printed as
// they are said and saved under bench/results/.
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../tests/e2e/helpers.mjs';

/** Three decimals, '–' for no number (0/0). */
export const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
/** Rounded, with thousands separators, '–' for no number. */
export const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');

/** Writes `text` to bench/results/NAME. */
export function saveResult(name, text) {
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results', name), text);
}

/**
 * A report: say(line) prints the line and keeps it; table(other) says the
 * head of a table of metrics, article-lens against `other`, and row(metric,
 * a, b, target) one of its rows; consoleErrors(map) says the harness page's
 * console errors by kind, if any; save(name) writes the lines kept to
 * bench/results/NAME.
 */
export function report() {
  const lines = [];
  const say = (s = '') => {
    console.log(s);
    lines.push(s);
  };
  return {
    say,
    table(other) {
      say(`| metric | article-lens | ${other} | target |`);
      say('|---|---:|---:|---:|');
    },
    row: (metric, a, b, target = '') => say(`| ${metric} | ${a} | ${b} | ${target} |`),
    consoleErrors(consoleErrors) {
      if (consoleErrors.size) say(`Console errors in the harness page (by kind): ${[...consoleErrors].slice(0, 5).map(([t, n]) => `${n}× "${t}…"`).join('; ')}.`);
    },
    save: (name) => saveResult(name, lines.join('\n') + '\n'),
  };
}
