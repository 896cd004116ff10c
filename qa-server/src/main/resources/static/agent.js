/*
 * kefu agent console. Speaks the agent socket /ws/agent described in docs/agents.md: one JSON object per frame.
 * Plain JavaScript, no dependencies, no build step. Every text from the server reaches the page through
 * textContent / createTextNode, never innerHTML.
 */
(function () {
  'use strict';

  var TITLE = '人工客服工作台';
  var MUTE_KEY = 'kefu.agent.muted';
  var STATUS_NAMES = { online: '在线', busy: '忙碌', away: '离开', offline: '离线' };
  var PRIORITY_NAMES = { complaint: '投诉', vip: 'VIP', requeued: '重新排队' };
  var CHANNEL_NAMES = { web: '网页', wechat: '微信', h5: 'H5', app: 'App' };
  var STATE_NAMES = { bot: '机器人', waiting: '排队中', agent: '人工服务中', closed: '已结束' };
  var SENDER_NAMES = { customer: '客户', bot: '机器人', agent: '客服', system: '系统' };
  var KIND_NAMES = {
    answer: '已回答', clarify: '请客户确认问题', none: '未找到答案', handoff: '转人工', prompt: '表单提问',
    done: '表单完成', notice: '提示', form: '表单'
  };
  var STATE_KINDS = { handoff: 1, queued: 1, agent_joined: 1, requeued: 1, transferred: 1, handback: 1, closed: 1 };
  var REASON_NAMES = {
    human: '客户要求人工', complaint: '投诉', misses: '机器人多次未答上', no_answer: '机器人多次未答上',
    form_failed: '表单多次失败', form: '表单多次失败', requeued: '客服连接中断', transfer: '转接', picked: '客服接入'
  };
  var DONE_NAMES = { transfer: '已转接。', handback: '已转回机器人。', close: '会话已结束。', reassign: '已重新分配。' };
  var RELEASE_NAMES = {
    transfer: '会话已转接给其他客服。', handback: '会话已转回机器人。', closed: '会话已结束。',
    requeued: '会话已回到排队队列。', reassign: '会话已由主管分配给其他客服。'
  };

  /* ---------- small DOM helpers ---------- */
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = String(text);
    return node;
  }
  function button(cls, text, onClick, label) {
    var b = el('button', cls, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function cookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return '';
  }
  function time(at) {
    var d = new Date(at);
    if (isNaN(d)) return '';
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return two(d.getHours()) + ':' + two(d.getMinutes());
  }
  function since(at) {
    var s = Math.max(0, Math.floor((Date.now() - Date.parse(at)) / 1000));
    if (isNaN(s)) return '';
    if (s < 60) return s + ' 秒';
    if (s < 3600) return Math.floor(s / 60) + ' 分 ' + (s % 60) + ' 秒';
    return Math.floor(s / 3600) + ' 小时 ' + Math.floor(s % 3600 / 60) + ' 分';
  }
  function shortId(id) { return String(id || '').slice(0, 8); }
  function channelName(c) { return CHANNEL_NAMES[c] || c || '网页'; }
  function statusName(s) { return STATUS_NAMES[s] || s || ''; }
  /** An agent's conversations in progress and capacity, "2/5". */
  function agentLoad(a) { return (a.active || 0) + '/' + (a.capacity || 0); }
  function newId() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  /* ---------- state ---------- */
  var me = null;                 // the last `me` frame
  var queue = [], mine = [], agents = [], live = [];
  var conversations = {};        // id -> {id, state, agent, messages: {seq: message}, notes: [], loaded}
  var suggestions = {};          // id -> items
  var unread = {};               // id -> count shown in 我的会话
  var fresh = {};                // id -> true: assigned and not opened yet
  var current = null;            // the conversation shown in the centre
  var pendingReplies = {};       // console message id -> {conversation, text}
  var muted = false;
  try { muted = localStorage.getItem(MUTE_KEY) === '1'; } catch (e) { muted = false; }

  var ws = null, retry = 0, reconnectTimer = null, heartbeat = null, lastHeard = 0;
  var typingSentAt = 0, typingOffTimer = null, customerTypingTimer = null, toastTimer = null;

  /* ---------- the socket ---------- */
  function send(frame) {
    if (ws && ws.readyState === 1) { ws.send(JSON.stringify(frame)); return true; }
    return false;
  }
  function connect() {
    clearTimeout(reconnectTimer);
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/agent';
    var socket;
    try { socket = new WebSocket(url); } catch (e) { scheduleReconnect(); return; }
    ws = socket;
    var opened = false;
    socket.onopen = function () {
      opened = true;
      retry = 0;
      lastHeard = Date.now();
      $('connection').hidden = true;
      document.body.classList.remove('offline');
      clearInterval(heartbeat);
      heartbeat = setInterval(function () {
        if (Date.now() - lastHeard > 60000) { socket.close(); return; }
        send({ type: 'ping' });
      }, 25000);
      if (current) send({ type: 'open', conversation: current, ref: 'reopen:' + current });
      // replies typed while offline go now; one that went out before the drop may have arrived: the transcript
      // tells (see onTranscript), and it is never sent twice
      Object.keys(pendingReplies).forEach(function (id) {
        var p = pendingReplies[id];
        if (!p.sent) p.sent = send({ type: 'reply', conversation: p.conversation, id: id, text: p.text, ref: id });
        else p.uncertain = true;
      });
    };
    socket.onmessage = function (event) {
      lastHeard = Date.now();
      var f;
      try { f = JSON.parse(event.data); } catch (e) { return; }
      if (f && typeof f === 'object') handle(f);
    };
    socket.onclose = function () {
      if (ws !== socket) return;
      clearInterval(heartbeat);
      $('connection').hidden = false;
      document.body.classList.add('offline');
      if (!opened) checkSignedIn();
      scheduleReconnect();
    };
  }
  function scheduleReconnect() {
    clearTimeout(reconnectTimer);
    var delay = Math.min(15000, 1000 * Math.pow(2, retry++)) * (0.75 + Math.random() / 2);
    reconnectTimer = setTimeout(connect, delay);
  }
  /** GET /api/staff/me: a session that has ended goes to the sign-in page, else then() runs. */
  function whenSignedIn(then) {
    return fetch('/api/staff/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401 || r.status === 403 || (r.redirected && /\/login/.test(r.url))) location.href = '/login';
        else if (then) then();
      });
  }
  /** A refused handshake may mean the session ended: then the sign-in page is the way back. */
  function checkSignedIn() {
    whenSignedIn().catch(function () { /* the server is down: keep retrying the socket */ });
  }

  function handle(f) {
    switch (f.type) {
      case 'me': onMe(f); break;
      case 'queue': queue = f.items || []; renderQueue(); break;
      case 'mine': onMine(f.items || []); break;
      case 'assigned': onAssigned(f); break;
      case 'released': onReleased(f); break;
      case 'transcript': onTranscript(f); break;
      case 'message': onMessage(f.conversation, f.message, f.ref); break;
      case 'typing': onTyping(f); break;
      case 'note': onNote(f.conversation, f.note); break;
      case 'suggestions': suggestions[f.conversation] = f.items || []; if (f.conversation === current) renderSuggestions(); break;
      case 'agents': agents = f.items || []; renderAgents(); break;
      case 'live': live = f.items || []; renderLive(); break;
      case 'error': onError(f); break;
      case 'sent': onSent(f.ref); break;
      case 'done': if (DONE_NAMES[f.ref]) toast(DONE_NAMES[f.ref]); break;
      default: break;  // pong and anything newer
    }
  }

  /* ---------- me: header, canned replies, tags, role panels ---------- */
  function onMe(f) {
    me = f;
    $('me-name').textContent = f.displayName || f.username || '';
    $('me-name').title = f.username ? '用户名：' + f.username : '';
    var select = $('status');
    select.disabled = false;
    if (STATUS_NAMES[f.status]) select.value = f.status;
    document.body.dataset.status = f.status || '';
    renderLoad();
    renderCanned();
    var tags = $('close-tag');
    clear(tags);
    (f.tags && f.tags.length ? f.tags : ['咨询']).forEach(function (t) {
      var o = el('option', null, t);
      o.value = t;
      tags.appendChild(o);
    });
    var admin = hasRole('ADMIN');
    $('tab-supervisor').hidden = !isSupervisor();
    $('tab-admin').hidden = !admin;
    if (admin && !staffLoaded) loadStaff();
    if (current) renderConversationHead();
  }
  function hasRole(role) { return ((me && me.roles) || []).indexOf(role) >= 0; }
  function isSupervisor() { return hasRole('SUPERVISOR') || hasRole('ADMIN'); }
  function renderLoad() {
    if (!me) return;
    var active = mineReceived ? mine.length : (me.active || 0);
    $('load').textContent = '接待 ' + active + '/' + (me.capacity || 0);
    $('load').setAttribute('aria-label', '进行中 ' + active + ' 个会话，最多 ' + (me.capacity || 0) + ' 个');
  }
  $('status').addEventListener('change', function () {
    send({ type: 'status', status: this.value, ref: 'status' });
  });

  /* ---------- sound and the title badge ---------- */
  var audio = null;
  function unlockAudio() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!audio) { try { audio = new Ctx(); } catch (e) { audio = null; return; } }
    if (audio.state === 'suspended') audio.resume();
  }
  document.addEventListener('click', unlockAudio, true);
  document.addEventListener('keydown', unlockAudio, true);
  function beep() {
    if (muted) return;
    unlockAudio();
    if (!audio) return;
    try {
      var t = audio.currentTime, osc = audio.createOscillator(), gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(880, t);
      osc.frequency.setValueAtTime(660, t + 0.09);
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.2, t + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.2);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(t);
      osc.stop(t + 0.22);
    } catch (e) { /* no sound is no harm */ }
  }
  function renderMute() {
    var b = $('mute');
    b.textContent = muted ? '声音：关' : '声音：开';
    b.setAttribute('aria-pressed', String(muted));
    b.setAttribute('aria-label', muted ? '提示音已关闭，点击打开' : '提示音已打开，点击关闭');
  }
  $('mute').addEventListener('click', function () {
    muted = !muted;
    try { localStorage.setItem(MUTE_KEY, muted ? '1' : '0'); } catch (e) { /* private mode */ }
    renderMute();
  });
  renderMute();
  function watching() { return !document.hidden && document.hasFocus(); }
  function renderTitle() {
    var n = 0;
    mine.forEach(function (m) { n += Math.max(unread[m.conversation] || 0, fresh[m.conversation] ? 1 : 0); });
    document.title = n > 0 ? '(' + n + ') ' + TITLE : TITLE;
  }
  function seen() {
    if (current && watching() && unread[current]) { unread[current] = 0; renderMine(); }
    renderTitle();
  }
  window.addEventListener('focus', seen);
  document.addEventListener('visibilitychange', seen);

  /* ---------- tabs ---------- */
  Array.prototype.forEach.call(document.querySelectorAll('#tabs .tab'), function (tab) {
    tab.addEventListener('click', function () { showPanel(tab.dataset.panel); });
  });
  function showPanel(id) {
    ['workspace', 'supervisor', 'admin'].forEach(function (p) { $(p).hidden = p !== id; });
    Array.prototype.forEach.call(document.querySelectorAll('#tabs .tab'), function (tab) {
      tab.setAttribute('aria-pressed', String(tab.dataset.panel === id));
    });
    if (id === 'admin') loadStaff();
  }

  /* ---------- the queue ---------- */
  function renderQueue() {
    var list = $('queue');
    clear(list);
    queue.slice().sort(function (a, b) { return (a.position || 0) - (b.position || 0); }).forEach(function (q) {
      var li = el('li', 'queue-item');
      li.dataset.conversation = q.conversation;
      li.dataset.priority = q.priority || 'normal';
      var top = el('div', 'item-top');
      if (PRIORITY_NAMES[q.priority]) top.appendChild(el('span', 'badge badge-' + q.priority, PRIORITY_NAMES[q.priority]));
      top.appendChild(el('span', 'channel', channelName(q.channel)));
      var wait = el('span', 'wait', since(q.waitingSince));
      wait.dataset.since = q.waitingSince || '';
      wait.title = '已等待';
      top.appendChild(wait);
      li.appendChild(top);
      li.appendChild(el('div', 'last', q.lastMessage || '（无消息）'));
      if (q.reason) li.appendChild(el('div', 'reason', '原因：' + (REASON_NAMES[q.reason] || q.reason)));
      li.appendChild(button('pick', '接入', function () {
        send({ type: 'pick', conversation: q.conversation, ref: 'pick:' + q.conversation });
      }, '接入会话 ' + shortId(q.conversation)));
      list.appendChild(li);
    });
    $('queue-count').textContent = String(queue.length);
    $('queue-empty').hidden = queue.length > 0;
  }
  setInterval(function () {
    Array.prototype.forEach.call(document.querySelectorAll('.wait[data-since]'), function (w) {
      if (w.dataset.since) w.textContent = since(w.dataset.since);
    });
  }, 1000);

  /* ---------- my conversations ---------- */
  var mineReceived = false;
  function onMine(items) {
    mineReceived = true;
    var ids = {};
    items.forEach(function (m) {
      ids[m.conversation] = true;
      if (m.conversation === current && watching()) unread[m.conversation] = 0;
      else if (typeof m.unread === 'number' && (unread[m.conversation] == null || m.unread > unread[m.conversation])) {
        unread[m.conversation] = m.unread;
      }
    });
    Object.keys(unread).forEach(function (id) { if (!ids[id]) delete unread[id]; });
    Object.keys(fresh).forEach(function (id) { if (!ids[id]) delete fresh[id]; });
    mine = items;
    renderMine();
    renderLoad();
    if (current) renderConversationHead();
  }
  function renderMine() {
    var list = $('mine');
    clear(list);
    mine.forEach(function (m) {
      var li = el('li', 'mine-item' + (m.conversation === current ? ' current' : ''));
      li.dataset.conversation = m.conversation;
      var b = el('button', 'open-conversation');
      b.type = 'button';
      if (m.conversation === current) b.setAttribute('aria-current', 'true');
      var top = el('span', 'item-top');
      top.appendChild(el('span', 'customer', m.customer || ('访客 ' + shortId(m.conversation))));
      top.appendChild(el('span', 'channel', channelName(m.channel)));
      var n = unread[m.conversation] || 0;
      if (n > 0) top.appendChild(el('span', 'unread', n > 99 ? '99+' : n));
      else if (fresh[m.conversation]) top.appendChild(el('span', 'unread fresh', '新'));
      b.appendChild(top);
      b.appendChild(el('span', 'last', m.lastMessage || ''));
      b.addEventListener('click', function () { openConversation(m.conversation); });
      li.appendChild(b);
      list.appendChild(li);
    });
    $('mine-count').textContent = String(mine.length);
    $('mine-empty').hidden = mine.length > 0;
    renderTitle();
  }
  /** A conversation that is no longer waiting leaves the queue shown here, whatever the next queue frame says. */
  function dropFromQueue(id) {
    var before = queue.length;
    queue = queue.filter(function (q) { return q.conversation !== id; });
    if (queue.length !== before) renderQueue();
  }
  function onAssigned(f) {
    dropFromQueue(f.conversation);
    fresh[f.conversation] = true;
    beep();
    if (f.by === 'pick' || f.by === 'takeover' || !current) openConversation(f.conversation);
    renderMine();
  }
  function onReleased(f) {
    delete unread[f.conversation];
    delete fresh[f.conversation];
    mine = mine.filter(function (m) { return m.conversation !== f.conversation; });
    renderMine();
    renderLoad();
    var c = conversations[f.conversation];
    if (c && c.agent === (me && me.username)) c.state = f.why === 'closed' ? 'closed' : (f.why === 'handback' ? 'bot' : 'released');
    if (f.conversation === current) {
      appendLocalNotice(RELEASE_NAMES[f.why] || '会话已不再由您接待。');
      delete suggestions[f.conversation];
      renderSuggestions();
      renderConversationHead();
    }
  }

  /* ---------- the open conversation ---------- */
  function conversation(id) {
    if (!conversations[id]) conversations[id] = { id: id, state: null, agent: null, messages: {}, notes: [], loaded: false };
    return conversations[id];
  }
  function openConversation(id) {
    if (current !== id) {
      stopTyping();
      current = id;
      $('reply').value = '';
      $('customer-typing').hidden = true;
    }
    delete fresh[id];
    unread[id] = 0;
    showPanel('workspace');
    var c = conversation(id);
    renderConversationHead();
    renderTranscript();
    renderSuggestions();
    renderMine();
    send({ type: 'open', conversation: id, ref: 'open:' + id });
    if (!c.loaded) {
      var t = $('transcript');
      clear(t);
      t.appendChild(el('p', 'empty', '正在加载会话记录…'));
    }
    if (window.matchMedia && window.matchMedia('(max-width: 760px)').matches) $('conversation').scrollIntoView();
  }
  /** Agent messages name their agent (the user name, or the display name as the customer saw it). */
  function isMe(name) {
    return !!(me && name && (name === me.username || name === me.displayName));
  }
  function isMine(c) {
    return !!(c && me && c.state === 'agent' && c.agent === me.username);
  }
  function renderConversationHead() {
    var c = current && conversation(current);
    var item = c ? mine.concat(live).filter(function (m) { return m.conversation === c.id; })[0] : null;
    var name = c ? ((item && item.customer) || ('访客 ' + shortId(c.id))) : '未选择会话';
    $('conversation-title').textContent = c ? '会话：' + name : name;
    var state = '';
    if (c) {
      state = STATE_NAMES[c.state] || (c.state === 'released' ? '已转出' : '');
      if (c.state === 'agent' && c.agent) state += '（' + (c.agent === (me && me.username) ? '我' : c.agent) + '）';
      if (item && item.channel) state += ' · ' + channelName(item.channel);
    }
    $('conversation-state').textContent = state;
    var mineNow = isMine(c);
    var ongoing = !!(c && c.state && c.state !== 'closed' && c.state !== 'released');
    var sup = isSupervisor();
    $('reply').disabled = !mineNow;
    $('send').disabled = !mineNow;
    $('reply').placeholder = mineNow ? '输入回复，Enter 发送，Shift+Enter 换行'
      : (c ? '此会话不由您接待，不能回复' : '请先选择会话');
    $('transfer').disabled = !(ongoing && (mineNow || sup));
    $('handback').disabled = !(ongoing && c.state !== 'bot' && (mineNow || sup));
    $('close').disabled = !(ongoing && (mineNow || sup));
    $('note').disabled = !(c && (mineNow || sup));
    $('takeover-current').hidden = !(sup && ongoing && !mineNow);
    $('suggest').disabled = !mineNow;
    $('suggest-text').disabled = !mineNow;
  }
  function onTranscript(f) {
    var c = conversation(f.conversation);
    c.state = f.state;
    c.agent = f.agent || null;
    // messages that arrived live after the server read this transcript stay
    var fresher = {}, last = 0;
    (f.messages || []).forEach(function (m) { fresher[m.seq] = m; if (m.seq > last) last = m.seq; });
    Object.keys(c.messages).forEach(function (seq) { if (Number(seq) > last) fresher[seq] = c.messages[seq]; });
    c.messages = fresher;
    c.notes = f.notes || [];
    c.loaded = true;
    Object.keys(pendingReplies).forEach(function (id) {
      var p = pendingReplies[id];
      if (p.conversation !== c.id || !p.uncertain) return;
      var arrived = Object.keys(c.messages).some(function (seq) {
        var m = c.messages[seq];
        return m.from === 'agent' && isMe(m.agent) && m.text === p.text;
      });
      if (arrived) delete pendingReplies[id]; else { p.failed = true; p.uncertain = false; }
    });
    if (f.conversation === current) {
      renderConversationHead();
      renderTranscript();
      if (isMine(c) && !suggestions[c.id]) send({ type: 'suggest', conversation: c.id, ref: 'suggest' });
    }
  }
  /** The whole transcript: messages by number, notes placed by time among them. */
  function renderTranscript() {
    var t = $('transcript');
    clear(t);
    var c = current && conversations[current];
    if (!c) { t.appendChild(el('p', 'empty', '从左侧选择一个会话，或接入排队中的客户。')); return; }
    if (!c.loaded) return;
    var items = Object.keys(c.messages).map(function (k) { return { m: c.messages[k] }; })
      .sort(function (a, b) { return a.m.seq - b.m.seq; });
    c.notes.forEach(function (n) {
      var at = Date.parse(n.at), i = items.length;
      while (i > 0 && items[i - 1].m && Date.parse(items[i - 1].m.at) > at) i--;
      items.splice(i, 0, { n: n });
    });
    items.forEach(function (it) { t.appendChild(it.m ? messageNode(it.m) : noteNode(it.n)); });
    Object.keys(pendingReplies).forEach(function (id) {
      var p = pendingReplies[id];
      if (p.conversation === c.id) t.appendChild(pendingNode(id, p.text, p.failed));
    });
    if (!items.length) t.appendChild(el('p', 'empty', '暂无消息'));
    t.scrollTop = t.scrollHeight;
  }
  function messageNode(m) {
    var from = SENDER_NAMES[m.from] ? m.from : 'system';
    var row = el('div', 'msg msg-' + from);
    row.dataset.seq = m.seq;
    if (m.kind) row.dataset.kind = m.kind;
    var meta = el('div', 'msg-meta');
    var who = SENDER_NAMES[from];
    if (from === 'agent' && m.agent) who += ' ' + (isMe(m.agent) ? '（我）' : m.agent);
    if (from === 'bot' && m.kind) who += ' · ' + (KIND_NAMES[m.kind] || m.kind);
    meta.appendChild(el('span', 'msg-who', who));
    meta.appendChild(el('time', 'msg-time', time(m.at)));
    row.appendChild(meta);
    row.appendChild(el('div', 'msg-text', m.text || ''));
    if (m.decision) row.appendChild(decisionNode(m.decision));
    return row;
  }
  function decisionNode(d) {
    var box = el('div', 'decision');
    var parts = ['机器人判断：' + (KIND_NAMES[d.kind] || d.kind || '')];
    if (d.question) parts.push('匹配「' + d.question + '」');
    if (d.matchedId) parts.push(d.matchedId);
    if (typeof d.score === 'number') parts.push('置信度 ' + d.score.toFixed(2));
    box.textContent = parts.join(' · ');
    return box;
  }
  function noteNode(n) {
    var row = el('div', 'msg msg-note');
    var meta = el('div', 'msg-meta');
    meta.appendChild(el('span', 'msg-who', '内部备注 · ' + (n.author || '')));
    meta.appendChild(el('time', 'msg-time', time(n.at)));
    row.appendChild(meta);
    row.appendChild(el('div', 'msg-text', n.text || ''));
    return row;
  }
  function pendingNode(id, text, failed) {
    var row = el('div', 'msg msg-agent pending' + (failed ? ' failed' : ''));
    row.dataset.ref = id;
    var meta = el('div', 'msg-meta');
    meta.appendChild(el('span', 'msg-who', '客服（我）'));
    meta.appendChild(el('span', 'msg-state', failed ? '未发送' : '发送中…'));
    row.appendChild(meta);
    row.appendChild(el('div', 'msg-text', text));
    return row;
  }
  function appendLocalNotice(text) {
    var t = $('transcript');
    var row = el('div', 'msg msg-system local');
    row.appendChild(el('div', 'msg-text', text));
    t.appendChild(row);
    t.scrollTop = t.scrollHeight;
  }
  function append(node) {
    var t = $('transcript');
    var nearBottom = t.scrollHeight - t.scrollTop - t.clientHeight < 80;
    var empty = t.querySelector(':scope > .empty');
    if (empty) empty.remove();
    var firstPending = t.querySelector(':scope > .pending');
    if (firstPending && !node.classList.contains('pending')) t.insertBefore(node, firstPending); else t.appendChild(node);
    if (nearBottom || node.classList.contains('msg-note')) t.scrollTop = t.scrollHeight;
  }

  function onMessage(id, m, ref) {
    if (!id || !m) return;
    var c = conversation(id);
    var known = c.messages[m.seq];
    c.messages[m.seq] = m;
    if (m.from === 'agent' && ref && pendingReplies[ref]) delete pendingReplies[ref];
    else if (m.from === 'agent' && isMe(m.agent)) {
      // a reply sent before a reconnect comes back without our ref: match it by text
      Object.keys(pendingReplies).some(function (pid) {
        if (!pendingReplies[pid].failed && pendingReplies[pid].conversation === id && pendingReplies[pid].text === m.text) { delete pendingReplies[pid]; ref = pid; return true; }
        return false;
      });
    }
    if (m.from === 'system' && m.kind === 'closed') c.state = 'closed';
    mine.forEach(function (item) { if (item.conversation === id && m.text) item.lastMessage = m.text; });
    if (id === current && c.loaded && !known) {
      var p = ref && pendingBubble(ref);
      if (p) p.remove();
      append(messageNode(m));
      if (m.from === 'customer') $('customer-typing').hidden = true;
      if (m.kind === 'closed') renderConversationHead();
      // a change of hands: ask again for the conversation's state
      if (m.from === 'system' && STATE_KINDS[m.kind] && m.kind !== 'closed' && isSupervisor()) send({ type: 'open', conversation: id, ref: 'open:' + id });
    }
    if (m.from === 'customer' && !known) {
      var focused = id === current && watching();
      if (!focused) {
        if (mine.some(function (item) { return item.conversation === id; })) unread[id] = (unread[id] || 0) + 1;
        beep();
      }
      renderMine();
    }
  }
  function onNote(id, note) {
    if (!id || !note) return;
    var c = conversation(id);
    c.notes.push(note);
    if (id === current && c.loaded) append(noteNode(note));
  }
  function onTyping(f) {
    if (f.conversation !== current || f.from !== 'customer') return;
    var box = $('customer-typing');
    box.hidden = !f.on;
    clearTimeout(customerTypingTimer);
    if (f.on) customerTypingTimer = setTimeout(function () { box.hidden = true; }, 8000);
  }
  function onError(f) {
    var ref = f.ref;
    if (ref && pendingReplies[ref]) {
      delete pendingReplies[ref];
      var p = pendingBubble(ref);
      if (p) {
        p.classList.add('failed');
        var s = p.querySelector('.msg-state');
        if (s) s.textContent = '未发送';
      }
    }
    if (ref === 'status' && me) $('status').value = me.status;
    if (ref && ref.indexOf('pick:') === 0 && f.code === 'not_waiting') dropFromQueue(ref.slice(5));
    if (ref && ref.indexOf('reopen:') === 0) return;
    toast(f.message || ('操作失败（' + (f.code || 'error') + '）'));
  }
  /** A reply was stored and sent: its pending bubble goes, if the message frame has not replaced it already. */
  function onSent(ref) {
    if (!ref || !pendingReplies[ref]) return;
    delete pendingReplies[ref];
    var p = pendingBubble(ref);
    if (p) p.remove();
  }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&'); }
  /** The bubble of a reply still on its way, by its console message id, or null. */
  function pendingBubble(ref) { return $('transcript').querySelector('.pending[data-ref="' + cssEscape(ref) + '"]'); }
  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.hidden = true; }, 6000);
  }

  /* ---------- replying ---------- */
  var reply = $('reply');
  $('reply-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = reply.value.trim();
    var c = current && conversations[current];
    if (!text || !isMine(c)) return;
    var id = newId();
    pendingReplies[id] = { conversation: current, text: text };
    pendingReplies[id].sent = send({ type: 'reply', conversation: current, id: id, text: text, ref: id });
    stopTyping();
    reply.value = '';
    append(pendingNode(id, text));
    $('transcript').scrollTop = $('transcript').scrollHeight;
  });
  reply.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      $('send').click();
    }
  });
  reply.addEventListener('input', function () {
    if (!current || !isMine(conversations[current])) return;
    var now = Date.now();
    if (now - typingSentAt > 3000) {
      typingSentAt = now;
      send({ type: 'typing', conversation: current, on: true });
    }
    clearTimeout(typingOffTimer);
    typingOffTimer = setTimeout(stopTyping, 5000);
  });
  function stopTyping() {
    clearTimeout(typingOffTimer);
    if (typingSentAt && current) send({ type: 'typing', conversation: current, on: false });
    typingSentAt = 0;
  }
  function insertIntoReply(text) {
    if (reply.disabled) { toast('请先接入或打开您接待的会话。'); return; }
    var start = reply.selectionStart, end = reply.selectionEnd, value = reply.value;
    if (typeof start !== 'number' || document.activeElement !== reply && !value) { start = end = value.length; }
    reply.value = value.slice(0, start) + text + value.slice(end);
    reply.focus();
    var caret = start + text.length;
    reply.setSelectionRange(caret, caret);
  }

  /* ---------- agent assist and canned replies ---------- */
  function renderSuggestions() {
    var list = $('suggestions');
    clear(list);
    var items = (current && suggestions[current]) || [];
    items.forEach(function (s) {
      var li = el('li');
      var b = el('button', 'suggestion');
      b.type = 'button';
      b.dataset.id = s.id || '';
      var head = el('span', 'suggestion-head');
      head.appendChild(el('span', 'suggestion-question', s.question || ''));
      if (typeof s.score === 'number') head.appendChild(el('span', 'suggestion-score', Math.round(s.score * 100) + '%'));
      b.appendChild(head);
      b.appendChild(el('span', 'suggestion-answer', s.answer || ''));
      b.setAttribute('aria-label', '使用推荐答案：' + (s.question || ''));
      b.addEventListener('click', function () { insertIntoReply(s.answer || ''); });
      li.appendChild(b);
      list.appendChild(li);
    });
    $('suggestions-empty').hidden = items.length > 0;
    $('suggestions-empty').textContent = current ? '暂无推荐答案。' : '打开会话后显示推荐答案，点击放入回复框。';
  }
  $('suggest-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (!current) return;
    var text = $('suggest-text').value.trim();
    var f = { type: 'suggest', conversation: current, ref: 'suggest' };
    if (text) f.text = text;
    send(f);
  });
  function renderCanned() {
    var list = $('canned');
    clear(list);
    ((me && me.canned) || []).forEach(function (text) {
      var li = el('li');
      li.appendChild(button('canned', text, function () { insertIntoReply(text); }, '插入常用语：' + text));
      list.appendChild(li);
    });
  }

  /* ---------- conversation actions ---------- */
  function dialog(id, onOk) {
    var d = $(id);
    d.addEventListener('close', function () {
      if (d.returnValue === 'ok') onOk();
      d.returnValue = '';
    });
    return d;
  }
  function showDialog(d) {
    if (typeof d.showModal === 'function') d.showModal(); else d.setAttribute('open', '');
  }
  var transferDialog = dialog('transfer-dialog', function () {
    var toGroup = document.querySelector('input[name="transfer-to"]:checked').value === 'group';
    var f = { type: 'transfer', conversation: current, ref: 'transfer' };
    var target = (toGroup ? $('transfer-group') : $('transfer-agent')).value.trim();
    if (!target) { toast(toGroup ? '请填写技能组。' : '请填写客服用户名。'); return; }
    if (toGroup) f.group = target; else f.agent = target;
    send(f);
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[name="transfer-to"]'), function (r) {
    r.addEventListener('change', function () {
      var toGroup = r.value === 'group' && r.checked;
      $('transfer-group').disabled = !toGroup;
      $('transfer-agent').disabled = toGroup;
    });
  });
  $('transfer').addEventListener('click', function () {
    if (!current) return;
    var names = $('agent-names');
    clear(names);
    agents.forEach(function (a) {
      if (me && a.username === me.username) return;
      var o = el('option');
      o.value = a.username;
      o.label = (a.displayName || a.username) + ' · ' + statusName(a.status) + ' · ' + agentLoad(a);
      names.appendChild(o);
    });
    showDialog(transferDialog);
  });
  $('handback').addEventListener('click', function () {
    if (current && confirm('把这个会话转回机器人？')) send({ type: 'handback', conversation: current, ref: 'handback' });
  });
  var closeDialog = dialog('close-dialog', function () {
    send({ type: 'close', conversation: current, tag: $('close-tag').value, ref: 'close' });
  });
  $('close').addEventListener('click', function () { if (current) showDialog(closeDialog); });
  var noteDialog = dialog('note-dialog', function () {
    var text = $('note-text').value.trim();
    if (!text) return;
    send({ type: 'note', conversation: current, text: text, ref: 'note' });
    $('note-text').value = '';
  });
  $('note').addEventListener('click', function () { if (current) showDialog(noteDialog); });
  $('takeover-current').addEventListener('click', function () {
    if (current) send({ type: 'takeover', conversation: current, ref: 'takeover:' + current });
  });

  /* ---------- supervisor: agents and all live conversations ---------- */
  function renderAgents() {
    var list = $('agents');
    clear(list);
    agents.forEach(function (a) {
      var li = el('li', 'agent-item');
      li.dataset.username = a.username;
      li.dataset.status = a.status || 'offline';
      li.appendChild(el('span', 'dot dot-' + (a.status || 'offline')));
      li.appendChild(el('span', 'agent-name', (a.displayName || a.username) + '（' + a.username + '）'));
      li.appendChild(el('span', 'agent-status', statusName(a.status)));
      li.appendChild(el('span', 'agent-load', agentLoad(a)));
      list.appendChild(li);
    });
  }
  var reassignTarget = null;
  var reassignDialog = dialog('reassign-dialog', function () {
    var who = $('reassign-agent').value;
    if (reassignTarget && who) send({ type: 'reassign', conversation: reassignTarget, agent: who, ref: 'reassign' });
  });
  function renderLive() {
    var list = $('live');
    clear(list);
    live.forEach(function (c) {
      var li = el('li', 'live-item');
      li.dataset.conversation = c.conversation;
      li.dataset.state = c.state || '';
      var top = el('div', 'item-top');
      top.appendChild(el('span', 'badge badge-state-' + (c.state || ''), STATE_NAMES[c.state] || c.state || ''));
      top.appendChild(el('span', 'customer', '会话 ' + shortId(c.conversation)));
      if (c.agent) top.appendChild(el('span', 'live-agent', '客服 ' + c.agent));
      top.appendChild(el('span', 'channel', channelName(c.channel)));
      if (c.updatedAt) top.appendChild(el('time', 'msg-time', time(c.updatedAt)));
      li.appendChild(top);
      li.appendChild(el('div', 'last', c.lastMessage || ''));
      var actions = el('div', 'item-actions');
      actions.appendChild(button('open-live', '查看', function () { openConversation(c.conversation); }, '查看会话 ' + shortId(c.conversation)));
      actions.appendChild(button('takeover', '接管', function () {
        send({ type: 'takeover', conversation: c.conversation, ref: 'takeover:' + c.conversation });
      }, '接管会话 ' + shortId(c.conversation)));
      actions.appendChild(button('reassign', '分配给…', function () {
        reassignTarget = c.conversation;
        var select = $('reassign-agent');
        clear(select);
        agents.forEach(function (a) {
          var o = el('option', null, (a.displayName || a.username) + '（' + statusName(a.status) + '，' + agentLoad(a) + '）');
          o.value = a.username;
          select.appendChild(o);
        });
        showDialog(reassignDialog);
      }, '把会话 ' + shortId(c.conversation) + ' 分配给其他客服'));
      li.appendChild(actions);
      list.appendChild(li);
    });
    $('live-count').textContent = String(live.length);
    $('live-empty').hidden = live.length > 0;
    if (current) renderConversationHead();
  }

  /* ---------- admin: staff accounts over HTTP ---------- */
  var staffLoaded = false;
  var ROLE_NAMES = { AGENT: '客服', SUPERVISOR: '主管', EDITOR: '内容编辑', ADMIN: '管理员' };
  function loadStaff() {
    staffLoaded = true;
    fetch('/api/admin/staff', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(renderStaff)
      .catch(function (e) { $('staff-result').textContent = '无法读取账号列表：' + e.message; });
  }
  function renderStaff(list) {
    var body = document.querySelector('#staff tbody');
    clear(body);
    (Array.isArray(list) ? list : (list && list.items) || []).forEach(function (s) {
      var tr = el('tr', 'staff-row');
      tr.dataset.username = s.username;
      tr.appendChild(el('td', null, s.username));
      tr.appendChild(el('td', null, s.displayName || ''));
      tr.appendChild(el('td', null, (s.roles || []).map(function (r) { return ROLE_NAMES[r] || r; }).join('、')));
      tr.appendChild(el('td', null, s.capacity != null ? s.capacity : ''));
      tr.appendChild(el('td', null, (s.skills || []).join('、')));
      body.appendChild(tr);
    });
  }
  $('staff-reload').addEventListener('click', loadStaff);
  $('staff-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    var body = {
      username: $('staff-username').value.trim(),
      displayName: $('staff-display').value.trim(),
      password: $('staff-password').value,
      roles: Array.prototype.map.call(form.querySelectorAll('input[name="roles"]:checked'), function (c) { return c.value; }),
      capacity: Number($('staff-capacity').value) || 5,
      skills: $('staff-skills').value.split(/[,，、\s]+/).filter(Boolean)
    };
    var result = $('staff-result');
    if (!body.roles.length) { result.textContent = '请至少选择一个角色。'; return; }
    result.textContent = '正在创建…';
    fetch('/api/admin/staff', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') },
      body: JSON.stringify(body)
    }).then(function (r) {
      if (r.ok) {
        result.textContent = '已创建账号 ' + body.username;
        form.reset();
        loadStaff();
        return null;
      }
      return r.json().catch(function () { return {}; }).then(function (p) {
        result.textContent = '创建失败：' + (p.detail || p.message || ('HTTP ' + r.status));
      });
    }).catch(function (err) { result.textContent = '创建失败：' + err.message; });
  });

  /* ---------- signing out ---------- */
  // A POST /logout form carrying the XSRF-TOKEN cookie's value as _csrf. The value also goes in the X-XSRF-TOKEN
  // header, sent by fetch: the server reads a header as the plain cookie value, while a form field alone is read
  // as a masked token (Spring Security's SPA set-up), which the cookie's value is not.
  $('logout').addEventListener('submit', function (e) {
    var form = e.target, token = cookie('XSRF-TOKEN');
    $('logout-csrf').value = token;
    if (ws) { ws.onclose = null; ws.close(); }
    clearTimeout(reconnectTimer);
    if (!window.fetch) return;
    e.preventDefault();
    fetch(form.action, {
      method: 'POST', credentials: 'same-origin', redirect: 'follow',
      headers: { 'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '_csrf=' + encodeURIComponent(token)
    }).then(function (r) {
      location.href = r.ok && r.redirected ? r.url : '/login?logout';
    }).catch(function () { form.submit(); });
  });

  // GET /api/staff/me first: it hands out the XSRF-TOKEN cookie, and it says at once when the session has ended.
  whenSignedIn(connect).catch(connect);
})();
