/* What every panel shares: the toast, dates for datetime-local inputs, the state names. */
import { $ } from '../agent/dom.js';

let toastTimer = null;
export function toast(text, error) {
  const t = $('toast');
  t.textContent = text;
  t.className = 'toast' + (error ? ' error' : '');
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, error ? 8000 : 4000);
}

/** Runs an action; a refusal is shown, not thrown. */
export async function attempt(action) {
  try { return await action(); } catch (e) { toast(e.message || String(e), true); return undefined; }
}

export const STATES = { DRAFT: '待审核', APPROVED: '已通过', REJECTED: '已退回', PUBLISHED: '已发布', SUPERSEDED: '已替换' };

/** An ISO instant as the local datetime-local value, and back. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
}
export function fromLocalInput(value) { return value ? new Date(value).toISOString() : null; }
export function when(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : ''; }

/** Event bus between panels (the unanswered list opens the editor). */
export const events = new EventTarget();
