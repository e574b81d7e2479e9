// Building the page's elements. Everything from the input goes in as text:
// children that are strings become text nodes, never HTML.

/** An element with properties, attributes and children: `class`,
 *  `dataset`, `on…` listeners, `aria-…` attributes, other keys as
 *  properties (hidden, title, tabIndex, ariaPressed…). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k.startsWith('aria-')) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c !== null && c !== undefined) node.append(c); // strings become text nodes
  }
  return node;
}

/**
 * Fills `container` with an element per item, the first `cap` of them only:
 * an article with thousands of names or numbers would otherwise cost the
 * page seconds of layout for lists nobody reads to the end. The rest come
 * with a "show all" button, drawn in one go when asked for (the button is
 * replaced by them, and the focus moves to the first new one, so a keyboard
 * user goes on where they were).
 *
 * `wrap(button)` makes the row holding the button (an <li>, a <tr>…).
 */
export function fillCapped(container, items, cap, make, { what = 'items', wrap = (b) => el('li', { class: 'more' }, b) } = {}) {
  const frag = document.createDocumentFragment();
  items.slice(0, cap).forEach((item, i) => frag.append(make(item, i)));
  if (items.length > cap) {
    const button = el('button', { type: 'button', class: 'link show-all' }, `Show all ${new Intl.NumberFormat('en').format(items.length)} ${what}`);
    const row = wrap(button);
    button.addEventListener('click', () => {
      const rest = document.createDocumentFragment();
      const made = items.slice(cap).map((item, i) => make(item, cap + i));
      rest.append(...made);
      row.replaceWith(rest);
      const first = made[0] && (made[0].matches('button, [tabindex]') ? made[0] : made[0].querySelector('button, [tabindex]'));
      if (first) first.focus();
    });
    frag.append(row);
  }
  container.replaceChildren(frag);
}
