/* The content console: who is signed in, the tabs, and each panel's first load. */
import { $, all, cookie } from '../agent/dom.js';
import { get } from './api.js';
import { initEntries } from './entries.js';
import { initImports } from './imports.js';
import { initReviews, pending, releases } from './reviews.js';
import { initTester } from './tester.js';
import { unanswered } from './unanswered.js';

const LOADERS = { reviews: () => { pending(); releases(); }, unanswered };

function show(panel) {
  all('.tab').forEach((t) => t.setAttribute('aria-pressed', String(t.dataset.panel === panel)));
  all('.panel').forEach((p) => { p.hidden = p.id !== panel; });
  if (LOADERS[panel]) LOADERS[panel]();
}

all('.tab').forEach((t) => t.addEventListener('click', () => show(t.dataset.panel)));

$('logout').addEventListener('submit', (e) => {
  const token = cookie('XSRF-TOKEN');
  $('logout-csrf').value = token;
  e.preventDefault();
  fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': token,
    'Content-Type': 'application/x-www-form-urlencoded' }, body: '_csrf=' + encodeURIComponent(token) })
    .then(() => { location.href = '/login?logout'; });
});

get('/api/staff/me').then((me) => {
  $('me-name').textContent = me.displayName;
  document.body.dataset.roles = me.roles.join(' ');
  initEntries();
  initImports();
  initReviews();
  initTester();
});
