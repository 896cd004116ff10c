/*
 * The agent's replies on their way. Each has a console message id, sent as the reply frame's id and ref; the server
 * answers `sent` once it stored and delivered it, or `error`. A reply that went out just before the connection
 * dropped may have arrived or not: the transcript read after reconnecting tells which, so none is ever sent twice.
 * No DOM here: transcript.js shows these as pending bubbles.
 */
import { send } from './socket.js';
import { isMe } from './state.js';

const pending = {};  // console message id -> {conversation, text, sent, uncertain, failed}

/** Sends a reply, by its console message id, now or at the next connection. */
export function sendReply(id, conversation, text) {
  pending[id] = { conversation, text };
  pending[id].sent = send(replyFrame(id));
}

function replyFrame(id) {
  const p = pending[id];
  return { type: 'reply', conversation: p.conversation, id, text: p.text, ref: id };
}

/** After a reconnect: replies typed while offline go now; one that went out before the drop is uncertain. */
export function reconnected() {
  for (const id of Object.keys(pending)) {
    const p = pending[id];
    if (!p.sent) p.sent = send(replyFrame(id));
    else p.uncertain = true;
  }
}

/** The reply with this ref is settled (sent or refused); false when there was none. */
export function settle(ref) {
  if (!ref || !pending[ref]) return false;
  delete pending[ref];
  return true;
}

/**
 * A message arrived in a conversation: if it is one of these replies, it is settled. A reply sent before a
 * reconnect comes back without our ref: it is matched by its text. Returns the ref of the reply it settled, else ref.
 */
export function arrived(conversation, m, ref) {
  if (m.from !== 'agent') return ref;
  if (settle(ref)) return ref;
  if (!isMe(m.agent)) return ref;
  const match = Object.keys(pending).find((id) => {
    const p = pending[id];
    return !p.failed && p.conversation === conversation && p.text === m.text;
  });
  if (match) delete pending[match];
  return match || ref;
}

/** A fresh transcript settles the uncertain replies of its conversation: there, or failed. */
export function settleFromTranscript(c) {
  for (const id of Object.keys(pending)) {
    const p = pending[id];
    if (p.conversation !== c.id || !p.uncertain) continue;
    const there = Object.values(c.messages).some((m) => m.from === 'agent' && isMe(m.agent) && m.text === p.text);
    if (there) delete pending[id]; else { p.failed = true; p.uncertain = false; }
  }
}

/** The replies still on their way in a conversation: [{id, text, failed}]. */
export function waiting(conversation) {
  return Object.keys(pending).filter((id) => pending[id].conversation === conversation)
    .map((id) => ({ id, text: pending[id].text, failed: !!pending[id].failed }));
}
