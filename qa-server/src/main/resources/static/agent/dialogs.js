/* The conversation's actions: transfer, hand back to the bot, close with a category, note, take over, reassign. */
import { $, all, clear, option } from './dom.js';
import { statusName, agentLoad } from './names.js';
import { state } from './state.js';
import { send } from './socket.js';
import { toast } from './alerts.js';

/** A <dialog> whose form returns "ok" runs onOk when it closes. */
function dialog(id, onOk) {
  const d = $(id);
  d.addEventListener('close', () => {
    if (d.returnValue === 'ok') onOk();
    d.returnValue = '';
  });
  return d;
}

function show(d) {
  if (typeof d.showModal === 'function') d.showModal(); else d.setAttribute('open', '');
}

const transferDialog = dialog('transfer-dialog', () => {
  const toGroup = document.querySelector('input[name="transfer-to"]:checked').value === 'group';
  const f = { type: 'transfer', conversation: state.current, ref: 'transfer' };
  const target = (toGroup ? $('transfer-group') : $('transfer-agent')).value.trim();
  if (!target) { toast(toGroup ? '请填写技能组。' : '请填写客服用户名。'); return; }
  if (toGroup) f.group = target; else f.agent = target;
  send(f);
});
for (const r of all('input[name="transfer-to"]')) {
  r.addEventListener('change', () => {
    const toGroup = r.value === 'group' && r.checked;
    $('transfer-group').disabled = !toGroup;
    $('transfer-agent').disabled = toGroup;
  });
}
$('transfer').addEventListener('click', () => {
  if (!state.current) return;
  const names = $('agent-names');
  clear(names);
  for (const a of state.agents) {
    if (state.me && a.username === state.me.username) continue;
    const o = option(a.username);
    o.label = (a.displayName || a.username) + ' · ' + statusName(a.status) + ' · ' + agentLoad(a);
    names.appendChild(o);
  }
  show(transferDialog);
});

$('handback').addEventListener('click', () => {
  if (state.current && confirm('把这个会话转回机器人？')) {
    send({ type: 'handback', conversation: state.current, ref: 'handback' });
  }
});

const closeDialog = dialog('close-dialog', () => {
  send({ type: 'close', conversation: state.current, tag: $('close-tag').value, ref: 'close' });
});
$('close').addEventListener('click', () => { if (state.current) show(closeDialog); });

const noteDialog = dialog('note-dialog', () => {
  const text = $('note-text').value.trim();
  if (!text) return;
  send({ type: 'note', conversation: state.current, text, ref: 'note' });
  $('note-text').value = '';
});
$('note').addEventListener('click', () => { if (state.current) show(noteDialog); });

$('takeover-current').addEventListener('click', () => {
  if (state.current) send({ type: 'takeover', conversation: state.current, ref: 'takeover:' + state.current });
});

let reassignTarget = null;
const reassignDialog = dialog('reassign-dialog', () => {
  const who = $('reassign-agent').value;
  if (reassignTarget && who) send({ type: 'reassign', conversation: reassignTarget, agent: who, ref: 'reassign' });
});

/** Asks a supervisor which agent a conversation goes to. */
export function openReassign(conversation) {
  reassignTarget = conversation;
  const select = $('reassign-agent');
  clear(select);
  for (const a of state.agents) {
    select.appendChild(option(a.username,
      (a.displayName || a.username) + '（' + statusName(a.status) + '，' + agentLoad(a) + '）'));
  }
  show(reassignDialog);
}
