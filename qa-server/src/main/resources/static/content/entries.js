/* Entries: search, the editor (live phrasing check, answer preview), retire, history with restore. */
import { $, el, button } from '../agent/dom.js';
import { get, send } from './api.js';
import { markup } from './markup.js';
import { toast, attempt, STATES, toLocalInput, fromLocalInput, when, events } from './ui.js';

let editing = null; // the id of the entry in the editor, or null for a new one

export async function search() {
  const params = new URLSearchParams();
  for (const [key, id] of [['q', 'search-text'], ['category', 'search-category'], ['state', 'search-state'], ['author', 'search-author']]) {
    if ($(id).value.trim()) params.set(key, $(id).value.trim());
  }
  const page = await attempt(() => get('/api/content/entries?' + params));
  if (!page) return;
  $('entries-count').textContent = '共 ' + page.total + ' 条' + (page.total > page.entries.length ? '，显示前 ' + page.entries.length + ' 条' : '');
  const rows = $('entry-rows');
  rows.replaceChildren();
  page.entries.forEach((e) => {
    const tr = el('tr');
    const pick = el('input');
    pick.type = 'checkbox';
    pick.className = 'pick';
    pick.value = e.id;
    pick.setAttribute('aria-label', '选择 ' + e.id);
    const pickCell = el('td');
    pickCell.appendChild(pick);
    tr.appendChild(pickCell);
    const open = button('link', e.question, () => openEntry(e.id), '编辑 ' + e.question);
    const idCell = el('td', null, e.id);
    const q = el('td'); q.appendChild(open);
    tr.append(idCell, q, el('td', null, e.category), el('td', 'state-' + e.state, (e.retired ? '下线·' : '') + STATES[e.state]),
      el('td', null, e.validNow ? '有效' : '不在有效期'), el('td', null, e.author + ' ' + when(e.updatedAt)));
    rows.appendChild(tr);
  });
}

export async function openEntry(id) {
  const e = await attempt(() => get('/api/content/entries/' + encodeURIComponent(id)));
  if (e) fill(e);
}

/** Opens the editor on an entry, or empty (prefilled with fields given) for a new one. */
export function fill(e) {
  editing = e && e.versionId ? e.id : null;
  $('editor').hidden = false;
  $('editor-title').textContent = editing ? '编辑条目 ' + e.id : '新建条目';
  $('f-id').value = e && e.id || '';
  $('f-id').disabled = !!editing;
  $('f-question').value = e && e.question || '';
  $('f-similar').value = (e && e.similar || []).join('\n');
  $('f-answer').value = e && e.answer || '';
  $('f-category').value = e && e.category || '';
  $('f-tags').value = (e && e.tags || []).join(',');
  $('f-from').value = toLocalInput(e && e.validFrom);
  $('f-until').value = toLocalInput(e && e.validUntil);
  $('retire').hidden = !editing;
  $('show-history').hidden = !editing;
  $('history').hidden = true;
  $('phrasing-check').replaceChildren();
  preview();
  $('f-question').focus();
}

function preview() { $('preview').replaceChildren(markup($('f-answer').value)); }

function written() {
  return {
    id: $('f-id').value.trim() || null, question: $('f-question').value, answer: $('f-answer').value,
    similar: $('f-similar').value.split('\n').map((s) => s.trim()).filter(Boolean),
    category: $('f-category').value, tags: $('f-tags').value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
    validFrom: fromLocalInput($('f-from').value), validUntil: fromLocalInput($('f-until').value)
  };
}

/** Each phrasing asked of the live bot: one that already goes to another entry with confidence is flagged. */
async function checkPhrasings() {
  const list = $('phrasing-check');
  list.replaceChildren();
  for (const phrasing of written().similar) {
    const verdict = await attempt(() => send('POST', '/api/content/phrasings/check', { phrasing, entryId: editing }));
    if (verdict && verdict.clash) list.appendChild(el('li', 'warn', '「' + phrasing + '」' + verdict.message));
  }
  if (!list.children.length && written().similar.length) list.appendChild(el('li', 'ok', '相似问题均未与其他条目冲突。'));
}

async function save(ev) {
  ev.preventDefault();
  const body = written();
  const saved = await attempt(() => editing ? send('PUT', '/api/content/entries/' + encodeURIComponent(editing), body)
    : send('POST', '/api/content/entries', body));
  if (!saved) return;
  toast('已保存为草稿（' + saved.id + '），等待审核人审核。');
  fill(saved);
  search();
}

async function retire() {
  if (!editing || !confirm('确定要下线该条目吗？下线也需要审核并发布后才生效。')) return;
  const saved = await attempt(() => send('DELETE', '/api/content/entries/' + encodeURIComponent(editing)));
  if (saved) { toast('已提交下线草稿。'); search(); }
}

async function history() {
  const items = await attempt(() => get('/api/content/entries/' + encodeURIComponent(editing) + '/history'));
  if (!items) return;
  const list = $('history');
  list.replaceChildren();
  items.forEach((v) => {
    const li = el('li');
    li.appendChild(el('div', null, '版本 ' + v.versionId + ' · ' + STATES[v.state] + ' · ' + v.author + ' · ' + when(v.at)
      + (v.note ? ' · ' + v.note : '') + (v.reviewComment ? ' · 审核意见：' + v.reviewComment : '')));
    const diff = el('ul', 'diff');
    v.changes.forEach((c) => diff.appendChild(el('li', null, c)));
    li.appendChild(diff);
    li.appendChild(button(null, '恢复到此版本', async () => {
      const draft = await attempt(() => send('POST', '/api/content/entries/' + encodeURIComponent(editing)
        + '/restore?version=' + v.versionId));
      if (draft) { toast('已生成恢复草稿，等待审核。'); history(); }
    }, '恢复到版本 ' + v.versionId));
    list.appendChild(li);
  });
  list.hidden = false;
}

async function bulk(ev) {
  ev.preventDefault();
  const ids = Array.from(document.querySelectorAll('#entry-rows .pick:checked')).map((c) => c.value);
  if (!ids.length) { toast('请先勾选条目。', true); return; }
  const done = await attempt(() => send('POST', '/api/content/entries/bulk', {
    ids, action: $('bulk-action').value, category: $('bulk-category').value,
    validFrom: fromLocalInput($('bulk-from').value), validUntil: fromLocalInput($('bulk-until').value) }));
  if (done) { toast('已为 ' + done.drafts + ' 个条目生成草稿，等待审核。'); search(); }
}

export function initEntries() {
  $('bulk').addEventListener('submit', bulk);
  $('select-all').addEventListener('change', (e) => document.querySelectorAll('#entry-rows .pick')
    .forEach((c) => { c.checked = e.target.checked; }));
  $('search').addEventListener('submit', (e) => { e.preventDefault(); search(); });
  $('new-entry').addEventListener('click', () => fill(null));
  $('editor').addEventListener('submit', save);
  $('f-answer').addEventListener('input', preview);
  $('f-similar').addEventListener('change', checkPhrasings);
  $('retire').addEventListener('click', retire);
  $('show-history').addEventListener('click', history);
  $('close-editor').addEventListener('click', () => { $('editor').hidden = true; });
  events.addEventListener('edit', (e) => fill(e.detail));
  search();
}
