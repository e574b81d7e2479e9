// The analysis as files people can keep: a Markdown report, and the entities
// and the quotes as CSV. Pure functions of the analysis object (no DOM, no
// download): the page wraps their result in a Blob; the tests call them on a
// crafted analysis.
import {
  num, squash, formatDate, bylineOf, timelineLabel, formatQuantity, QUANTITY_KINDS,
  ENTITY_TYPES, WARNING_KINDS, quoteKind, quoteGroups, quoteInfo, quoteTotals,
} from './format.js';

// ---------- CSV (RFC 4180) ----------

/** A cell that a spreadsheet would run as a formula ("=HYPERLINK(…)",
 *  "+1+1", "-2+3", "@SUM(…)"; a leading tab or carriage return is read the
 *  same way by some) gets a leading apostrophe, which spreadsheets show as
 *  text. Numbers are written as numbers: a negative count is not a formula. */
function neutralise(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One field as RFC 4180 writes it: quoted (with quotes doubled) when it
 *  holds a comma, a quotation mark or a line break. */
function field(value) {
  const s = neutralise(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (arrays of cells) as CSV text: CRLF after every record, as RFC 4180 has it. */
export function csv(rows) {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The quotes attributed to each entity, through the sources that name it. */
function quotesByEntity(a) {
  const counts = new Map();
  for (const s of a.sources || []) {
    if (s.entity !== null && s.entity !== undefined) counts.set(s.entity, (counts.get(s.entity) || 0) + s.quotes);
  }
  return counts;
}

/** Entities as CSV: one row per entity, in the analysis's order. */
export function entitiesCsv(a) {
  const quotes = quotesByEntity(a);
  const typeName = new Map(ENTITY_TYPES.map(([type, , one]) => [type, one]));
  const rows = [['id', 'name', 'type', 'mentions', 'roles', 'aliases', 'quotes', 'first_offset']];
  for (const e of a.entities || []) {
    rows.push([
      e.id, e.name, typeName.get(e.type) || e.type.toLowerCase(), e.count,
      (e.roles || []).join('; '), (e.aliases || []).join('; '),
      quotes.get(e.id) || 0, e.first ? e.first.start : null,
    ]);
  }
  return csv(rows);
}

/** Quotes as CSV: one row per quote, in text order; the speaker as the
 *  analysis resolved it and as the text calls it there. */
export function quotesCsv(a) {
  const rows = [['index', 'kind', 'text', 'speaker', 'speaker_as_written', 'source_kind', 'source_role', 'start', 'end']];
  (a.quotes || []).forEach((q, i) => {
    const info = quoteInfo(a, q);
    rows.push([
      i, q.kind, q.text,
      info.found ? info.who : '',
      q.speaker ? q.speaker.text : '',
      info.source, info.role || '', q.start, q.end,
    ]);
  });
  return csv(rows);
}

// ---------- Markdown ----------

/** Text from the article made inert in Markdown: one line, and the
 *  characters that would start emphasis, a link, code, HTML or a table cell
 *  escaped, so that a renderer shows the words and builds nothing from them. */
export function md(text) {
  return squash(text).replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The analysis as a readable report, in the order of the page's panels:
 *  the header, the summary and key phrases, who is in it, who said what,
 *  the timeline, the numbers, the warnings. */
export function toMarkdown(a) {
  const out = [];
  const m = a.meta || {};
  out.push(`# ${md(m.title || 'Untitled article')}`);
  const line = [bylineOf(m), formatDate(m.published), m.site].filter(Boolean).map(md);
  if (line.length) out.push(`*${line.join(' · ')}*`);
  if (m.url) out.push(`Source: ${md(m.url)}`);
  if (m.description) out.push(`> ${md(m.description)}`);
  const s = a.stats;
  if (s) out.push(`${num(s.words)} words, ${num(s.sentences)} sentences, ${num(s.paragraphs)} paragraphs; about ${num(s.reading_time_minutes)} min to read.`);

  const summary = a.summary || [];
  if (summary.length) {
    out.push('## Summary', summary.map((i) => `- ${md(a.text.slice(a.sentences[i].start, a.sentences[i].end))}`).join('\n'));
  }
  const phrases = a.keyphrases || [];
  if (phrases.length) out.push('## Key phrases', phrases.map((k) => md(k.text)).join(' · '));

  const entities = a.entities || [];
  if (entities.length) {
    out.push('## Who is in it');
    for (const [type, label] of ENTITY_TYPES) {
      const list = entities.filter((e) => e.type === type);
      if (!list.length) continue;
      out.push(`### ${label}`, table(['Name', 'Mentions', 'Roles', 'Also called'],
        list.map((e) => [md(e.name), e.count, md((e.roles || []).join('; ')), md((e.aliases || []).join(', '))])));
    }
  }

  const quotes = a.quotes || [];
  if (quotes.length) {
    out.push('## Who said what');
    const t = quoteTotals(a);
    if (t.sources) {
      const pct = t.words ? Math.round((t.anonWords / t.words) * 100) : 0;
      out.push(`${num(t.said)} quotes from ${num(t.sources)} sources (${num(t.anonymous)} anonymous); ${pct}% of the quoted words from anonymous sources.`);
    }
    const groups = quoteGroups(a);
    const quoteLine = (i) => `- ${md(quotes[i].text)} (${quoteKind(quotes[i].kind)[1]})`;
    for (const src of a.sources || []) {
      const list = groups.get(String(src.id)) || [];
      if (!list.length) continue;
      const role = src.role ? ` — ${md(src.role)}` : '';
      out.push(`### ${md(src.name)} (${src.kind})${role}`, list.map(quoteLine).join('\n'));
    }
    if (groups.has('none')) out.push('### No speaker found', groups.get('none').map(quoteLine).join('\n'));
    if (groups.has('scare')) out.push('### Scare quotes', groups.get('scare').map((i) => `- ${md(quotes[i].text)}`).join('\n'));
  }

  const timeline = a.timeline || [];
  if (timeline.length) {
    out.push('## Timeline', timeline.map((e) => {
      const time = a.times[e.time];
      const sentence = a.sentences[e.sentence];
      const said = sentence ? `: ${md(a.text.slice(sentence.start, sentence.end))}` : '';
      return `- **${md(timelineLabel(e))}** (“${md(time.text)}”)${said}`;
    }).join('\n'));
  }

  const quantities = a.quantities || [];
  if (quantities.length) {
    out.push('## Numbers', table(['Amount', 'Of what', 'As written', 'Kind'],
      quantities.map((q) => [md(formatQuantity(q)), md(q.counted || ''), md(q.text), QUANTITY_KINDS[q.kind] || md(q.kind)])));
  }

  const warnings = a.warnings || [];
  if (warnings.length) {
    out.push('## Warnings', warnings.map((w) => `- **${md(WARNING_KINDS[w.kind] || w.kind)}**: ${md(w.message)}`).join('\n'));
  }
  out.push('---', `*Made by article-lens on this device (analysis format ${a.format}).*`);
  return `${out.join('\n\n')}\n`;
}
