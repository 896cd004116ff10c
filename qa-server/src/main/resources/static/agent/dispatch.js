/* Every frame from the agent socket (docs/agents.md) to the module it concerns; what a (re)connect sends again. */
import { DONE_NAMES } from './names.js';
import { state } from './state.js';
import { send } from './socket.js';
import * as replies from './replies.js';
import { onMe, restoreStatus } from './header.js';
import { onQueue, onMine, onAssigned, onReleased, dropFromQueue } from './lists.js';
import { onTranscript, onMessage, onNote, onTyping } from './conversation.js';
import { removePending, showFailed } from './transcript.js';
import { renderSuggestions } from './assist.js';
import { onAgents, onLive } from './supervisor.js';
import { toast } from './alerts.js';

export function handle(f) {
  switch (f.type) {
    case 'me': onMe(f); break;
    case 'queue': onQueue(f.items || []); break;
    case 'mine': onMine(f.items || []); break;
    case 'assigned': onAssigned(f); break;
    case 'released': onReleased(f); break;
    case 'transcript': onTranscript(f); break;
    case 'message': onMessage(f.conversation, f.message, f.ref); break;
    case 'typing': onTyping(f); break;
    case 'note': onNote(f.conversation, f.note); break;
    case 'suggestions': onSuggestions(f.conversation, f.items || []); break;
    case 'agents': onAgents(f.items || []); break;
    case 'live': onLive(f.items || []); break;
    case 'error': onError(f); break;
    case 'sent': onSent(f.ref); break;
    case 'done': if (DONE_NAMES[f.ref]) toast(DONE_NAMES[f.ref]); break;
    default: break;  // pong and anything newer
  }
}

/** After each (re)connect: the open conversation is read again, and replies typed while offline go. */
export function connected() {
  if (state.current) send({ type: 'open', conversation: state.current, ref: 'reopen:' + state.current });
  replies.reconnected();
}

function onSuggestions(conversation, items) {
  state.suggestions[conversation] = items;
  if (conversation === state.current) renderSuggestions();
}

/** A reply was stored and sent: its pending bubble goes, if the message frame has not replaced it already. */
function onSent(ref) {
  if (replies.settle(ref)) removePending(ref);
}

/** The server refused a frame: the frame's ref says which, and the toast says why. */
function onError(f) {
  const ref = f.ref;
  if (replies.settle(ref)) showFailed(ref);
  if (ref === 'status') restoreStatus();
  if (ref && ref.startsWith('pick:') && f.code === 'not_waiting') dropFromQueue(ref.slice(5));
  if (ref && ref.startsWith('reopen:')) return;
  toast(f.message || ('操作失败（' + (f.code || 'error') + '）'));
}
