/*
 * The 数据 tab's charts, drawn by ECharts from the jar's webjar (org.webjars.npm:echarts, its version in
 * qa-server/pom.xml): loaded the first time the tab opens, so agents who never open it never load it.
 */
import { $ } from './dom.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
let library = null;
const charts = {};

function echarts() {
  if (!library) library = import(ECHARTS);
  return library;
}

function chart(lib, id) {
  if (!charts[id]) charts[id] = lib.init($(id));
  return charts[id];
}

window.addEventListener('resize', () => { for (const c of Object.values(charts)) c.resize(); });

export function renderCharts(summary) {
  return echarts().then((lib) => {
    const periods = [...new Set(summary.rows.map((r) => r.period))];
    const sum = (field) => periods.map((p) => summary.rows.filter((r) => r.period === p)
      .reduce((total, r) => total + (r[field] || 0), 0));
    const conversations = sum('conversations');
    const resolved = sum('botResolved');
    chart(lib, 'chart-volume').setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['会话数', '机器人解决率'] },
      xAxis: { type: 'category', data: periods },
      yAxis: [{ type: 'value', name: '会话' }, { type: 'value', name: '解决率 %', max: 100 }],
      series: [
        { name: '会话数', type: 'bar', data: conversations },
        { name: '机器人解决率', type: 'line', yAxisIndex: 1,
          data: conversations.map((c, i) => (c ? Math.round(1000 * resolved[i] / c) / 10 : null)) }
      ]
    }, true);
    chart(lib, 'chart-handoff').setOption({
      tooltip: { trigger: 'item' },
      series: [{ name: '转人工原因', type: 'pie', radius: ['35%', '65%'],
        data: summary.handoffs.filter((h) => h.count > 0).map((h) => ({ name: h.label, value: h.count })) }]
    }, true);
    const byPeriod = (field) => periods.map((p) => {
      const rows = summary.rows.filter((r) => r.period === p && r[field] != null);
      return rows.length ? Math.max(...rows.map((r) => r[field])) : null;
    });
    chart(lib, 'chart-wait').setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['平均排队', '排队P90', '平均首次响应'] },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', name: '秒' },
      series: [
        { name: '平均排队', type: 'line', data: byPeriod('queueWaitAverage'), connectNulls: true },
        { name: '排队P90', type: 'line', data: byPeriod('queueWaitP90'), connectNulls: true },
        { name: '平均首次响应', type: 'line', data: byPeriod('firstResponseAverage'), connectNulls: true }
      ]
    }, true);
    chart(lib, 'chart-csat').setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: summary.satisfaction.map((s) => s.label) },
      xAxis: { type: 'category', data: ['1星', '2星', '3星', '4星', '5星'] },
      yAxis: { type: 'value', name: '评价数' },
      series: summary.satisfaction.map((s) => ({ name: s.label, type: 'bar',
        data: [s.stars1, s.stars2, s.stars3, s.stars4, s.stars5] }))
    }, true);
  });
}

export function renderTicketChart(rows) {
  return echarts().then((lib) => chart(lib, 'chart-tickets').setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['新建', '已解决', '超时', '重复'] },
    xAxis: { type: 'category', data: rows.map((r) => r.period) },
    yAxis: { type: 'value', name: '工单' },
    series: [
      { name: '新建', type: 'bar', data: rows.map((r) => r.opened) },
      { name: '已解决', type: 'bar', data: rows.map((r) => r.resolved) },
      { name: '超时', type: 'line', data: rows.map((r) => r.overdue) },
      { name: '重复', type: 'line', data: rows.map((r) => r.repeats) }
    ]
  }, true));
}
