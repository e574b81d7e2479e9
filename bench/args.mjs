// The command line of the browser benchmarks: `node bench/X.mjs [CORPUS]
// [--name value ...]`. The corpus folder defaults to ../shared/corpus beside
// the project.
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);

/** The value after `--name`, else `def`. */
export const flag = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};

const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));

/** The corpus folder: the first argument that is not a flag or its value. */
export const corpus = path.resolve(root, positional[0] || '../shared/corpus');

/**
 * Exits (status 0: a benchmark without its corpus measures nothing) unless
 * every one of `paths` exists, `paths[0]` the one named in the message.
 */
export function requireCorpus(...paths) {
  if (paths.every((p) => fs.existsSync(p))) return;
  console.log(`The corpus is not here (${paths[0]} is absent): nothing to measure.`);
  process.exit(0);
}
