/* 账号管理: the staff accounts, read and created over HTTP (/api/admin/staff, administrators only). */
import { $, el, clear, cookie } from './dom.js';
import { ROLE_NAMES } from './names.js';
import { api } from './session.js';

let loaded = false;

export function loadStaff() {
  loaded = true;
  api('/api/admin/staff')
    .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(renderStaff)
    .catch((e) => { $('staff-result').textContent = '无法读取账号列表：' + e.message; });
}

/** The list is read the first time it may be shown. */
export function loadStaffOnce() { if (!loaded) loadStaff(); }

function renderStaff(list) {
  const body = document.querySelector('#staff tbody');
  clear(body);
  for (const s of Array.isArray(list) ? list : (list && list.items) || []) {
    const tr = el('tr', 'staff-row');
    tr.dataset.username = s.username;
    tr.appendChild(el('td', null, s.username));
    tr.appendChild(el('td', null, s.displayName || ''));
    tr.appendChild(el('td', null, (s.roles || []).map((r) => ROLE_NAMES[r] || r).join('、')));
    tr.appendChild(el('td', null, s.capacity != null ? s.capacity : ''));
    tr.appendChild(el('td', null, (s.skills || []).join('、')));
    body.appendChild(tr);
  }
}

$('staff-reload').addEventListener('click', loadStaff);

$('staff-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.target;
  const account = {
    username: $('staff-username').value.trim(),
    displayName: $('staff-display').value.trim(),
    password: $('staff-password').value,
    roles: Array.from(form.querySelectorAll('input[name="roles"]:checked'), (c) => c.value),
    capacity: Number($('staff-capacity').value) || 5,
    skills: $('staff-skills').value.split(/[,，、\s]+/).filter(Boolean)
  };
  const result = $('staff-result');
  if (!account.roles.length) { result.textContent = '请至少选择一个角色。'; return; }
  result.textContent = '正在创建…';
  api('/api/admin/staff', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') },
    body: JSON.stringify(account)
  }).then((r) => {
    if (r.ok) {
      result.textContent = '已创建账号 ' + account.username;
      form.reset();
      loadStaff();
      return null;
    }
    return r.json().catch(() => ({})).then((p) => {
      result.textContent = '创建失败：' + (p.detail || p.message || ('HTTP ' + r.status));
    });
  }).catch((err) => { result.textContent = '创建失败：' + err.message; });
});
