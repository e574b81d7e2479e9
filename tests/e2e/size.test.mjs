// The size budget (issue 9): every file the page and the embed download,
// each gzipped at zlib level 9 (what a server sends), summed, must stay
// within size-budget.json. The files are the service worker's list
// (www/pkg/precache.js, written by scripts/precache.mjs from a walk of www/),
// which is every asset of the page and the embed, plus the two files the
// browser fetches beside it: sw.js and the list itself. Prints a breakdown,
// largest first, and the wasm module's code and data apart (docs/BENCHMARKS.md,
// "Size", says what is in each). Needs `make wasm` first (make test runs it);
// no browser, no corpus.
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

/** The sections of a wasm module: [{ id, name, bytes }] in file order. */
export function wasmSections(buf) {
  assert.equal(buf.readUInt32LE(0), 0x6d736100, 'a wasm module starts with \\0asm');
  const leb = (at) => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[at++];
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return [v, at];
    }
  };
  const names = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  const out = [];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, body] = leb(at + 1);
    out.push({ id, name: names[id] ?? `section ${id}`, bytes: buf.subarray(body, body + size) });
    at = body + size;
  }
  assert.equal(at, buf.length, 'the sections end where the file does');
  return out;
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
  const wasm = wasmSections(fs.readFileSync(path.join(www, 'pkg/article_lens_bg.wasm')));
  const part = (names) => Buffer.concat(wasm.filter((s) => names.includes(s.name)).map((s) => s.bytes));
  const code = part(['code']);
  const data = part(['data']);
  const gz = (b) => zlib.gzipSync(b, { level: 9 }).length.toLocaleString('en-US');
  console.log(`wasm code section ${code.length.toLocaleString('en-US')} bytes (${gz(code)} gzipped alone), `
    + `data section ${data.length.toLocaleString('en-US')} bytes (${gz(data)} gzipped alone)`);
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
