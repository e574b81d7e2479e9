// Exports in real headless Chromium: the Markdown report (download and
// clipboard), the entities and the quotes as CSV, each caught as the
// browser saves it and checked against the analysis the page drew; and
// export.js called in the page with a crafted analysis: RFC 4180 quoting,
// spreadsheet formulas neutralised, Markdown made inert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageSuite, paste, waitDone, fixture, analysisOf, downloaded, showPanel } from './helpers.mjs';

const suite = pageSuite();

/** RFC 4180 CSV to rows of strings (quoted fields, doubled quotes, line
 *  breaks inside quotes); fails on anything else, so the test checks the
 *  format as well as the content. */
function parseCsv(text) {
  assert.ok(text.endsWith('\r\n'), 'every record ends with CRLF');
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'a quoted field is closed');
        value += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') { value += '"'; i++; } else break;
      }
    } else {
      const m = /[,\r]/g;
      m.lastIndex = i;
      const found = m.exec(text);
      const end = found ? found.index : text.length;
      value = text.slice(i, end);
      assert.ok(!value.includes('"') && !value.includes('\n'), `an unquoted field holds no quote or line break: ${value}`);
      i = end;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', `a record ends with CRLF at ${i}`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  const width = rows[0].length;
  rows.forEach((r, n) => assert.equal(r.length, width, `row ${n} has ${width} fields`));
  return rows;
}

async function analysed() {
  const { context, page, problems } = await suite.open();
  await paste(page, { 'text/plain': fixture('seed-like', 'input.txt') });
  assert.equal(await waitDone(page), 'done');
  return { context, page, problems, a: await analysisOf(page) };
}

test('the Markdown report: title, summary, entities, quotes by speaker, timeline, numbers, warnings', async () => {
  const { context, page, problems, a } = await analysed();
  const { name, text } = await downloaded(page, '#download-markdown');
  assert.match(name, /^germany-and-poland.*\.report\.md$/);
  const lines = text.split('\n');
  assert.equal(lines[0], `# ${a.meta.title}`);
  for (const heading of ['## Summary', '## Key phrases', '## Who is in it', '### People', '### Places', '## Who said what', '## Timeline', '## Numbers', '## Warnings']) {
    assert.ok(lines.includes(heading), heading);
  }
  // Every source with a quote is a heading, with its kind; its quotes under it.
  for (const s of a.sources) {
    assert.ok(lines.some((l) => l.startsWith(`### ${s.name} (${s.kind})`)), s.name);
  }
  const nowak = a.sources.find((s) => s.name === 'Anna Nowak');
  const under = lines.slice(lines.findIndex((l) => l.startsWith('### Anna Nowak')) + 2);
  const first = a.quotes.find((q) => q.source_id === nowak.id);
  assert.equal(under[0], `- ${first.text} (${first.kind === 'indirect' ? 'reported' : first.kind})`);
  // Each entity in its table with its mentions.
  for (const e of a.entities) assert.ok(lines.some((l) => l.startsWith(`| ${e.name} | ${e.count} |`)), e.name);
  // The summary's sentences, each timeline entry and each warning.
  for (const i of a.summary) assert.ok(lines.includes(`- ${a.text.slice(a.sentences[i].start, a.sentences[i].end)}`));
  assert.equal(lines.filter((l) => /^- \*\*.+\*\* \(“/.test(l)).length, a.timeline.length);
  for (const w of a.warnings) assert.ok(text.includes(w.message), w.message);
  assert.equal(lines.filter((l) => l.startsWith('| ') && !l.startsWith('| Amount') && !l.startsWith('| Name') && !l.startsWith('| ---')).length,
    a.entities.length + a.quantities.length);

  // Copy puts the same text on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await showPanel(page, 'export');
  await page.click('#copy-markdown');
  await page.waitForFunction(() => /copied/.test(document.getElementById('status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the entities as CSV: a header, one row per entity with its mentions and roles', async () => {
  const { context, page, problems, a } = await analysed();
  const { name, text } = await downloaded(page, '#download-entities-csv');
  assert.match(name, /\.entities\.csv$/);
  // A byte order mark, so that spreadsheets read it as UTF-8.
  assert.equal(text[0], '\ufeff');
  const [head, ...rows] = parseCsv(text.slice(1));
  assert.deepEqual(head, ['id', 'name', 'type', 'mentions', 'roles', 'aliases', 'quotes', 'first_offset']);
  assert.equal(rows.length, a.entities.length);
  const types = { PERSON: 'person', ORG: 'organisation', PLACE: 'place', GROUP: 'group' };
  rows.forEach((r, i) => {
    const e = a.entities[i];
    assert.deepEqual(r.slice(0, 6), [String(e.id), e.name, types[e.type], String(e.count), e.roles.join('; '), e.aliases.join('; ')]);
    assert.equal(r[7], String(e.mentions[0].start));
  });
  // Quotes counted through the sources that name the entity.
  const scholz = a.entities.find((e) => e.name === 'Olaf Scholz');
  const said = a.sources.filter((s) => s.entity === scholz.id).reduce((n, s) => n + s.quotes, 0);
  assert.ok(said > 0);
  assert.equal(rows.find((r) => r[1] === 'Olaf Scholz')[6], String(said));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the quotes as CSV: one row per quote, with its kind, speaker and kind of source', async () => {
  const { context, page, problems, a } = await analysed();
  const { name, text } = await downloaded(page, '#download-quotes-csv');
  assert.match(name, /\.quotes\.csv$/);
  const [head, ...rows] = parseCsv(text.slice(1));
  assert.deepEqual(head, ['index', 'kind', 'text', 'speaker', 'speaker_as_written', 'source_kind', 'source_role', 'start', 'end']);
  assert.equal(rows.length, a.quotes.length);
  rows.forEach((r, i) => {
    const q = a.quotes[i];
    assert.deepEqual([r[0], r[1], r[2], r[7], r[8]], [String(i), q.kind, q.text, String(q.start), String(q.end)]);
    assert.equal(r[4], q.speaker ? q.speaker.text : '');
    if (q.kind === 'scare') assert.equal(r[5], 'scare');
    else if (q.source_id !== null) {
      const s = a.sources[q.source_id];
      assert.deepEqual([r[3], r[5], r[6]], [s.name, s.kind, s.role || '']);
    }
  });
  // A quotation with a comma in it survives the trip.
  assert.ok(rows.some((r) => r[2].includes(',')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('export.js on a crafted analysis: RFC 4180 quoting, formulas neutralised, Markdown inert', async () => {
  const { context, page, problems } = await suite.open();
  const text = '=HYPERLINK("http://evil.example","x") said +1 and -2, @SUM(A1). "Quoted, with a\nbreak" *bold* <b>x</b> [a](javascript:alert(1)) | pipe';
  const out = await page.evaluate(async (text) => {
    const { entitiesCsv, quotesCsv, toMarkdown, csv } = await import('./export.js');
    const span = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const a = {
      format: 1,
      text,
      meta: { title: 'A *title* with <script>alert(1)</script>', byline: null, authors: ['=cmd|x'], published: '2024-02-27T09:30:00Z', site: 'Site | Name', url: null, description: null },
      stats: { words: 20, sentences: 2, paragraphs: 1, reading_time_minutes: 1 },
      sentences: [{ start: 0, end: text.length }],
      paragraphs: [{ start: 0, end: text.length }],
      entities: [
        { id: 0, type: 'PERSON', name: '=HYPERLINK("http://evil.example","x")', count: 2, first: span('=HYPERLINK'), mentions: [span('=HYPERLINK')], roles: ['+1 chief, "acting"'], aliases: ['@boss'] },
        { id: 1, type: 'ORG', name: '-2 Corp', count: 1, first: span('-2'), mentions: [span('-2')], roles: [], aliases: [] },
        { id: 2, type: 'PLACE', name: 'Plain Town', count: 1, first: span('SUM'), mentions: [span('SUM')], roles: [], aliases: [] },
      ],
      sources: [{ id: 0, name: '=HYPERLINK("http://evil.example","x")', kind: 'named', entity: 0, role: '+1 chief', quotes: 1, direct: 1, words: 3 }],
      quotes: [{ ...span('"Quoted, with a\nbreak"'), text: '"Quoted, with a\nbreak"', kind: 'direct', content: span('Quoted, with a\nbreak'), speaker: { ...span('=HYPERLINK("http://evil.example","x")'), text: '=HYPERLINK("http://evil.example","x")' }, entity: 0, source: 'named', source_id: 0 }],
      times: [], timeline: [], quantities: [{ ...span('-2'), text: '-2', kind: 'number', value: -2, low: null, high: null, unit: null, qualifier: null, counted: '*stars*' }],
      keyphrases: [{ text: '[a](javascript:alert(1))', score: 1 }], summary: [0], warnings: [], removed: [], notices: [], images: [],
    };
    return { entities: entitiesCsv(a), quotes: quotesCsv(a), md: toMarkdown(a), plain: csv([['a', 'b,c', 'd"e', 'f\r\ng', -3, '-3', '', null]]) };
  }, text);
  // RFC 4180: commas, quotes and line breaks quoted, quotes doubled, CRLF.
  assert.equal(out.plain, 'a,"b,c","d""e","f\r\ng",-3,\'-3,,\r\n');
  const entities = parseCsv(out.entities);
  assert.deepEqual(entities[1], ['0', '\'=HYPERLINK("http://evil.example","x")', 'person', '2', '\'+1 chief, "acting"', '\'@boss', '1', '0']);
  assert.equal(entities[2][1], "'-2 Corp");
  assert.equal(entities[3][1], 'Plain Town');
  // No cell of either file starts with a character a spreadsheet runs.
  const quotes = parseCsv(out.quotes);
  for (const row of [...entities, ...quotes]) {
    for (const cell of row) assert.doesNotMatch(cell, /^[=+@]|^-(?!\d+$)/, cell);
  }
  assert.equal(quotes[1][2], '"Quoted, with a\nbreak"');
  assert.equal(quotes[1][3], '\'=HYPERLINK("http://evil.example","x")');
  // Markdown: the article's words are escaped, so a renderer builds no
  // emphasis, link, HTML or table cell from them.
  assert.match(out.md, /^# A \\\*title\\\* with \\<script\\>alert\(1\)\\<\/script\\>\n/);
  assert.match(out.md, /\*By =cmd\\\|x · 27 February 2024, 09:30 · Site \\\| Name\*/);
  assert.match(out.md, /\\\[a\\\]\(javascript:alert\(1\)\)/);
  assert.doesNotMatch(out.md, /(?<!\\)<script>|(?<!\\)<b>|(?<!\\)\]\(javascript/);
  assert.match(out.md, /\| -2 \| \\\*stars\\\* \| -2 \| count \|/);
  assert.deepEqual(problems, []);
  await context.close();
});
