// The demonstration on embed.html: shows the source of demo() (the code that
// runs, not a copy of it) with its output, the element's analysis event, and
// checkboxes for the element's layers.
import { analyze, LAYERS } from './article-lens.js';

async function demo(output) {
  const a = await analyze('Talks resume in Geneva\n\nOn Monday, Foreign Minister Annalena Baerbock said talks would resume in Geneva on 12 March. “We are not there yet,” she said.', { date: '2024-03-04' });
  const people = a.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
  const dates = a.timeline.map((t) => `${a.times[t.time].text} → ${t.from}`);
  output.textContent = [
    `Title:   ${a.meta.title}`,
    `Words:   ${a.stats.words}`,
    `People:  ${people.join(', ')}`,
    `Places:  ${a.entities.filter((e) => e.type === 'PLACE').map((e) => e.name).join(', ')}`,
    `Dates:   ${dates.join('; ')}`,
    `Quotes:  ${a.quotes.map((q) => `${q.text} (${a.sources[q.source_id]?.name ?? 'no source'})`).join('; ')}`,
  ].join('\n');
}

const output = document.getElementById('api-output');
document.getElementById('api-code').textContent = `import { analyze } from './article-lens.js';\n\n${demo.toString()}`;
demo(output).catch((err) => {
  output.textContent = `analyze() failed (${err.kind}): ${err.message}`;
});

const lens = document.getElementById('demo-lens');
const said = document.getElementById('lens-event');
lens.addEventListener('analysis', (event) => {
  const { analysis, ms } = event.detail;
  said.textContent = `analysis event: ${analysis.stats.words} words, ${analysis.entities.length} entities, ${analysis.quotes.length} quotes, in ${Math.round(ms)} ms.`;
});
lens.addEventListener('analysis-error', (event) => {
  said.textContent = `analysis-error event: ${event.detail.kind}: ${event.detail.message}`;
});

// One checkbox a layer, each setting the element's layers attribute.
const choice = document.getElementById('layer-choice');
const chosen = () => new Set((lens.getAttribute('layers') ?? LAYERS.join(' ')).split(/\s+/).filter(Boolean));
for (const layer of LAYERS) {
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: chosen().has(layer), value: layer });
  box.addEventListener('change', () => {
    const next = chosen();
    if (box.checked) next.add(layer);
    else next.delete(layer);
    lens.setAttribute('layers', LAYERS.filter((l) => next.has(l)).join(' '));
  });
  const label = document.createElement('label');
  label.append(box, ` ${layer}`);
  choice.append(label);
}
