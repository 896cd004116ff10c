/*
 * kefu agent console: native ES modules, no build step, no dependencies. It speaks the agent socket /ws/agent
 * described in docs/agents.md, one JSON object per frame. Every text from the server reaches the page through
 * textContent, never innerHTML.
 *
 * socket.js connects; dispatch.js hands each frame to the module it concerns: header.js (the agent), lists.js (queue
 * and own conversations), conversation.js with transcript.js, reply.js, replies.js and assist.js (the open
 * conversation), dialogs.js (its actions), supervisor.js, staff.js (accounts), alerts.js (sound and toasts);
 * state.js holds what the socket said; dom.js and names.js are shared helpers and labels. While loading, a module
 * only wires its listeners with dom.js; it calls the other modules' functions later, from events and frames. So the
 * cycles among them (a list item opens a conversation, which marks the list item) are harmless.
 */
import { start } from './socket.js';
import { whenSignedIn, checkSignedIn } from './session.js';
import { handle, connected } from './dispatch.js';

function connect() {
  start({ opened: connected, frame: handle, refused: checkSignedIn });
}

// GET /api/staff/me first: it hands out the XSRF-TOKEN cookie, and it says at once when the session has ended.
whenSignedIn(connect).catch(connect);
