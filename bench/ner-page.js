// Driven by bench/ner.mjs: window.ner.* are called with page.evaluate. The
// documents' texts are handed over once (load); each tool then runs on every
// text: one untimed pass gives the predicted spans, then, after a warm-up,
// timed passes (bench/page-timing.js). The
// time is text in, predicted spans out (bench/ner-score.js turns each tool's
// output into spans; scoring happens in Node with the same module).
import init, { analyze, analyzeTimed, version } from '../www/pkg/article_lens.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';
import { articleLensSpans, compromiseSpans } from './ner-score.js';
import { comparisonPage } from './page-timing.js';

// Offsets must refer to the text given: analysed as it is, as plain text.
const OPTIONS = { raw: true, kind: 'text' };

await init();
comparisonPage('ner', {
  unit: 'document',
  versions: () => ({ articleLens: version(), compromise: nlp.version }),
  tools: {
    articleLens(t) {
      const a = analyze(t, OPTIONS);
      return { spans: articleLensSpans(a), text: a.text };
    },
    compromise: (t) => ({ spans: compromiseSpans(nlp(t)) }),
  },
  // Node gets { spans, errors, textChanged, ms, passes }.
  collect: ({ outputs, ...rest }) => ({ spans: outputs.map((o) => (o ? o.spans : [])), ...rest }),
  timings: (t) => analyzeTimed(t, OPTIONS).timings,
});
