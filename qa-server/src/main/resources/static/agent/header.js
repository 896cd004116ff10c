/* The top bar: who is signed in, their status and load; the role's tabs. */
import { $, clear, option } from './dom.js';
import { STATUS_NAMES } from './names.js';
import { state, hasRole, isSupervisor } from './state.js';
import { send } from './socket.js';
import { renderCanned } from './assist.js';
import { loadStaffOnce } from './staff.js';
import { renderConversationHead } from './conversation.js';

/** The `me` frame: the agent's name, status, capacity, canned replies, closing tags and roles. */
export function onMe(f) {
  state.me = f;
  $('me-name').textContent = f.displayName || f.username || '';
  $('me-name').title = f.username ? '用户名：' + f.username : '';
  const select = $('status');
  select.disabled = false;
  if (STATUS_NAMES[f.status]) select.value = f.status;
  document.body.dataset.status = f.status || '';
  renderLoad();
  renderCanned();
  const tags = $('close-tag');
  clear(tags);
  for (const t of f.tags && f.tags.length ? f.tags : ['咨询']) tags.appendChild(option(t, t));
  const admin = hasRole('ADMIN');
  $('tab-supervisor').hidden = !isSupervisor();
  $('tab-admin').hidden = !admin;
  $('tab-analytics').hidden = !isSupervisor();
  if (admin) loadStaffOnce();
  if (state.current) renderConversationHead();
}

/** "接待 2/5": conversations in progress, from the `mine` list once it came, and the capacity. */
export function renderLoad() {
  const me = state.me;
  if (!me) return;
  const active = state.mineReceived ? state.mine.length : (me.active || 0);
  $('load').textContent = '接待 ' + active + '/' + (me.capacity || 0);
  $('load').setAttribute('aria-label', '进行中 ' + active + ' 个会话，最多 ' + (me.capacity || 0) + ' 个');
}

$('status').addEventListener('change', (e) => send({ type: 'status', status: e.target.value, ref: 'status' }));

/** A status the server refused: the select shows the one in force again. */
export function restoreStatus() {
  if (state.me) $('status').value = state.me.status;
}
