// The inputs of bench/browser.mjs, read from the development corpus when it is
// there and from the project's own fixtures (tests/fixtures) when it is not;
// each function says which it used in `source`.
//
// - extractionPages(): the pages bench/extract.mjs uses (Readability's 130
//   test pages, trafilatura's 495), decoded by the same rules (bench/decode.mjs);
// - nlpTexts(): PolNeAR's development texts (the quotes bench's);
// - textPool(): many different article texts (PolNeAR train + dev, KPCrowd,
//   TimeBank + AQUAINT's TEXT elements), shuffled with a fixed seed, for
//   inputs of 1 KB to 10 MB built by concatenating different articles
//   (scaledText()).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { root } from '../tests/e2e/helpers.mjs';
import { decode } from './decode.mjs';

const fixtures = path.join(root, 'tests/fixtures');
const rel = (p) => path.relative(root, p);

/** The fixtures' inputs whose name ends with `ext`: [{ name, text }]. */
function fixtureInputs(ext) {
  return fs
    .readdirSync(fixtures)
    .sort()
    .filter((d) => fs.existsSync(path.join(fixtures, d, 'input' + ext)))
    .map((d) => ({ name: d, text: fs.readFileSync(path.join(fixtures, d, 'input' + ext), 'utf8') }));
}

const gunzip = (file) => {
  try {
    return zlib.gunzipSync(fs.readFileSync(file));
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------- inputs

/** The seed article: { text, source }. */
export function seed(corpus) {
  const p = path.join(corpus, 'seed-article.txt');
  if (fs.existsSync(p)) return { text: fs.readFileSync(p, 'utf8'), source: rel(p) };
  const own = path.join(fixtures, 'seed-like/input.txt');
  return { text: fs.readFileSync(own, 'utf8'), source: `${rel(own)} (the corpus seed article is absent)` };
}

/** Extraction pages: { pages: [{ name, html }], source }. */
export function extractionPages(corpus) {
  const dir = path.join(corpus, 'extraction');
  const pages = [];
  const rb = path.join(dir, 'readability');
  if (fs.existsSync(rb)) {
    for (const name of fs.readdirSync(rb).sort()) {
      const bytes = gunzip(path.join(rb, name, 'source.html.gz'));
      if (bytes) pages.push({ name: `readability/${name}`, html: decode(bytes).text });
    }
  }
  const n = pages.length;
  try {
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'trafilatura/evaldata.json'), 'utf8'));
    for (const key of Object.keys(data).sort()) {
      const file = data[key]?.file;
      if (typeof file !== 'string') continue;
      const bytes = gunzip(path.join(dir, 'trafilatura/html', `${file}.gz`));
      if (bytes) pages.push({ name: `trafilatura/${key}`, html: decode(bytes).text });
    }
  } catch {
    // absent: the Readability pages alone, or the fixtures
  }
  if (pages.length) return { pages, source: `${rel(dir)}: Readability's test pages (${n}) and trafilatura's (${pages.length - n}), as bench/extract.mjs reads them` };
  const own = fixtureInputs('.html').map(({ name, text }) => ({ name, html: text }));
  return { pages: own, source: `the project's HTML fixtures (${own.map((p) => p.name).join(', ')}): the corpus's extraction pages are absent (${rel(dir)})` };
}

/** Texts for the NLP comparison: { texts, source }. */
export function nlpTexts(corpus) {
  const dir = path.join(corpus, 'quotes/polnear/dev/text');
  if (fs.existsSync(dir)) {
    const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    if (texts.length) return { texts, source: `PolNeAR dev (${rel(dir)})` };
  }
  const own = fixtureInputs('.txt');
  return { texts: own.map((t) => t.text), source: `the project's text fixtures (${own.map((t) => t.name).join(', ')}): PolNeAR is absent (${rel(dir)})` };
}

/** A deterministic shuffle (mulberry32). */
function shuffle(xs, seedValue = 20261127) {
  let s = seedValue >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const readTexts = (dir, ext) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : []);

/** The text of a TimeML file's TEXT element, tags removed, entities decoded. */
function timemlText(xml) {
  const m = xml.match(/<TEXT>([\s\S]*?)<\/TEXT>/);
  if (!m) return '';
  return m[1]
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e])
    .trim();
}

/** Different article texts: { texts, source, bytes }. */
export function textPool(corpus) {
  const sets = [];
  for (const split of ['dev', 'train']) sets.push(['PolNeAR ' + split, readTexts(path.join(corpus, 'quotes/polnear', split, 'text'), '.txt')]);
  sets.push(['KPCrowd', readTexts(path.join(corpus, 'keyphrases/kpcrowd/docs'), '.txt')]);
  const tbaq = [];
  for (const sub of ['TimeBank', 'AQUAINT']) tbaq.push(...readTexts(path.join(corpus, 'time/tbaq', sub), '.tml').map(timemlText));
  sets.push(['TimeBank + AQUAINT', tbaq]);
  let texts = sets.flatMap(([, t]) => t).map((t) => t.trim()).filter((t) => t.length > 200);
  let source;
  if (texts.length) {
    source = sets.filter(([, t]) => t.length).map(([n, t]) => `${n} ${t.length}`).join(', ');
  } else {
    texts = fixtureInputs('.txt').map((t) => t.text.trim());
    source = `the project's text fixtures, the corpus's texts being absent`;
  }
  texts = shuffle(texts);
  return { texts, source, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t) + 2, 0) };
}

/**
 * `size` bytes (or a little less) of the pool's articles joined by blank
 * lines, in the pool's order, going round again when the pool is shorter;
 * cut at a paragraph break, else at a space, never inside a character.
 * Returns { text, rounds } (how many times the pool was gone through, 1 when
 * no article is repeated).
 */
export function scaledText(pool, size) {
  const parts = [];
  let bytes = 0;
  let i = 0;
  while (bytes < size) {
    const t = pool[i % pool.length];
    parts.push(t);
    bytes += Buffer.byteLength(t) + 2;
    i++;
  }
  const buf = Buffer.from(parts.join('\n\n'));
  let cut = buf.subarray(0, size).toString('utf8');
  if (cut.endsWith('\ufffd')) cut = cut.slice(0, -1); // a character cut in half
  const para = cut.lastIndexOf('\n\n');
  const space = cut.lastIndexOf(' ');
  if (para > size * 0.7) cut = cut.slice(0, para);
  else if (space > 0) cut = cut.slice(0, space);
  return { text: cut, rounds: Math.ceil(i / pool.length) };
}
