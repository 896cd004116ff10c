/*
 * Small DOM helpers for the console's modules. Every text reaches the page through textContent, never innerHTML.
 * widget.js keeps its own copy of el and button: it is embedded by one tag on other sites' pages and imports nothing.
 */

export function $(id) { return document.getElementById(id); }

/** The elements that match a selector, as an array. */
export function all(selector) { return Array.from(document.querySelectorAll(selector)); }

export function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = String(text);
  return node;
}

export function button(cls, text, onClick, label) {
  const b = el('button', cls, text);
  b.type = 'button';
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

export function option(value, text) {
  const o = el('option', null, text);
  o.value = value;
  return o;
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

export function scrollToEnd(node) { node.scrollTop = node.scrollHeight; }

export function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&'); }

export function cookie(name) {
  for (const part of document.cookie ? document.cookie.split('; ') : []) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return '';
}

export function newId() {
  return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
    : Date.now().toString(36) + Math.random().toString(36).slice(2);
}
