/*
 * What the console knows, as the agent socket told it (docs/agents.md). The modules read and change it; each frame's
 * handler re-renders what it changed.
 */

/** Who answers a conversation: the socket's states, and `released` once it left this agent. */
export const State = Object.freeze({
  BOT: 'bot', WAITING: 'waiting', AGENT: 'agent', CLOSED: 'closed', RELEASED: 'released'
});

export const state = {
  me: null,               // the last `me` frame
  queue: [],              // the last `queue` frame's items, less the conversations assigned since
  mine: [],               // this agent's conversations
  mineReceived: false,    // a `mine` frame has come: its count beats the `me` frame's
  agents: [],             // supervisors: every agent's status and load
  live: [],               // supervisors: every conversation in progress
  conversations: {},      // id -> {id, state, agent, messages: {seq: message}, notes: [], loaded}
  suggestions: {},        // id -> suggested answers
  unread: {},             // id -> count shown in 我的会话
  fresh: {},              // id -> true: assigned and not opened yet
  current: null           // the conversation shown in the centre
};

export function conversation(id) {
  if (!state.conversations[id]) {
    state.conversations[id] = { id, state: null, agent: null, messages: {}, notes: [], loaded: false };
  }
  return state.conversations[id];
}

export function hasRole(role) { return ((state.me && state.me.roles) || []).indexOf(role) >= 0; }
export function isSupervisor() { return hasRole('SUPERVISOR') || hasRole('ADMIN'); }

/** Agent messages name their agent (the user name, or the display name as the customer saw it). */
export function isMe(name) {
  const me = state.me;
  return !!(me && name && (name === me.username || name === me.displayName));
}

/** Whether this agent answers the conversation now, so may reply in it. */
export function isMine(c) {
  return !!(c && state.me && c.state === State.AGENT && c.agent === state.me.username);
}
