// Tiny DOM helpers: build elements from data, never from HTML strings (no innerHTML anywhere).

/**
 * h('a', { href: '/', class: 'x', onclick: fn }, 'text', child, [more]) -> HTMLAnchorElement
 * Attributes: `class`, `text`, `on<event>` (listener), boolean true sets an empty attribute,
 * false/null/undefined omit it. Children: strings, nodes, arrays, null/false (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'value' && 'value' in el) el.value = String(v);
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false || c === '') continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Replaces el's children. */
export function fill(el, ...children) {
  return append(clear(el), children);
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/**
 * Renders a highlight fragment safely: the API marks matches with <em>…</em>; everything else is
 * text. Returns nodes: text and <mark> elements.
 */
export function highlightNodes(fragment) {
  const out = [];
  const re = /<em>(.*?)<\/em>/gs;
  let last = 0;
  for (const m of String(fragment).matchAll(re)) {
    if (m.index > last) out.push(stripTags(fragment.slice(last, m.index)));
    out.push(h('mark', null, stripTags(m[1])));
    last = m.index + m[0].length;
  }
  if (last < fragment.length) out.push(stripTags(fragment.slice(last)));
  return out;
}

function stripTags(s) {
  return s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Announces a short message to screen readers through the page's polite live region. */
export function announce(message) {
  const el = document.getElementById('announcer');
  if (!el) return;
  el.textContent = '';
  // A new text node on the next frame makes repeated identical messages heard again.
  requestAnimationFrame(() => {
    el.textContent = message;
  });
}
