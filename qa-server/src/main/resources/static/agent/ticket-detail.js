/*
 * One ticket of the 工单 tab: its fields, slots, comments, history and the conversation it came from, and what staff
 * do to it (POST /api/tickets/{id}/events): claim, status, assign (supervisors), callback outcome, resolve, reopen,
 * comment. Every text reaches the page through textContent.
 */
import { $, el, clear, option, cookie } from './dom.js';
import { api } from './session.js';
import { isSupervisor } from './state.js';
import { loadTickets, dateTime, urgency } from './tickets.js';

const SPEAKERS = { customer: '客户', bot: '机器人', agent: '客服', system: '系统' };
const EVENTS = {
  created: '创建', claimed: '领取', assigned: '分配', status: '更改状态', comment: '评论', callback: '回访',
  resolved: '解决', reopened: '重新打开', repeat: '标记重复', notified: '已通知客户', rated: '客户评价'
};
/** How the demo forms' slots read; a slot of another form shows its own name. */
const SLOT_NAMES = {
  phone: '手机号', mobile: '手机号', account: '账号', problem: '故障现象', device: '设备', card: '卡号', kind: '卡类型',
  message: '留言内容', month: '月份'
};
let current = null;
let statuses = [];

/** The statuses and resolution categories the forms offer (GET /api/tickets/options). */
export function setTicketOptions(o) {
  statuses = o.statuses;
  const categories = $('ticket-category');
  clear(categories);
  for (const c of o.categories) categories.appendChild(option(c, c));
}

export function openTicket(id) {
  current = id;
  $('ticket-result').textContent = '';
  return api('/api/tickets/' + encodeURIComponent(id))
    .then((r) => r.json().then((body) => { if (!r.ok) throw new Error(body.detail || ('HTTP ' + r.status)); return body; }))
    .then(render)
    .catch((e) => { $('ticket-result').textContent = '无法打开工单：' + e.message; });
}

function field(list, name, value) {
  if (value == null || value === '') return;
  list.appendChild(el('dt', null, name));
  list.appendChild(el('dd', null, value));
}

function render(d) {
  const t = d.ticket;
  $('ticket-title').textContent = '工单 ' + t.id;
  $('ticket-hint').hidden = true;
  $('ticket-body').hidden = false;
  const flags = $('ticket-flags');
  clear(flags);
  flags.appendChild(el('span', 'badge ticket-state', t.statusLabel));
  const word = urgency(t);
  if (word) flags.appendChild(el('span', 'badge ' + (t.overdue ? 'badge-danger' : 'badge-warn'), word));
  if (t.repeated) flags.appendChild(el('span', 'badge badge-warn', '重复：' + d.repeats.join('、')));
  else if (d.repeats.length) flags.appendChild(el('span', 'badge', '后续重复：' + d.repeats.join('、')));

  const fields = $('ticket-fields');
  clear(fields);
  field(fields, '类型', t.kindLabel);
  field(fields, '处理人', t.owner || '未分配');
  field(fields, '创建时间', dateTime(t.created));
  field(fields, '截止时间', dateTime(t.due));
  field(fields, '渠道', t.channel === 'web' ? '网页' : t.channel);
  field(fields, '联系电话', t.phone);
  for (const [name, value] of Object.entries(t.slots || {})) field(fields, SLOT_NAMES[name] || name, value);
  field(fields, '备注', t.note);
  field(fields, '再次回访', dateTime(t.callbackAt));
  field(fields, '解决分类', t.category);
  field(fields, '处理说明', t.resolutionNote);
  field(fields, '客户评价', t.rating != null ? t.rating + ' 分' : '');

  $('ticket-work').hidden = false;
  const active = ['open', 'in_progress', 'callback'].indexOf(t.status) >= 0;
  $('ticket-claim').hidden = !active || !!t.owner;
  $('ticket-reopen').hidden = active;
  $('ticket-callback-form').hidden = !active;
  $('ticket-resolve-form').hidden = !active;
  $('ticket-assign-box').hidden = !isSupervisor();
  const select = $('ticket-status');
  clear(select);
  for (const s of statuses) if ((t.next || []).indexOf(s.value) >= 0) select.appendChild(option(s.value, s.label));
  $('ticket-status-apply').disabled = !select.options.length;

  const comments = $('ticket-comments');
  clear(comments);
  for (const c of d.comments) {
    const li = el('li', 'ticket-comment');
    li.appendChild(el('span', 'meta', c.actor + ' · ' + dateTime(c.at)));
    li.appendChild(el('p', null, c.body));
    comments.appendChild(li);
  }
  if (!d.comments.length) comments.appendChild(el('li', 'empty', '暂无评论'));

  const history = $('ticket-history');
  clear(history);
  for (const e of d.history) history.appendChild(el('li', 'ticket-event', describe(e)));

  const transcript = $('ticket-transcript');
  clear(transcript);
  for (const line of d.transcript) {
    const p = el('p', 'line line-' + line.from);
    p.appendChild(el('span', 'meta', (SPEAKERS[line.from] || line.from) + ' ' + dateTime(line.at) + '：'));
    p.appendChild(document.createTextNode(line.text));
    transcript.appendChild(p);
  }
  if (!d.transcript.length) transcript.appendChild(el('p', 'empty', '没有会话记录'));
}

function describe(e) {
  const parts = [dateTime(e.at), e.actor, EVENTS[e.kind] || e.kind];
  if (e.kind === 'callback') parts.push(e.reached ? '已联系上' : '未联系上' + (e.retryAt ? '，' + dateTime(e.retryAt) + ' 再次回访' : ''));
  if (e.owner && (e.kind === 'claimed' || e.kind === 'assigned')) parts.push('→ ' + e.owner);
  if (e.statusLabel) parts.push('状态：' + e.statusLabel);
  if (e.category) parts.push('分类：' + e.category);
  if (e.body && e.kind !== 'comment') parts.push(e.body);
  return parts.filter(Boolean).join(' · ');
}

/** Sends one event; on success shows the ticket as it is now and reads the list again. */
function post(event, done) {
  if (!current) return;
  $('ticket-result').textContent = '正在提交…';
  api('/api/tickets/' + encodeURIComponent(current) + '/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') },
    body: JSON.stringify(event)
  }).then((r) => r.json().catch(() => ({})).then((body) => {
    if (!r.ok) throw new Error(body.detail || ('HTTP ' + r.status));
    render(body);
    $('ticket-result').textContent = '已保存';
    if (done) done();
    loadTickets();
  })).catch((e) => { $('ticket-result').textContent = '操作失败：' + e.message; });
}

$('ticket-claim').addEventListener('click', () => post({ type: 'claim' }));
$('ticket-reopen').addEventListener('click', () => post({ type: 'reopen' }));
$('ticket-status-apply').addEventListener('click', () => post({ type: 'status', status: $('ticket-status').value }));
$('ticket-assign').addEventListener('click', () => post({ type: 'assign', owner: $('ticket-assignee').value.trim() }));
$('ticket-comment-form').addEventListener('submit', (e) => {
  e.preventDefault();
  post({ type: 'comment', body: $('ticket-comment').value }, () => { $('ticket-comment').value = ''; });
});
$('ticket-callback-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const reached = document.querySelector('input[name="ticket-reached"]:checked').value === 'yes';
  const event = { type: 'callback', reached, note: $('ticket-callback-note').value };
  if (!reached) {
    const local = $('ticket-retry').value;
    if (!local) { $('ticket-result').textContent = '未联系上客户时，请填写再次回访的时间。'; return; }
    event.retryAt = new Date(local).toISOString();
  }
  post(event, () => { $('ticket-callback-note').value = ''; });
});
$('ticket-resolve-form').addEventListener('submit', (e) => {
  e.preventDefault();
  post({ type: 'resolve', category: $('ticket-category').value, note: $('ticket-resolution').value },
    () => { $('ticket-resolution').value = ''; });
});
