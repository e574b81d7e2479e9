// Where the browser module's memory goes, stage by stage (issue 9's "peak
// memory ≤ 8× the input"). `make bench-memory`, or
// `node bench/memory.mjs [CORPUS] [--files a.txt,b.txt]`.
//
// The module is built a second time with the `alloc-stats` feature (its
// allocator counts the bytes it holds; never in the page's build), in its
// own folder under the target directory, and run in Node: the allocations
// are the module's own, whichever engine runs it. For each input, in a fresh
// instance after one analysis of the seed (the tagger's tables, as the page
// has them): how far `memory.buffer` grew (what the browser bench reports),
// and after each stage the bytes held and the most held during it.
//
// Inputs: the seed; 100 KB, 1 MB and 10 MB of different articles (the same
// texts as `make bench-browser`, bench/pages.mjs); and 1 MB of a table of
// figures (twelve numbers a line), the input with the most results a byte.
// Without the corpus: the project's fixtures, said in the output.
//
// Then, when the page's own module is built (www/pkg, `make wasm`), how far
// its memory grows over more sizes, measured as the browser bench measures
// it: where the allocator finds room for the largest blocks decides it, and
// the counting module's layout is not quite the page's.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { root } from '../tests/e2e/helpers.mjs';
import { flag, corpus } from './args.mjs';
import { seed as seedArticle, textPool, scaledText } from './pages.mjs';
import { int } from './report.mjs';

const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR || 'target');
const out = path.join(targetDir, 'bench-memory');
const pkg = path.join(out, 'pkg');

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

console.error('building the counting module (cargo --features alloc-stats, wasm-bindgen)…');
run('cargo', ['build', '--quiet', '--profile', 'wasm', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'alloc-stats'], {
  CARGO_TARGET_DIR: path.join(out, 'cargo'),
});
run('wasm-bindgen', ['--target', 'web', '--out-dir', pkg, path.join(out, 'cargo/wasm32-unknown-unknown/wasm/article_lens.wasm')]);
const wasmBytes = fs.readFileSync(path.join(pkg, 'article_lens_bg.wasm'));

/** `bytes` of lines of twelve figures, the same every run (an LCG). */
function figures(bytes) {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % 1000;
  const lines = [];
  let n = 0;
  while (n < bytes) {
    const line = Array.from({ length: 12 }, next).join(', ');
    lines.push(line);
    n += line.length + 1;
  }
  return lines.join('\n').slice(0, bytes);
}

const seed = seedArticle(corpus);
const inputs = [{ name: 'seed', text: seed.text }];
const files = flag('--files');
if (files) {
  for (const f of files.split(',')) inputs.push({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') });
} else {
  const pool = textPool(corpus);
  for (const [name, size] of [['100 KB', 1e5], ['1 MB', 1e6], ['10 MB', 1e7]]) inputs.push({ name, text: scaledText(pool.texts, size).text });
  inputs.push({ name: '1 MB of figures', text: figures(1e6) });
  console.log(`Texts: ${pool.source}; seed: ${seed.source}.\n`);
}

const MB = (b) => (b / 1e6).toFixed(1);
let instance = 0;
const rows = [];
for (const input of inputs) {
  // A fresh instance per input: the module's memory never shrinks.
  const m = await import(`${pathToFileURL(path.join(pkg, 'article_lens.js')).href}?i=${instance++}`);
  const w = m.initSync({ module: wasmBytes });
  m.analyze(seed.text, { kind: 'text' });
  const before = w.memory.buffer.byteLength;
  const stages = m.analyzeMemory(m.heldBytes(), input.text, { kind: 'text' });
  const grown = w.memory.buffer.byteLength - before;
  const bytes = Buffer.byteLength(input.text);
  const top = stages.reduce((a, s) => (s[2] > a[2] ? s : a));
  rows.push({ input, bytes, grown, stages, top });
}

console.log('| input | bytes | memory grew, MB | ÷ input | most held, MB (stage) | ÷ input |');
console.log('|---|---:|---:|---:|---|---:|');
for (const r of rows) {
  console.log(`| ${r.input.name} | ${int(r.bytes)} | ${MB(r.grown)} | ${(r.grown / r.bytes).toFixed(2)}× | ${MB(r.top[2])} (${r.top[0]}) | ${(r.top[2] / r.bytes).toFixed(2)}× |`);
}
console.log('\nBy stage, MB held after it / most held during it (from before the input was passed in):\n');
const names = rows[0].stages.map((s) => s[0]);
console.log(`| input | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---:').join('|')}|`);
for (const r of rows) console.log(`| ${r.input.name} | ${r.stages.map((s) => `${MB(s[1])} / ${MB(s[2])}`).join(' | ')} |`);
console.log(
  '\nMemory grew: `memory.buffer.byteLength` after the input less before it, in a fresh instance that had analysed the seed once (as `make bench-browser` measures it). Held: what the allocations of the module held (a move by `realloc` counted as old and new at once); the difference is the allocator\'s free space between them.',
);

const pagePkg = path.join(root, 'www/pkg');
if (!files && fs.existsSync(path.join(pagePkg, 'article_lens_bg.wasm'))) {
  const pageBytes = fs.readFileSync(path.join(pagePkg, 'article_lens_bg.wasm'));
  const pool = textPool(corpus);
  console.log('\nThe page\'s module (www/pkg), memory grown by one analysis, in a fresh instance after the seed:\n');
  console.log('| input, bytes | memory grew, MB | ÷ input |');
  console.log('|---:|---:|---:|');
  for (const size of [1e5, 3e5, 5e5, 1e6, 2e6, 3e6, 5e6, 1e7]) {
    const text = scaledText(pool.texts, size).text;
    const m = await import(`${pathToFileURL(path.join(pagePkg, 'article_lens.js')).href}?page=${size}`);
    const w = m.initSync({ module: pageBytes });
    m.analyze(seed.text, { kind: 'text' });
    const before = w.memory.buffer.byteLength;
    m.analyze(text, { kind: 'text' });
    const grown = w.memory.buffer.byteLength - before;
    const bytes = Buffer.byteLength(text);
    console.log(`| ${int(bytes)} | ${MB(grown)} | ${(grown / bytes).toFixed(2)}× |`);
  }
}
