/* The signed-in session: the HTTP calls that need it, noticing that it ended, and signing out. */
import { $, cookie } from './dom.js';
import { stop } from './socket.js';

/** A same-origin request with the session cookie that asks for JSON; init adds to or overrides it. */
export function api(path, init = {}) {
  return fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
}

/** GET /api/staff/me: a session that has ended goes to the sign-in page, else then() runs. */
export function whenSignedIn(then) {
  return api('/api/staff/me').then((r) => {
    if (r.status === 401 || r.status === 403 || (r.redirected && /\/login/.test(r.url))) location.href = '/login';
    else if (then) then();
  });
}

/** A refused handshake may mean the session ended: then the sign-in page is the way back. */
export function checkSignedIn() {
  whenSignedIn().catch(() => { /* the server is down: keep retrying the socket */ });
}

// A POST /logout form carrying the XSRF-TOKEN cookie's value as _csrf. The value also goes in the X-XSRF-TOKEN
// header, sent by fetch: the server reads a header as the plain cookie value, while a form field alone is read
// as a masked token (Spring Security's SPA set-up), which the cookie's value is not.
$('logout').addEventListener('submit', (e) => {
  const form = e.target, token = cookie('XSRF-TOKEN');
  $('logout-csrf').value = token;
  stop();
  if (!window.fetch) return;
  e.preventDefault();
  fetch(form.action, {
    method: 'POST', credentials: 'same-origin', redirect: 'follow',
    headers: { 'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: '_csrf=' + encodeURIComponent(token)
  }).then((r) => {
    location.href = r.ok && r.redirected ? r.url : '/login?logout';
  }).catch(() => form.submit());
});
