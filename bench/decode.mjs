// Bytes of a saved page to text, by the rules of src/encoding.rs, for the
// benches that read the corpus's HTML pages (bench/extract.mjs, bench/pages.mjs).

// The rules of src/encoding.rs: a BOM decides; bytes that are valid UTF-8 are
// UTF-8; else the charset declared in a <meta> within the first 4 KB (WHATWG
// labels: TextDecoder has the same table as encoding_rs); else UTF-8 with
// replacement characters.

const PRESCAN_BYTES = 4096;
// WHATWG labels of the "replacement" encoding: TextDecoder refuses them, and
// encoding_rs' output_encoding() turns them into UTF-8.
const REPLACEMENT_LABELS = new Set(['csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', 'iso-2022-kr', 'replacement']);

/** The WHATWG encoding name for a label, 'UTF-8' for labels that mean it on output, or null. */
function encodingForLabel(label) {
  const l = label.trim().toLowerCase();
  if (!l) return null;
  if (REPLACEMENT_LABELS.has(l)) return 'utf-8';
  try {
    const enc = new TextDecoder(l).encoding;
    // A page cannot declare itself UTF-16 in its own ASCII bytes.
    return enc === 'utf-16le' || enc === 'utf-16be' ? 'utf-8' : enc;
  } catch {
    return null;
  }
}

function indexOf(hay, needle, from = 0) {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const bytesOf = (s) => Buffer.from(s, 'latin1');
const isSpace = (b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;

/** `<meta charset>` / `<meta http-equiv content="...charset=">`, as meta_charset() in src/encoding.rs. */
function metaCharset(head) {
  const lower = Buffer.from(head).map((b) => (b >= 0x41 && b <= 0x5a ? b + 32 : b));
  const META = bytesOf('<meta');
  const CHARSET = bytesOf('charset');
  let from = 0;
  for (;;) {
    const start = indexOf(lower, META, from);
    if (start < 0) return null;
    let end = lower.indexOf(0x3e, start); // '>'
    if (end < 0) end = lower.length;
    const tag = lower.subarray(start, end);
    const c = indexOf(tag, CHARSET);
    if (c >= 0) {
      let i = c + CHARSET.length;
      while (i < tag.length && isSpace(tag[i])) i++;
      if (tag[i] === 0x3d) {
        // '='
        i++;
        while (i < tag.length && (isSpace(tag[i]) || tag[i] === 0x22 || tag[i] === 0x27)) i++;
        let j = i;
        while (j < tag.length && !(isSpace(tag[j]) || [0x22, 0x27, 0x3b, 0x2f].includes(tag[j]))) j++;
        const enc = encodingForLabel(Buffer.from(tag.subarray(i, j)).toString('latin1'));
        if (enc) return enc;
      }
    }
    from = Math.max(end, start + 1);
  }
}

/** Bytes to text: { text, encoding }. */
export function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const declared = metaCharset(bytes.subarray(0, PRESCAN_BYTES));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not valid UTF-8
  }
  if (declared && declared !== 'utf-8') return { text: new TextDecoder(declared, { ignoreBOM: true }).decode(bytes), encoding: declared };
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8 (invalid bytes replaced)' };
}
