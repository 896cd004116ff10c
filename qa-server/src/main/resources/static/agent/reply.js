/* The reply box: Enter sends, Shift+Enter breaks the line; typing is shown to the customer. */
import { $, newId, scrollToEnd } from './dom.js';
import { state, isMine } from './state.js';
import { send } from './socket.js';
import { sendReply } from './replies.js';
import { append, pendingNode } from './transcript.js';
import { toast } from './alerts.js';

const reply = $('reply');
let typingSentAt = 0, typingOffTimer = null;

$('reply-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = reply.value.trim();
  const c = state.current && state.conversations[state.current];
  if (!text || !isMine(c)) return;
  const id = newId();
  sendReply(id, state.current, text);
  stopTyping();
  reply.value = '';
  append(pendingNode(id, text));
  scrollToEnd($('transcript'));
});

reply.addEventListener('keydown', (e) => {
  // 229: a key that an input method is composing with
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
    e.preventDefault();
    $('send').click();
  }
});

// "typing" at most every 3 s while the agent types, "stopped" after 5 s without a key
reply.addEventListener('input', () => {
  if (!state.current || !isMine(state.conversations[state.current])) return;
  const now = Date.now();
  if (now - typingSentAt > 3000) {
    typingSentAt = now;
    send({ type: 'typing', conversation: state.current, on: true });
  }
  clearTimeout(typingOffTimer);
  typingOffTimer = setTimeout(stopTyping, 5000);
});

export function stopTyping() {
  clearTimeout(typingOffTimer);
  if (typingSentAt && state.current) send({ type: 'typing', conversation: state.current, on: false });
  typingSentAt = 0;
}

/** Puts a text (a suggested answer, a canned reply) at the caret, for the agent to edit and send. */
export function insertIntoReply(text) {
  if (reply.disabled) { toast('请先接入或打开您接待的会话。'); return; }
  let start = reply.selectionStart, end = reply.selectionEnd;
  const value = reply.value;
  if (typeof start !== 'number' || document.activeElement !== reply && !value) { start = end = value.length; }
  reply.value = value.slice(0, start) + text + value.slice(end);
  reply.focus();
  const caret = start + text.length;
  reply.setSelectionRange(caret, caret);
}
