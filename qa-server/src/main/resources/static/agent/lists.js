/* The left column: customers waiting in the queue and this agent's own conversations; the title's unread count. */
import { $, all, el, button, clear } from './dom.js';
import { TITLE, PRIORITY_NAMES, REASON_NAMES, RELEASE_NAMES, channelName, shortId, since } from './names.js';
import { state, State } from './state.js';
import { send } from './socket.js';
import { openConversation, renderConversationHead } from './conversation.js';
import { appendLocalNotice } from './transcript.js';
import { renderSuggestions } from './assist.js';
import { renderLoad } from './header.js';
import { beep, watching } from './alerts.js';

export function onQueue(items) {
  state.queue = items;
  renderQueue();
}

function renderQueue() {
  const list = $('queue');
  clear(list);
  for (const q of state.queue.slice().sort((a, b) => (a.position || 0) - (b.position || 0))) {
    const li = el('li', 'queue-item');
    li.dataset.conversation = q.conversation;
    li.dataset.priority = q.priority || 'normal';
    const top = el('div', 'item-top');
    if (PRIORITY_NAMES[q.priority]) top.appendChild(el('span', 'badge badge-' + q.priority, PRIORITY_NAMES[q.priority]));
    top.appendChild(el('span', 'channel', channelName(q.channel)));
    const wait = el('span', 'wait', since(q.waitingSince));
    wait.dataset.since = q.waitingSince || '';
    wait.title = '已等待';
    top.appendChild(wait);
    li.appendChild(top);
    li.appendChild(el('div', 'last', q.lastMessage || '（无消息）'));
    if (q.reason) li.appendChild(el('div', 'reason', '原因：' + (REASON_NAMES[q.reason] || q.reason)));
    li.appendChild(button('pick', '接入', () => {
      send({ type: 'pick', conversation: q.conversation, ref: 'pick:' + q.conversation });
    }, '接入会话 ' + shortId(q.conversation)));
    list.appendChild(li);
  }
  $('queue-count').textContent = String(state.queue.length);
  $('queue-empty').hidden = state.queue.length > 0;
}

// the waiting times count up every second
setInterval(() => {
  for (const w of all('.wait[data-since]')) if (w.dataset.since) w.textContent = since(w.dataset.since);
}, 1000);

/** A conversation that is no longer waiting leaves the queue shown here, whatever the next queue frame says. */
export function dropFromQueue(id) {
  const before = state.queue.length;
  state.queue = state.queue.filter((q) => q.conversation !== id);
  if (state.queue.length !== before) renderQueue();
}

export function onMine(items) {
  state.mineReceived = true;
  const ids = new Set();
  for (const m of items) {
    ids.add(m.conversation);
    const known = state.unread[m.conversation];
    if (m.conversation === state.current && watching()) state.unread[m.conversation] = 0;
    else if (typeof m.unread === 'number' && (known == null || m.unread > known)) state.unread[m.conversation] = m.unread;
  }
  for (const id of Object.keys(state.unread)) if (!ids.has(id)) delete state.unread[id];
  for (const id of Object.keys(state.fresh)) if (!ids.has(id)) delete state.fresh[id];
  state.mine = items;
  renderMine();
  renderLoad();
  if (state.current) renderConversationHead();
}

export function renderMine() {
  const list = $('mine');
  clear(list);
  for (const m of state.mine) {
    const current = m.conversation === state.current;
    const li = el('li', 'mine-item' + (current ? ' current' : ''));
    li.dataset.conversation = m.conversation;
    const b = button('open-conversation', null, () => openConversation(m.conversation));
    if (current) b.setAttribute('aria-current', 'true');
    const top = el('span', 'item-top');
    top.appendChild(el('span', 'customer', m.customer || ('访客 ' + shortId(m.conversation))));
    top.appendChild(el('span', 'channel', channelName(m.channel)));
    const n = state.unread[m.conversation] || 0;
    if (n > 0) top.appendChild(el('span', 'unread', n > 99 ? '99+' : n));
    else if (state.fresh[m.conversation]) top.appendChild(el('span', 'unread fresh', '新'));
    b.appendChild(top);
    b.appendChild(el('span', 'last', m.lastMessage || ''));
    li.appendChild(b);
    list.appendChild(li);
  }
  $('mine-count').textContent = String(state.mine.length);
  $('mine-empty').hidden = state.mine.length > 0;
  renderTitle();
}

/** "(2) 人工客服工作台": how many of this agent's conversations have something unread, or are new. */
function renderTitle() {
  let n = 0;
  for (const m of state.mine) {
    n += Math.max(state.unread[m.conversation] || 0, state.fresh[m.conversation] ? 1 : 0);
  }
  document.title = n > 0 ? '(' + n + ') ' + TITLE : TITLE;
}

/** The agent looks at the page again: the open conversation is read. */
function seen() {
  if (state.current && watching() && state.unread[state.current]) { state.unread[state.current] = 0; renderMine(); }
  renderTitle();
}
window.addEventListener('focus', seen);
document.addEventListener('visibilitychange', seen);

export function onAssigned(f) {
  dropFromQueue(f.conversation);
  state.fresh[f.conversation] = true;
  beep();
  if (f.by === 'pick' || f.by === 'takeover' || !state.current) openConversation(f.conversation);
  renderMine();
}

export function onReleased(f) {
  delete state.unread[f.conversation];
  delete state.fresh[f.conversation];
  state.mine = state.mine.filter((m) => m.conversation !== f.conversation);
  renderMine();
  renderLoad();
  const c = state.conversations[f.conversation];
  if (c && c.agent === (state.me && state.me.username)) {
    c.state = f.why === 'closed' ? State.CLOSED : (f.why === 'handback' ? State.BOT : State.RELEASED);
  }
  if (f.conversation === state.current) {
    appendLocalNotice(RELEASE_NAMES[f.why] || '会话已不再由您接待。');
    delete state.suggestions[f.conversation];
    renderSuggestions();
    renderConversationHead();
  }
}
