// Turns an input into a fixture case, so a bug report becomes a test in a
// minute:  node scripts/add-fixture.mjs NAME FILE [--html]
// Writes tests/fixtures/NAME/input.(txt|html) and an expected.json drafted from
// today's output (metadata, removed blocks, paragraphs, sentences, counts).
// Read the draft, correct what is wrong, and delete what the case is not about.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [name, file, flag] = process.argv.slice(2);
if (!name || !file) {
  console.error('usage: node scripts/add-fixture.mjs NAME FILE [--html]');
  process.exit(2);
}
const html = flag === '--html' || /\.html?$/i.test(file);
const dir = path.join('tests/fixtures', name);
fs.mkdirSync(dir, { recursive: true });
const input = path.join(dir, html ? 'input.html' : 'input.txt');
fs.copyFileSync(file, input);
const out = execFileSync('cargo', ['run', '-q', '--release', '--', 'analyze', html ? '--html' : '--text', input], {
  maxBuffer: 1 << 30,
});
const a = JSON.parse(out);
const units = (s) => a.text.slice(s.start, s.end);
const draft = {
  meta: Object.fromEntries(Object.entries(a.meta).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length))),
  removed: a.removed.map(({ reason, text, block }) => ({ reason, text, block })),
  paragraph_texts: a.paragraphs.map(units),
  sentence_texts: a.sentences.map(units),
  stats: { words: a.stats.words, sentences: a.stats.sentences, paragraphs: a.stats.paragraphs },
};
fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(draft, null, 2) + '\n');
console.log(`wrote ${dir}/expected.json: review it before committing`);
