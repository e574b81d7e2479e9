// The size budget (issue 9): every file the page and the embed download,
// each gzipped at zlib level 9 (what a server sends), summed, must stay
// within size-budget.json. The files are the service worker's list
// (www/pkg/precache.js, written by scripts/precache.mjs from a walk of www/),
// which is every asset of the page and the embed, plus the two files the
// browser fetches beside it: sw.js and the list itself. Prints a breakdown,
// largest first. Needs `make wasm` first (make test runs it); no browser,
// no corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { OUTPUT, precacheManifest } from '../../scripts/precache.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const www = path.join(root, 'www');
const budget = JSON.parse(fs.readFileSync(path.join(root, 'size-budget.json'), 'utf8'));

/** The files the service worker precaches, as pkg/precache.js lists them. */
function precached() {
  const file = path.join(www, OUTPUT);
  assert.ok(fs.existsSync(file), `${OUTPUT} is missing: build the wasm first (make wasm)`);
  const sandbox = { self: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  return [...sandbox.self.PRECACHE.files];
}

/** Each file's bytes and gzipped bytes, largest gzipped first, and the sums. */
export function measure(files) {
  const rows = files.map((f) => {
    const body = fs.readFileSync(path.join(www, f));
    return { file: f, bytes: body.length, gzipped: zlib.gzipSync(body, { level: 9 }).length };
  });
  rows.sort((a, b) => b.gzipped - a.gzipped || a.file.localeCompare(b.file));
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  return { rows, bytes: sum('bytes'), gzipped: sum('gzipped') };
}

/** The budget's verdict: null when within, else why not. */
export function overBudget(total, limit) {
  return total <= limit ? null : `${total} bytes gzipped, over the budget of ${limit} by ${total - limit}`;
}

function table({ rows, bytes, gzipped }, limit) {
  const n = (x) => x.toLocaleString('en-US');
  const w = Math.max(...rows.map((r) => r.file.length), 5);
  const line = (a, b, c) => `${a.padEnd(w)} ${b.padStart(11)} ${c.padStart(11)}`;
  return [
    line('file', 'bytes', 'gzip -9'),
    ...rows.map((r) => line(r.file, n(r.bytes), n(r.gzipped))),
    line('total', n(bytes), n(gzipped)),
    `budget ${n(limit)} bytes gzipped (size-budget.json): ${gzipped <= limit ? `${n(limit - gzipped)} to spare` : `${n(gzipped - limit)} over`}`,
  ].join('\n');
}

test('the whole download, gzipped, is within the size budget', () => {
  const list = precached();
  // A stale list would measure yesterday's files.
  assert.deepEqual(list, precacheManifest(www).files, `${OUTPUT} is stale: run make wasm`);
  assert.ok(list.includes('pkg/article_lens_bg.wasm') && list.includes('index.html'));
  const files = [...list, 'sw.js', OUTPUT];
  const m = measure(files);
  console.log(table(m, budget.gzipped_bytes));
  assert.equal(overBudget(m.gzipped, budget.gzipped_bytes), null);
});

test('the check fails a download over its budget', () => {
  // The same measurement against a budget one byte short of it, so the test
  // above is known to be able to fail.
  const m = measure(['index.html', 'pkg/article_lens_bg.wasm']);
  assert.ok(m.gzipped > 100_000, 'the wasm is measured');
  assert.match(overBudget(m.gzipped, m.gzipped - 1), /over the budget of \d+ by 1$/);
  assert.equal(overBudget(m.gzipped, m.gzipped), null);
});
