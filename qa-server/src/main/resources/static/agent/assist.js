/* The right column: suggested answers for the open conversation and the agent's canned replies. */
import { $, el, button, clear } from './dom.js';
import { state } from './state.js';
import { send } from './socket.js';
import { insertIntoReply } from './reply.js';

export function renderSuggestions() {
  const list = $('suggestions');
  clear(list);
  const items = (state.current && state.suggestions[state.current]) || [];
  for (const s of items) {
    const b = button('suggestion', null, () => insertIntoReply(s.answer || ''), '使用推荐答案：' + (s.question || ''));
    b.dataset.id = s.id || '';
    const head = el('span', 'suggestion-head');
    head.appendChild(el('span', 'suggestion-question', s.question || ''));
    if (typeof s.score === 'number') head.appendChild(el('span', 'suggestion-score', Math.round(s.score * 100) + '%'));
    b.appendChild(head);
    b.appendChild(el('span', 'suggestion-answer', s.answer || ''));
    list.appendChild(listItem(b));
  }
  $('suggestions-empty').hidden = items.length > 0;
  $('suggestions-empty').textContent = state.current ? '暂无推荐答案。' : '打开会话后显示推荐答案，点击放入回复框。';
}

// 查找: suggestions for the text typed here, or by default for the customer's latest message
$('suggest-form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!state.current) return;
  const text = $('suggest-text').value.trim();
  const f = { type: 'suggest', conversation: state.current, ref: 'suggest' };
  if (text) f.text = text;
  send(f);
});

export function renderCanned() {
  const list = $('canned');
  clear(list);
  for (const text of (state.me && state.me.canned) || []) {
    list.appendChild(listItem(button('canned', text, () => insertIntoReply(text), '插入常用语：' + text)));
  }
}

function listItem(child) {
  const li = el('li');
  li.appendChild(child);
  return li;
}
