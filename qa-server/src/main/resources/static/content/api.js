/* The content API with the session cookie and the CSRF header; a refused request throws its Chinese detail. */
import { cookie } from '../agent/dom.js';

export class ApiError extends Error {
  constructor(status, detail, body) { super(detail); this.status = status; this.body = body; }
}

function headers(extra) {
  return { Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN'), ...extra };
}

async function read(response) {
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (response.status === 401) { location.href = '/login'; throw new ApiError(401, '登录已过期', body); }
  if (!response.ok) {
    const detail = body && (body.detail || (body.errors && '文件中有错误')) || '请求失败（' + response.status + '）';
    throw new ApiError(response.status, detail, body);
  }
  return body;
}

export function get(path) {
  return fetch(path, { credentials: 'same-origin', headers: headers() }).then(read);
}

export function send(method, path, body) {
  return fetch(path, {
    method, credentials: 'same-origin', headers: headers({ 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body)
  }).then(read);
}

export function upload(path, file) {
  const form = new FormData();
  form.append('file', file);
  return fetch(path, { method: 'POST', credentials: 'same-origin', headers: headers(), body: form }).then(read);
}

/** Downloads a file the API answers with (a GET, or a POST of an upload), saving it under name. */
export async function download(path, name, file) {
  const init = { credentials: 'same-origin', headers: headers() };
  if (file) { const form = new FormData(); form.append('file', file); init.method = 'POST'; init.body = form; }
  const response = await fetch(path, init);
  if (!response.ok) return read(response);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url; a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
