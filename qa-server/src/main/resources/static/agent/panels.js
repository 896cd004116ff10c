/* The tabs: 会话, 工单, and for supervisors and administrators 主管面板, 数据 and 账号管理. */
import { $, all } from './dom.js';
import { loadStaff } from './staff.js';
import { loadAnalytics } from './analytics.js';
import { loadTickets } from './tickets.js';

const PANELS = ['workspace', 'tickets', 'supervisor', 'admin', 'analytics'];

for (const tab of all('#tabs .tab')) tab.addEventListener('click', () => showPanel(tab.dataset.panel));

export function showPanel(id) {
  for (const p of PANELS) $(p).hidden = p !== id;
  for (const tab of all('#tabs .tab')) tab.setAttribute('aria-pressed', String(tab.dataset.panel === id));
  if (id === 'admin') loadStaff();
  if (id === 'analytics') loadAnalytics();
  if (id === 'tickets') loadTickets();
}
