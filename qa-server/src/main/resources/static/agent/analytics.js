/*
 * 数据: the service's figures for supervisors and administrators, from GET /api/analytics/summary (docs/analytics.md)
 * and, when the ticket desk answers, GET /api/analytics/tickets. Charts in analytics-charts.js; every table has a
 * CSV download (/api/analytics/{table}.csv with the same range). Texts reach the page through textContent only.
 */
import { $, el, clear } from './dom.js';
import { api } from './session.js';
import { renderCharts, renderTicketChart } from './analytics-charts.js';

let loadedOnce = false;

/** Opening the tab shows the last 30 days the first time; later the range the supervisor chose. */
export function loadAnalytics() {
  if (!loadedOnce) {
    loadedOnce = true;
    const today = new Date();
    $('analytics-to').value = isoDay(today);
    $('analytics-from').value = isoDay(new Date(today.getTime() - 29 * 86400000));
  }
  query();
}

function isoDay(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

function params() {
  const p = new URLSearchParams({ from: $('analytics-from').value, to: $('analytics-to').value,
    bucket: $('analytics-bucket').value });
  if ($('analytics-channel').value) p.set('channel', $('analytics-channel').value);
  return p.toString();
}

function query() {
  const status = $('analytics-status');
  status.textContent = '正在统计…';
  const range = params();
  api('/api/analytics/summary?' + range)
    .then((r) => r.json().then((body) => {
      if (!r.ok) throw new Error(body.detail || ('HTTP ' + r.status));
      return body;
    }))
    .then((summary) => {
      renderTables(summary, range);
      status.textContent = '统计时区 ' + summary.zone + '，' + summary.from + ' 至 ' + summary.to;
      return renderCharts(summary);
    })
    .catch((e) => { status.textContent = '无法读取统计数据：' + e.message; });
  loadTickets(range);
}

/** The ticket desk's figures, if this server has the desk (another part of the console provides it). */
function loadTickets(range) {
  api('/api/analytics/tickets?' + range)
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)
    .then((tickets) => {
      const rows = tickets && Array.isArray(tickets.rows) ? tickets.rows : [];
      $('analytics-tickets-empty').hidden = rows.length > 0;
      $('chart-tickets').hidden = rows.length === 0;
      if (rows.length) {
        renderTicketChart(rows);
        addTable('工单', null, range, ['周期', '新建', '已解决', '按时解决', '超时', '重复', '满意度'],
          rows.map((t) => [t.period, t.opened, t.resolved, t.resolvedInTime, t.overdue, t.repeats, t.csatAverage]));
        const types = Array.isArray(tickets.complaintTypes) ? tickets.complaintTypes : [];
        if (types.length) addTable('投诉类型', null, range, ['类型', '数量'], types.map((t) => [t.type, t.count]));
      }
    });
}

const percent = (v) => (v == null ? '' : (v * 100).toFixed(1) + '%');
const seconds = (v) => (v == null ? '' : v);

function renderTables(s, range) {
  clear($('analytics-tables'));
  addTable('服务概览', 'overview', range,
    ['周期', '渠道', '会话数', '机器人解决', '解决率', '转人工', '转人工率', '人工接待', '平均排队(秒)', '排队P90(秒)',
      '平均首次响应(秒)', '平均处理时长(秒)', '评价数', '平均满意度', '满意占比'],
    s.rows.map((r) => [r.period, r.channel, r.conversations, r.botResolved, percent(r.botResolutionRate), r.handedOff,
      percent(r.handoffRate), r.served, seconds(r.queueWaitAverage), seconds(r.queueWaitP90),
      seconds(r.firstResponseAverage), seconds(r.handleTimeAverage), r.rated, r.csatAverage ?? '',
      percent(r.satisfiedShare)]));
  addTable('转人工原因', 'handoffs', range, ['原因', '次数', '占会话比例'],
    s.handoffs.map((h) => [h.label, h.count, percent(h.share)]));
  addTable('满意度', 'satisfaction', range, ['服务方', '评价数', '平均分', '1星', '2星', '3星', '4星', '5星', '满意占比'],
    s.satisfaction.map((c) => [c.label, c.rated, c.average ?? '', c.stars1, c.stars2, c.stars3, c.stars4, c.stars5,
      percent(c.satisfiedShare)]));
  addTable('客服表现', 'agents', range, ['客服', '接待数', '平均首次响应(秒)', '平均处理时长(秒)', '评价数', '平均满意度'],
    s.agents.map((a) => [a.agent, a.served, seconds(a.firstResponseAverage), seconds(a.handleTimeAverage), a.rated,
      a.csatAverage ?? '']));
  addTable('热门问题', 'questions', range, ['标准问题', '次数'], s.topQuestions.map((q) => [q.question, q.count]));
  addTable('未能回答的问题', 'unanswered', range, ['问题（号码已隐去）', '次数'],
    s.topUnanswered.map((q) => [q.question, q.count]));
}

/** A titled table; {@code csv} names its download, null when the server has none for it. */
function addTable(title, csv, range, headers, rows) {
  const section = el('section', 'analytics-table');
  const heading = el('h2', null, title);
  if (csv) {
    const link = el('a', 'download', '下载 CSV');
    link.href = '/api/analytics/' + csv + '.csv?' + range;
    link.setAttribute('download', '');
    heading.appendChild(link);
  }
  section.appendChild(heading);
  const wrap = el('div', 'table-wrap');
  const table = el('table');
  const head = el('tr');
  for (const h of headers) {
    const th = el('th', null, h);
    th.scope = 'col';
    head.appendChild(th);
  }
  table.appendChild(el('thead')).appendChild(head);
  const body = table.appendChild(el('tbody'));
  for (const row of rows) {
    const tr = el('tr');
    for (const cell of row) tr.appendChild(el('td', typeof cell === 'number' ? 'num' : null, cell ?? ''));
    body.appendChild(tr);
  }
  if (!rows.length) section.appendChild(el('p', 'empty', '所选范围内没有数据'));
  else section.appendChild(wrap).appendChild(table);
  $('analytics-tables').appendChild(section);
}

$('analytics-form').addEventListener('submit', (e) => {
  e.preventDefault();
  query();
});
