/*
 * The small safe markup the chat widget renders (widget.js keeps its own copy: it is embedded on other sites and
 * imports nothing): paragraphs, "- " and "1. " lists, [text](https://...) links. Text only through text nodes.
 */
import { el } from '../agent/dom.js';

function inline(parent, text) {
  const link = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;
  let last = 0, m;
  while ((m = link.exec(text)) !== null) {
    parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    const a = el('a', null, m[1]);
    a.href = m[2];
    a.target = '_blank';
    a.rel = 'noopener noreferrer nofollow';
    parent.appendChild(a);
    last = link.lastIndex;
  }
  parent.appendChild(document.createTextNode(text.slice(last)));
}

export function markup(text) {
  const frag = document.createDocumentFragment();
  let list = null, para = null;
  String(text || '').replace(/\r\n?/g, '\n').split('\n').forEach((raw) => {
    const line = raw.trim(), bullet = /^[-•]\s+(.*)$/.exec(line), num = /^\d+[.、]\s*(.*)$/.exec(line);
    if (!line) { list = null; para = null; return; }
    if (bullet || num) {
      const tag = bullet ? 'UL' : 'OL';
      if (!list || list.tagName !== tag) { list = el(tag.toLowerCase()); frag.appendChild(list); }
      para = null;
      const li = el('li');
      inline(li, (bullet || num)[1]);
      list.appendChild(li);
      return;
    }
    list = null;
    if (para) para.appendChild(el('br')); else { para = el('p'); frag.appendChild(para); }
    inline(para, line);
  });
  return frag;
}
