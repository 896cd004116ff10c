/* Import: a dry run, its report, the failed rows, then all or nothing into drafts. Export and templates. */
import { $, el } from '../agent/dom.js';
import { upload, download } from './api.js';
import { toast, attempt } from './ui.js';
import { search } from './entries.js';

function query() { return $('retire-missing').checked ? '&retireMissing=true' : ''; }

function report(r) {
  const box = $('import-report');
  box.replaceChildren();
  box.appendChild(el('p', r.errors.length ? 'error' : 'ok', r.applied ? '已导入为草稿：' : (r.errors.length
    ? '文件中有 ' + r.errors.length + ' 处错误，未导入任何内容。请修改后重新检查。' : '检查通过，可以导入。')));
  box.appendChild(el('p', null, '共 ' + r.rows + ' 行：新建 ' + r.created + ' 条，更新 ' + r.updated + ' 条，未变化 '
    + r.unchanged + ' 条，下线 ' + r.retired + ' 条。'));
  if (r.errors.length) {
    const table = el('table', 'grid');
    const head = el('tr');
    ['行', '列', '问题'].forEach((h) => head.appendChild(el('th', null, h)));
    table.appendChild(head);
    r.errors.forEach((e) => {
      const tr = el('tr', 'import-error');
      tr.append(el('td', null, '第 ' + e.row + ' 行'), el('td', null, e.column), el('td', null, e.message));
      table.appendChild(tr);
    });
    box.appendChild(table);
  }
  $('import-apply').disabled = r.applied || r.errors.length > 0;
  $('import-failed').hidden = !r.errors.length;
}

async function check(e) {
  e.preventDefault();
  const file = $('import-file').files[0];
  if (!file) { toast('请先选择文件。', true); return; }
  try {
    report(await upload('/api/content/imports?apply=false' + query(), file));
  } catch (err) {
    if (err.body && err.body.errors) report(err.body); else toast(err.message, true);
  }
}

async function apply() {
  const file = $('import-file').files[0];
  const r = await attempt(() => upload('/api/content/imports?apply=true' + query(), file));
  if (r) { report(r); toast('已导入为草稿，等待审核人审核。'); search(); }
}

export function initImports() {
  $('import-form').addEventListener('submit', check);
  $('import-file').addEventListener('change', () => { $('import-apply').disabled = true; $('import-report').replaceChildren(); });
  $('import-apply').addEventListener('click', apply);
  $('import-failed').addEventListener('click', () => attempt(() => download('/api/content/imports?failedRows=true',
    '失败行-' + $('import-file').files[0].name.replace(/\.[^.]+$/, '') + ($('import-file').files[0].name.endsWith('.csv') ? '.csv' : '.xlsx'),
    $('import-file').files[0])));
  document.querySelectorAll('[data-download]').forEach((b) => b.addEventListener('click',
    () => attempt(() => download(b.dataset.download, b.dataset.name))));
}
