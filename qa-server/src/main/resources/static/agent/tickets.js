/*
 * 工单: the ticket desk's list (GET /api/tickets, docs/tickets.md) with its filters, search and pages; a row opens
 * the ticket in ticket-detail.js. Overdue and soon-due tickets stand out by a word as well as a colour.
 */
import { $, el, clear, option } from './dom.js';
import { api } from './session.js';
import { openTicket, setTicketOptions } from './ticket-detail.js';

const PAGE_SIZE = 20;
let page = 0;
let optionsLoaded = false;
let selected = null;

/** Reads the list again (the tab was opened, a filter changed, a ticket changed). */
export function loadTickets() {
  if (!optionsLoaded) loadOptions();
  const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  const scope = $('tf-scope').value;
  if (scope === 'mine') params.set('mine', 'true');
  if (scope === 'unassigned') params.set('unassigned', 'true');
  for (const [id, name] of [['tf-type', 'type'], ['tf-status', 'status'], ['tf-channel', 'channel']]) {
    if ($(id).value) params.set(name, $(id).value);
  }
  if ($('tf-overdue').checked) params.set('overdue', 'true');
  const q = $('tf-q').value.trim();
  if (q) params.set('q', q);
  return api('/api/tickets?' + params)
    .then((r) => r.json().then((body) => { if (!r.ok) throw new Error(body.detail || ('HTTP ' + r.status)); return body; }))
    .then(renderList)
    .catch((e) => { $('tickets-page').textContent = '无法读取工单：' + e.message; });
}

function loadOptions() {
  api('/api/tickets/options').then((r) => (r.ok ? r.json() : null)).then((o) => {
    if (!o) return;
    optionsLoaded = true;
    for (const k of o.kinds) $('tf-type').appendChild(option(k.value, k.label));
    for (const s of o.statuses) $('tf-status').appendChild(option(s.value, s.label));
    setTicketOptions(o);
  }).catch(() => { /* the filters keep their fixed choices */ });
}

/** "12-05 14:30" in the browser's time. */
export function dateTime(at) {
  const d = new Date(at);
  if (!at || isNaN(d)) return '';
  const two = (n) => (n < 10 ? '0' : '') + n;
  return two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
}

/** The word that makes an overdue, soon-due or callback-due ticket stand out, or ''. */
export function urgency(t) {
  if (t.overdue) return '已超时';
  if (t.soonDue) return '即将到期';
  if (t.callbackDue) return '该回访了';
  return '';
}

function renderList(result) {
  const body = document.querySelector('#ticket-table tbody');
  clear(body);
  for (const t of result.items) body.appendChild(row(t));
  const total = result.total + (result.more ? '+' : '');
  $('tickets-count').textContent = total;
  $('tickets-empty').hidden = result.items.length > 0;
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  $('tickets-page').textContent = '第 ' + (page + 1) + ' / ' + pages + (result.more ? '+' : '') + ' 页，共 ' + total + ' 条';
  $('tickets-prev').disabled = page === 0;
  $('tickets-next').disabled = page + 1 >= pages && !result.more;
}

function row(t) {
  const tr = el('tr', 'ticket-row');
  tr.dataset.id = t.id;
  tr.dataset.status = t.status;
  if (t.overdue) tr.classList.add('overdue');
  else if (t.soonDue || t.callbackDue) tr.classList.add('soon-due');
  if (t.id === selected) tr.classList.add('selected');
  const id = el('td');
  const open = el('button', 'link ticket-open', t.id);
  open.type = 'button';
  open.addEventListener('click', () => select(t.id));
  id.appendChild(open);
  if (t.priority >= 2) id.appendChild(el('span', 'badge badge-danger', '投诉优先'));
  else if (t.priority === 1) id.appendChild(el('span', 'badge', 'VIP'));
  if (t.repeated) id.appendChild(el('span', 'badge badge-warn', '重复'));
  tr.appendChild(id);
  tr.appendChild(el('td', null, t.kindLabel));
  tr.appendChild(el('td', 'ticket-status', t.statusLabel));
  tr.appendChild(el('td', null, t.owner || '未分配'));
  const due = el('td', 'ticket-due', dateTime(t.due));
  const word = urgency(t);
  if (word) due.appendChild(el('span', 'badge ' + (t.overdue ? 'badge-danger' : 'badge-warn'), word));
  tr.appendChild(due);
  tr.appendChild(el('td', null, t.phone || ''));
  return tr;
}

function select(id) {
  selected = id;
  for (const tr of document.querySelectorAll('#ticket-table .ticket-row')) {
    tr.classList.toggle('selected', tr.dataset.id === id);
  }
  openTicket(id);
}

$('ticket-filters').addEventListener('submit', (e) => { e.preventDefault(); page = 0; loadTickets(); });
for (const id of ['tf-scope', 'tf-type', 'tf-status', 'tf-channel', 'tf-overdue']) {
  $(id).addEventListener('change', () => { page = 0; loadTickets(); });
}
$('tickets-prev').addEventListener('click', () => { if (page > 0) { page -= 1; loadTickets(); } });
$('tickets-next').addEventListener('click', () => { page += 1; loadTickets(); });

// due times pass while the tab is open: read the list again every half minute while it is shown
setInterval(() => { if (!$('tickets').hidden && !document.hidden) loadTickets(); }, 30000);
