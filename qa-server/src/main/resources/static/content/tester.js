/* The test console: one question against the drafts and the published base, side by side, with the trace. */
import { $, el } from '../agent/dom.js';
import { send } from './api.js';
import { attempt } from './ui.js';
import { markup } from './markup.js';

const KINDS = { answer: '回答', clarify: '澄清（您是不是想问）', none: '无答案', handoff: '转人工', form: '表单' };

function show(box, r) {
  box.replaceChildren();
  if (!r) return;
  box.appendChild(el('p', 'verdict', KINDS[r.kind] + (r.id ? '：' + r.id + '「' + r.question + '」' : '') + '，置信度 ' + r.score.toFixed(3)));
  if (r.answer) { const a = el('div', 'preview'); a.appendChild(markup(r.answer)); box.appendChild(a); }
  const t = r.trace;
  if (!t) return;
  box.appendChild(el('p', null, '归一化：' + t.normalized));
  box.appendChild(el('p', null, '分词：' + (t.tokens || []).join(' / ')));
  if (r.intent) box.appendChild(el('p', null, '意图：' + r.intent.name));
  box.appendChild(el('p', null, '决定：' + t.decidedBy));
  if (t.thresholds) box.appendChild(el('pre', null, '阈值：' + JSON.stringify(t.thresholds)));
  const list = el('ol', 'diff');
  (t.candidates || []).forEach((c) => list.appendChild(el('li', null, c.id + '「' + c.question + '」 匹配「' + c.matched
    + '」 检索 ' + Number(c.retrieval).toFixed(2) + ' 得分 ' + Number(c.score).toFixed(3))));
  box.appendChild(list);
}

async function ask(e) {
  e.preventDefault();
  const q = $('test-q').value;
  const [draft, published] = await Promise.all([
    attempt(() => send('POST', '/api/content/test', { q, target: 'draft' })),
    attempt(() => send('POST', '/api/content/test', { q, target: 'published' }))]);
  show($('test-draft'), draft);
  show($('test-published'), published);
}

async function checkIntents(e) {
  e.preventDefault();
  const verdict = await attempt(() => send('POST', '/api/content/intents/check', { yaml: $('intent-yaml').value }));
  if (!verdict) return;
  const p = $('intent-verdict');
  p.className = verdict.ok ? 'ok' : 'error';
  p.textContent = verdict.ok ? '可以编译：' + verdict.intents.join('、') : '无法编译（' + verdict.where + '）：' + verdict.why;
}

export function initTester() {
  $('test-form').addEventListener('submit', ask);
  $('intent-form').addEventListener('submit', checkIntents);
}
