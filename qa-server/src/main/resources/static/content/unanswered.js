/* Unanswered and poorly answered questions, clustered; one click adds one as a phrasing or starts an entry. */
import { $, el, button } from '../agent/dom.js';
import { get, send } from './api.js';
import { toast, attempt, when, events } from './ui.js';

const WHY = { no_answer: '无答案', clarify: '需澄清', handoff_after_misses: '未答转人工', not_helpful: '没帮助' };

export async function unanswered() {
  const data = await attempt(() => get('/api/content/unanswered'));
  if (!data) return;
  const list = $('clusters');
  list.replaceChildren();
  if (!data.clusters.length) list.appendChild(el('li', 'muted', '暂无未解决的问题。'));
  data.clusters.forEach((c) => {
    const li = el('li');
    li.appendChild(el('div', null, '「' + c.question + '」 共 ' + c.count + ' 次 · 最近 ' + when(c.latest) + ' · '
      + Object.entries(c.why).map(([k, v]) => WHY[k] + ' ' + v).join('，')));
    const examples = el('ul', 'diff');
    c.examples.forEach((x) => examples.appendChild(el('li', null, x)));
    li.appendChild(examples);
    const row = el('div', 'row');
    const target = el('input');
    target.value = c.guessId || '';
    target.setAttribute('aria-label', '加入到条目 ID');
    target.title = c.guessQuestion ? '机器人的最佳猜测：' + c.guessQuestion : '';
    row.append(target,
      button(null, '加为相似问题', async () => {
        const done = await attempt(() => send('POST', '/api/content/unanswered/similar', { question: c.question, entryId: target.value.trim() }));
        if (done) toast('已加入条目 ' + done.id + ' 的相似问题（草稿）。');
      }, '把「' + c.question + '」加为相似问题'),
      button(null, '新建条目', () => { events.dispatchEvent(new CustomEvent('edit', { detail: { question: c.question, similar: c.examples.filter((x) => x !== c.question) } })); document.querySelector('[data-panel="entries"]').click(); }),
      button(null, '忽略', async () => { await attempt(() => send('POST', '/api/content/unanswered/dismiss', { key: c.key })); unanswered(); }));
    li.appendChild(row);
    list.appendChild(li);
  });
  const proposals = $('proposals');
  proposals.replaceChildren();
  if (!data.proposals.length) proposals.appendChild(el('li', 'muted', '暂无建议。'));
  data.proposals.forEach((p) => {
    const li = el('li');
    li.append(el('div', null, '客户问：' + p.question), el('div', null, '客服答：' + p.answer));
    li.appendChild(button(null, '采纳为新条目（草稿）', async () => {
      const done = await attempt(() => send('POST', '/api/content/unanswered/proposals', { key: p.key, question: p.question, answer: p.answer }));
      if (done) { toast('已生成草稿 ' + done.id + '，等待审核。'); unanswered(); }
    }));
    li.appendChild(button(null, '忽略', async () => { await attempt(() => send('POST', '/api/content/unanswered/dismiss', { key: p.key })); unanswered(); }));
    proposals.appendChild(li);
  });
}
