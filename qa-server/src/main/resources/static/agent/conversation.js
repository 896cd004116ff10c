/* The conversation in the centre: opening it, its heading and buttons, and the frames that change it. */
import { $ } from './dom.js';
import { STATE_NAMES, channelName, shortId } from './names.js';
import { state, State, conversation, isMine, isSupervisor } from './state.js';
import { send } from './socket.js';
import * as replies from './replies.js';
import { renderTranscript, showLoading, messageNode, noteNode, append, removePending } from './transcript.js';
import { stopTyping } from './reply.js';
import { renderSuggestions } from './assist.js';
import { renderMine } from './lists.js';
import { showPanel } from './panels.js';
import { beep, watching } from './alerts.js';

/** System messages after which a conversation may be in other hands. */
const CHANGES_HANDS = new Set(['handoff', 'queued', 'agent_joined', 'requeued', 'transferred', 'handback']);
let customerTypingTimer = null;

export function openConversation(id) {
  if (state.current !== id) {
    stopTyping();
    state.current = id;
    $('reply').value = '';
    $('customer-typing').hidden = true;
  }
  delete state.fresh[id];
  state.unread[id] = 0;
  showPanel('workspace');
  const c = conversation(id);
  renderConversationHead();
  renderTranscript();
  renderSuggestions();
  renderMine();
  send({ type: 'open', conversation: id, ref: 'open:' + id });
  if (!c.loaded) showLoading();
  if (window.matchMedia && window.matchMedia('(max-width: 760px)').matches) $('conversation').scrollIntoView();
}

/** The heading (customer, state, channel) and which actions this agent may take now. */
export function renderConversationHead() {
  const c = state.current && conversation(state.current);
  const item = c ? state.mine.concat(state.live).find((m) => m.conversation === c.id) : null;
  const name = c ? ((item && item.customer) || ('访客 ' + shortId(c.id))) : '未选择会话';
  $('conversation-title').textContent = c ? '会话：' + name : name;
  let label = '';
  if (c) {
    label = STATE_NAMES[c.state] || (c.state === State.RELEASED ? '已转出' : '');
    if (c.state === State.AGENT && c.agent) label += '（' + (c.agent === (state.me && state.me.username) ? '我' : c.agent) + '）';
    if (item && item.channel) label += ' · ' + channelName(item.channel);
  }
  $('conversation-state').textContent = label;
  const mineNow = isMine(c);
  const ongoing = !!(c && c.state && c.state !== State.CLOSED && c.state !== State.RELEASED);
  const sup = isSupervisor();
  $('reply').disabled = !mineNow;
  $('send').disabled = !mineNow;
  $('reply').placeholder = mineNow ? '输入回复，Enter 发送，Shift+Enter 换行'
    : (c ? '此会话不由您接待，不能回复' : '请先选择会话');
  $('transfer').disabled = !(ongoing && (mineNow || sup));
  $('handback').disabled = !(ongoing && c.state !== State.BOT && (mineNow || sup));
  $('close').disabled = !(ongoing && (mineNow || sup));
  $('note').disabled = !(c && (mineNow || sup));
  $('takeover-current').hidden = !(sup && ongoing && !mineNow);
  $('suggest').disabled = !mineNow;
  $('suggest-text').disabled = !mineNow;
}

export function onTranscript(f) {
  const c = conversation(f.conversation);
  c.state = f.state;
  c.agent = f.agent || null;
  // messages that arrived live after the server read this transcript stay
  const fresher = {};
  let last = 0;
  for (const m of f.messages || []) { fresher[m.seq] = m; if (m.seq > last) last = m.seq; }
  for (const seq of Object.keys(c.messages)) if (Number(seq) > last) fresher[seq] = c.messages[seq];
  c.messages = fresher;
  c.notes = f.notes || [];
  c.loaded = true;
  replies.settleFromTranscript(c);
  if (f.conversation === state.current) {
    renderConversationHead();
    renderTranscript();
    if (isMine(c) && !state.suggestions[c.id]) send({ type: 'suggest', conversation: c.id, ref: 'suggest' });
  }
}

export function onMessage(id, m, ref) {
  if (!id || !m) return;
  const c = conversation(id);
  const known = c.messages[m.seq];
  c.messages[m.seq] = m;
  const settled = replies.arrived(id, m, ref);
  if (m.from === 'system' && m.kind === 'closed') c.state = State.CLOSED;
  for (const item of state.mine) if (item.conversation === id && m.text) item.lastMessage = m.text;
  if (id === state.current && c.loaded && !known) {
    removePending(settled);
    append(messageNode(m));
    if (m.from === 'customer') $('customer-typing').hidden = true;
    if (m.kind === 'closed') renderConversationHead();
    // a change of hands: ask again for the conversation's state
    if (m.from === 'system' && CHANGES_HANDS.has(m.kind) && isSupervisor()) {
      send({ type: 'open', conversation: id, ref: 'open:' + id });
    }
  }
  if (m.from === 'customer' && !known) {
    if (!(id === state.current && watching())) {
      if (state.mine.some((item) => item.conversation === id)) state.unread[id] = (state.unread[id] || 0) + 1;
      beep();
    }
    renderMine();
  }
}

export function onNote(id, note) {
  if (!id || !note) return;
  const c = conversation(id);
  c.notes.push(note);
  if (id === state.current && c.loaded) append(noteNode(note));
}

export function onTyping(f) {
  if (f.conversation !== state.current || f.from !== 'customer') return;
  const box = $('customer-typing');
  box.hidden = !f.on;
  clearTimeout(customerTypingTimer);
  if (f.on) customerTypingTimer = setTimeout(() => { box.hidden = true; }, 8000);
}
