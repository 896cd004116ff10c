/* Reviews (approve, send back with a comment), publish through the quality gate, releases and rollback, notices. */
import { $, el, button } from '../agent/dom.js';
import { get, send } from './api.js';
import { toast, attempt, when, fromLocalInput } from './ui.js';

export async function pending() {
  const drafts = await attempt(() => get('/api/content/reviews'));
  if (!drafts) return;
  const list = $('pending');
  list.replaceChildren();
  if (!drafts.length) list.appendChild(el('li', 'muted', '没有待审核的草稿。'));
  drafts.forEach((d) => {
    const li = el('li', 'draft');
    li.dataset.draft = d.versionId;
    li.appendChild(el('div', null, '草稿 ' + d.versionId + ' · 条目 ' + d.content.id + ' · ' + d.author + ' · ' + when(d.at)
      + (d.note ? ' · ' + d.note : '')));
    const diff = el('ul', 'diff');
    d.changes.forEach((c) => diff.appendChild(el('li', null, c)));
    li.appendChild(diff);
    const comment = el('input');
    comment.placeholder = '审核意见（退回时必填）';
    comment.setAttribute('aria-label', '草稿 ' + d.versionId + ' 的审核意见');
    const decide = (decision) => async () => {
      const done = await attempt(() => send('POST', '/api/content/reviews/' + d.versionId, { decision, comment: comment.value }));
      if (done) { toast(decision === 'approve' ? '已通过。' : '已退回。'); pending(); }
    };
    const row = el('div', 'row');
    row.append(comment, button('primary approve', '通过', decide('approve'), '通过草稿 ' + d.versionId),
      button('reject', '退回', decide('reject'), '退回草稿 ' + d.versionId));
    li.appendChild(row);
    list.appendChild(li);
  });
}

function showGate(result) {
  const box = $('gate');
  box.replaceChildren();
  const gate = result.gate;
  box.appendChild(el('p', gate.passed ? 'ok' : 'error', result.detail));
  const pct = (x) => (x * 100).toFixed(1) + '%';
  const table = el('table', 'grid');
  const head = el('tr');
  ['', '首位召回率', '无关问题拒答率', '总体准确率'].forEach((h) => head.appendChild(el('th', null, h)));
  table.appendChild(head);
  for (const [name, m] of [['线上', gate.live], ['候选', gate.candidate]]) {
    const tr = el('tr');
    tr.append(el('td', null, name), el('td', null, pct(m.recallAt1)), el('td', null, pct(m.outOfScopeRejection)),
      el('td', null, pct(m.accuracy)));
    table.appendChild(tr);
  }
  box.appendChild(table);
  if (gate.changed.length) {
    box.appendChild(el('p', null, '结果有变化的测试问题（' + gate.changed.length + '）：'));
    const list = el('ul', 'diff');
    gate.changed.slice(0, 50).forEach((c) => list.appendChild(el('li', c.candidateCorrect ? 'ok' : 'warn',
      '「' + c.question + '」' + c.live + ' → ' + c.candidate + (c.mustPass ? '（必须通过）' : ''))));
    box.appendChild(list);
  }
}

async function publish(e) {
  e.preventDefault();
  try {
    const result = await send('POST', '/api/content/releases', { note: $('publish-note').value, overrideReason: $('override').value || null });
    showGate(result);
    toast('已发布为版本 ' + result.release.id + '。');
    releases(); pending();
  } catch (err) {
    if (err.body && err.body.gate) showGate(err.body); else toast(err.message, true);
  }
}

export async function releases() {
  const all = await attempt(() => get('/api/content/releases'));
  if (!all) return;
  const rows = $('release-rows');
  rows.replaceChildren();
  all.forEach((r) => {
    const tr = el('tr');
    const action = el('td');
    if (r.live) action.textContent = '当前线上';
    else action.appendChild(button(null, '回滚到此版本', async () => {
      if (!confirm('确定回滚到版本 ' + r.id + ' 吗？')) return;
      const done = await attempt(() => send('POST', '/api/content/releases/' + r.id + '/restore'));
      if (done) { toast('已回滚，新版本 ' + done.id + ' 已上线。'); releases(); }
    }, '回滚到版本 ' + r.id));
    tr.append(el('td', null, r.id), el('td', null, (r.note || '') + (r.overrideReason ? '（放行理由：' + r.overrideReason + '）' : '')),
      el('td', null, r.publishedBy), el('td', null, when(r.publishedAt)), el('td', null, r.entries), action);
    rows.appendChild(tr);
  });
}

async function notice(e) {
  e.preventDefault();
  const done = await attempt(() => send('POST', '/api/content/notices', {
    question: $('notice-question').value, answer: $('notice-answer').value, validUntil: fromLocalInput($('notice-until').value)
  }));
  if (done) { toast('紧急通知已上线（版本 ' + done.id + '）。'); releases(); }
}

export function initReviews() {
  $('publish-form').addEventListener('submit', publish);
  $('notice-form').addEventListener('submit', notice);
}
