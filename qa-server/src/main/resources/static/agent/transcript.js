/* The open conversation's transcript: messages in order, internal notes among them, replies on their way last. */
import { $, el, clear, cssEscape, scrollToEnd } from './dom.js';
import { SENDER_NAMES, KIND_NAMES, time } from './names.js';
import { state, isMe } from './state.js';
import { waiting } from './replies.js';

const EMPTY = '从左侧选择一个会话，或接入排队中的客户。';

/** The whole transcript: messages by number, notes placed by time among them. */
export function renderTranscript() {
  const t = $('transcript');
  clear(t);
  const c = state.current && state.conversations[state.current];
  if (!c) { t.appendChild(el('p', 'empty', EMPTY)); return; }
  if (!c.loaded) return;
  const items = Object.values(c.messages).map((m) => ({ m })).sort((a, b) => a.m.seq - b.m.seq);
  for (const n of c.notes) {
    const at = Date.parse(n.at);
    let i = items.length;
    while (i > 0 && items[i - 1].m && Date.parse(items[i - 1].m.at) > at) i--;
    items.splice(i, 0, { n });
  }
  for (const it of items) t.appendChild(it.m ? messageNode(it.m) : noteNode(it.n));
  for (const p of waiting(c.id)) t.appendChild(pendingNode(p.id, p.text, p.failed));
  if (!items.length) t.appendChild(el('p', 'empty', '暂无消息'));
  scrollToEnd(t);
}

/** Says the transcript is on its way, until it comes. */
export function showLoading() {
  const t = $('transcript');
  clear(t);
  t.appendChild(el('p', 'empty', '正在加载会话记录…'));
}

/** One transcript row: who and when (or its state) above the text. */
function row(cls, who, aside, text) {
  const r = el('div', 'msg ' + cls);
  const meta = el('div', 'msg-meta');
  meta.appendChild(el('span', 'msg-who', who));
  meta.appendChild(aside);
  r.appendChild(meta);
  r.appendChild(el('div', 'msg-text', text || ''));
  return r;
}

export function messageNode(m) {
  const from = SENDER_NAMES[m.from] ? m.from : 'system';
  let who = SENDER_NAMES[from];
  if (from === 'agent' && m.agent) who += ' ' + (isMe(m.agent) ? '（我）' : m.agent);
  if (from === 'bot' && m.kind) who += ' · ' + (KIND_NAMES[m.kind] || m.kind);
  const r = row('msg-' + from, who, el('time', 'msg-time', time(m.at)), m.text);
  r.dataset.seq = m.seq;
  if (m.kind) r.dataset.kind = m.kind;
  if (m.decision) r.appendChild(decisionNode(m.decision));
  return r;
}

/** What the bot decided on a customer's message, for the agent only. */
function decisionNode(d) {
  const parts = ['机器人判断：' + (KIND_NAMES[d.kind] || d.kind || '')];
  if (d.question) parts.push('匹配「' + d.question + '」');
  if (d.matchedId) parts.push(d.matchedId);
  if (typeof d.score === 'number') parts.push('置信度 ' + d.score.toFixed(2));
  return el('div', 'decision', parts.join(' · '));
}

export function noteNode(n) {
  return row('msg-note', '内部备注 · ' + (n.author || ''), el('time', 'msg-time', time(n.at)), n.text);
}

export function pendingNode(id, text, failed) {
  const r = row('msg-agent pending' + (failed ? ' failed' : ''), '客服（我）',
    el('span', 'msg-state', failed ? '未发送' : '发送中…'), text);
  r.dataset.ref = id;
  return r;
}

/** A line of the console's own (not from the server), e.g. that the conversation left this agent. */
export function appendLocalNotice(text) {
  const t = $('transcript');
  const r = el('div', 'msg msg-system local');
  r.appendChild(el('div', 'msg-text', text));
  t.appendChild(r);
  scrollToEnd(t);
}

/** Adds a row before the replies on their way; follows it down if the agent was reading the end. */
export function append(node) {
  const t = $('transcript');
  const nearBottom = t.scrollHeight - t.scrollTop - t.clientHeight < 80;
  const empty = t.querySelector(':scope > .empty');
  if (empty) empty.remove();
  const firstPending = t.querySelector(':scope > .pending');
  if (firstPending && !node.classList.contains('pending')) t.insertBefore(node, firstPending); else t.appendChild(node);
  if (nearBottom || node.classList.contains('msg-note')) scrollToEnd(t);
}

/** The bubble of a reply still on its way, by its console message id, or null. */
function pendingBubble(ref) { return $('transcript').querySelector('.pending[data-ref="' + cssEscape(ref) + '"]'); }

export function removePending(ref) {
  const p = ref && pendingBubble(ref);
  if (p) p.remove();
}

export function showFailed(ref) {
  const p = pendingBubble(ref);
  if (!p) return;
  p.classList.add('failed');
  const s = p.querySelector('.msg-state');
  if (s) s.textContent = '未发送';
}
