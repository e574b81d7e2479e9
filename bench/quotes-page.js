// Driven by bench/quotes.mjs: window.quotes.* are called with page.evaluate.
// The articles' texts are handed over once (load); each tool then runs on
// every text: one untimed pass gives the predicted quotes, then, after a
// warm-up, timed passes (bench/page-timing.js). The time is text in,
// predicted quotes out (bench/quotes-score.js turns each tool's output into
// quotes; scoring happens in Node with the same module).
import init, { analyze, analyzeTimed, version } from '../www/pkg/article_lens.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';
import { articleLensQuotes, compromiseQuotes } from './quotes-score.js';
import { comparisonPage } from './page-timing.js';

// Offsets must refer to the text given: analysed as it is, as plain text.
const OPTIONS = { raw: true, kind: 'text' };

await init();
comparisonPage('quotes', {
  unit: 'article',
  versions: () => ({ articleLens: version(), compromise: nlp.version }),
  tools: {
    // scare: how many scare quotes, which are not scored.
    articleLens(t) {
      const a = analyze(t, OPTIONS);
      return { quotes: articleLensQuotes(a), text: a.text, scare: (a.quotes || []).filter((q) => q.kind === 'scare').length };
    },
    compromise: (t) => ({ quotes: compromiseQuotes(nlp(t)) }),
  },
  // Node gets { quotes, scare (summed over the articles), errors, textChanged, ms, passes }.
  collect: ({ outputs, ...rest }) => ({
    quotes: outputs.map((o) => (o ? o.quotes : [])),
    scare: outputs.reduce((n, o) => n + ((o && o.scare) || 0), 0),
    ...rest,
  }),
  timings: (t) => analyzeTimed(t, OPTIONS).timings,
});
