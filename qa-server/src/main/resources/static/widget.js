/*
 * kefu chat widget. One tag adds a chat bubble to any page:
 *   <script src="https://kefu.example.com/widget.js" data-title="在线客服" async></script>
 * Attributes: data-server (default: where this script came from), data-title, data-mode="page" (full page, for
 * /chat), data-open="true" (open at once), data-profile (a visitor profile signed by the page's server, e.g. for
 * VIPs; docs/protocol.md). Plain JavaScript, no dependencies. Protocol: docs/protocol.md.
 * Every text reaches the page through textContent, never innerHTML.
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var data = (script && script.dataset) || {};
  var base = (data.server || (script && script.src ? new URL('.', script.src).href : location.origin + '/')).replace(/\/?$/, '/');
  var pageMode = data.mode === 'page';
  var title = data.title || '在线客服';
  var STORE = 'kefu.' + new URL(base).host;
  var HANDOFF = '转人工';

  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = base + 'widget.css';
  document.head.appendChild(css);

  /* ---------- small DOM helpers ----------
   * agent.js has the same few lines. They are copied, not shared: the widget is embedded by one tag on other
   * sites' pages, so it cannot depend on a second script. */
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function button(cls, text, label, onClick) {
    var b = el('button', cls, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  /* ---------- the small safe markup: paragraphs, "- " and "1. " lists, [text](https://...) links ---------- */
  function inline(parent, text) {
    var link = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, last = 0, m;
    while ((m = link.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var a = el('a', null, m[1]);
      a.href = m[2];
      a.target = '_blank';
      a.rel = 'noopener noreferrer nofollow';
      parent.appendChild(a);
      last = link.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function markup(text) {
    var frag = document.createDocumentFragment(), list = null, para = null;
    text.replace(/\r\n?/g, '\n').split('\n').forEach(function (raw) {
      var line = raw.trim(), bullet = /^[-•]\s+(.*)$/.exec(line), num = /^\d+[.、]\s*(.*)$/.exec(line);
      if (!line) { list = null; para = null; return; }
      if (bullet || num) {
        var tag = bullet ? 'UL' : 'OL';
        if (!list || list.tagName !== tag) { list = el(tag.toLowerCase()); frag.appendChild(list); }
        para = null;
        var li = el('li');
        inline(li, (bullet || num)[1]);
        list.appendChild(li);
        return;
      }
      list = null;
      if (para) para.appendChild(el('br')); else { para = el('p'); frag.appendChild(para); }
      inline(para, line);
    });
    return frag;
  }

  /* ---------- state ---------- */
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(STORE) || '{}'); } catch (e) { saved = {}; }
  function save() { try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private mode */ } }

  var ws = null, started = false, lastSeq = 0, seen = {}, outbox = [], pending = {}, retry = 0, heartbeat = null,
      lastHeard = 0, greeted = false, closedConversation = false, typingTimer = null, lastTypingSent = 0;
  /* the customer's latest acknowledged messages by number, kept in case the server loses them (below) */
  var acked = {}, ACKED_KEPT = 100;

  /* ---------- the panel ---------- */
  var root = el('div', 'kefu-root' + (pageMode ? ' kefu-page' : ''));
  var bubble = button('kefu-bubble', '', '打开' + title, function () { toggle(true); });
  bubble.setAttribute('aria-expanded', 'false');
  bubble.appendChild(el('span', 'kefu-bubble-icon', '💬'));
  bubble.appendChild(el('span', 'kefu-bubble-text', '咨询'));
  var panel = el('section', 'kefu-panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  panel.hidden = !pageMode;
  var header = el('header', 'kefu-header');
  var heading = el('h2', 'kefu-title', title);
  var status = el('span', 'kefu-status', '连接中…');
  status.setAttribute('role', 'status');
  var handoffBtn = button('kefu-handoff', HANDOFF, '转人工客服', function () { send(HANDOFF); });
  var endBtn = button('kefu-end', '结束', '结束本次会话', endConversation);
  var closeBtn = button('kefu-close', '×', '收起客服窗口', function () { toggle(false); });
  header.appendChild(heading);
  header.appendChild(status);
  header.appendChild(handoffBtn);
  header.appendChild(endBtn);
  if (!pageMode) header.appendChild(closeBtn);
  var log = el('div', 'kefu-log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', '聊天记录');
  log.tabIndex = 0;
  var typing = el('div', 'kefu-typing', '客服正在输入…');
  typing.hidden = true;
  typing.setAttribute('aria-live', 'polite');
  // the live queue position while waiting for a person (not stored; hidden once an agent joins)
  var queueLine = el('div', 'kefu-queue');
  queueLine.hidden = true;
  queueLine.setAttribute('role', 'status');
  queueLine.setAttribute('aria-live', 'polite');
  var quick = el('div', 'kefu-quick');
  quick.setAttribute('aria-label', '常见问题');
  var form = el('form', 'kefu-form');
  var input = el('textarea', 'kefu-input');
  input.rows = 1;
  input.placeholder = '请输入您的问题';
  input.setAttribute('aria-label', '输入您的问题');
  input.maxLength = 500;
  var sendBtn = el('button', 'kefu-send', '发送');
  sendBtn.type = 'submit';
  sendBtn.setAttribute('aria-label', '发送消息');
  form.appendChild(input);
  form.appendChild(sendBtn);
  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(queueLine);
  panel.appendChild(typing);
  panel.appendChild(quick);
  panel.appendChild(form);
  if (!pageMode) root.appendChild(bubble);
  root.appendChild(panel);

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit')); }
  });
  input.addEventListener('input', function () {
    var now = Date.now();
    if (started && now - lastTypingSent > 3000) { lastTypingSent = now; frame({ type: 'typing', on: true }); }
  });
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !pageMode) toggle(false);
  });

  function toggle(open) {
    panel.hidden = !open;
    bubble.hidden = open;
    bubble.setAttribute('aria-expanded', String(open));
    if (open) { if (!ws) connect(); input.focus(); scroll(); } else bubble.focus();
  }
  function scroll() { log.scrollTop = log.scrollHeight; }
  function setStatus(text, cls) { status.textContent = text; status.className = 'kefu-status ' + (cls || ''); }

  /* ---------- rendering ---------- */
  function row(from, node, name) {
    var r = el('div', 'kefu-msg kefu-msg-' + from);
    var who = { customer: '我', bot: '智能客服', agent: '人工客服', system: '系统' }[from] || from;
    r.setAttribute('aria-label', who + (name ? ' ' + name : '') + '说');
    if (from === 'agent') {
      var label = el('div', 'kefu-name');
      label.appendChild(el('span', 'kefu-role', '人工客服'));
      if (name) label.appendChild(el('span', 'kefu-agent', name));
      r.appendChild(label);
    }
    r.appendChild(node);
    log.appendChild(r);
    scroll();
    return r;
  }
  function customerBubble(text, id, state) {
    var r = row('customer', el('div', 'kefu-text', text));
    r.dataset.id = id;
    if (state) { r.classList.add('kefu-pending'); r.appendChild(el('span', 'kefu-state', state)); }
    return r;
  }
  function customerRow(id) { return log.querySelector('.kefu-msg-customer[data-id="' + CSS.escape(id) + '"]'); }
  function markSent(id) {
    var r = customerRow(id);
    if (!r) return;
    r.classList.remove('kefu-pending');
    var s = r.querySelector('.kefu-state');
    if (s) s.remove();
  }
  /** Records a sequence number as received; false when it was already. lastSeq is the end of the unbroken run. */
  function markSeen(seq) {
    if (seen[seq]) return false;
    seen[seq] = true;
    while (seen[lastSeq + 1]) lastSeq++;
    return true;
  }
  function serverMessage(m) {
    if (!markSeen(m.seq)) return;
    if (m.from === 'customer') {
      if (customerRow(m.id || '')) markSent(m.id);
      else customerBubble(m.text, m.id || '');
      return;
    }
    typing.hidden = true;
    var box = el('div', 'kefu-text');
    // bot answers use the safe markup; people and the system write plain text
    if (m.from === 'bot') box.appendChild(markup(m.text)); else box.textContent = m.text;
    var r = row(m.from, box, m.from === 'agent' ? m.agent : null);
    r.dataset.kind = m.kind;
    if (m.from === 'agent' || LEFT_QUEUE[m.kind]) showQueue(null);
    if (m.suggestions && m.suggestions.length) {
      var list = el('div', 'kefu-suggestions');
      list.setAttribute('aria-label', m.kind === 'clarify' ? '您是不是想问' : '相关问题');
      if (m.kind !== 'clarify') list.appendChild(el('div', 'kefu-hint', '相关问题：'));
      m.suggestions.forEach(function (s) {
        list.appendChild(button('kefu-suggestion', s.question, null, function () { send(s.question, s.id); }));
      });
      r.appendChild(list);
    }
    if (m.quickReplies && m.quickReplies.length) {
      var chips = el('div', 'kefu-chips');
      m.quickReplies.forEach(function (q) { chips.appendChild(button('kefu-chip', q, null, function () { send(q); })); });
      r.appendChild(chips);
    }
    if (m.kind === 'closed') conversationEnded();
  }
  function notice(text) { row('system', el('div', 'kefu-text', text)); }
  /* the system notices after which the customer is no longer waiting in the queue */
  var LEFT_QUEUE = { agent_joined: true, handback: true, closed: true, leave_message: true };
  function showQueue(f) {
    if (!f || closedConversation) { queueLine.hidden = true; return; }
    // position 1 is the head of the queue
    var ahead = Math.max(0, (Number(f.position) || 1) - 1);
    var minutes = Math.max(1, Math.ceil((Number(f.waitSeconds) || 0) / 60));
    queueLine.textContent = (ahead > 0 ? '排队中：您前面还有 ' + ahead + ' 位' : '排队中：您是下一位')
      + '，预计等待 ' + minutes + ' 分钟';
    queueLine.hidden = false;
  }
  function showQuick(items) {
    quick.textContent = '';
    (items || []).forEach(function (q) {
      if (q === HANDOFF) return;
      quick.appendChild(button('kefu-chip', q, null, function () { send(q); }));
    });
  }

  /* ---------- rating after the conversation ends ---------- */
  function conversationEnded() {
    closedConversation = true;
    queueLine.hidden = true;
    form.hidden = true;
    quick.hidden = true;
    handoffBtn.disabled = true;
    endBtn.disabled = true;
    if (log.querySelector('.kefu-rating')) return;
    var box = el('form', 'kefu-rating');
    box.setAttribute('aria-label', '服务评价');
    var field = el('fieldset');
    field.appendChild(el('legend', null, '请为本次服务打分'));
    var stars = el('div', 'kefu-stars');
    for (var i = 1; i <= 5; i++) {
      var label = el('label', 'kefu-star');
      var radio = el('input');
      radio.type = 'radio';
      radio.name = 'kefu-stars';
      radio.value = String(i);
      radio.setAttribute('aria-label', i + ' 星');
      label.appendChild(radio);
      label.appendChild(el('span', null, '★'));
      stars.appendChild(label);
    }
    field.appendChild(stars);
    var comment = el('textarea', 'kefu-comment');
    comment.placeholder = '还有什么想告诉我们的？（选填）';
    comment.setAttribute('aria-label', '评价留言');
    comment.maxLength = 500;
    field.appendChild(comment);
    box.appendChild(field);
    var submit = el('button', 'kefu-send', '提交评价');
    submit.type = 'submit';
    box.appendChild(submit);
    box.addEventListener('submit', function (e) {
      e.preventDefault();
      var chosen = box.querySelector('input[name="kefu-stars"]:checked');
      if (!chosen) { notice('请先选择星级。'); return; }
      frame({ type: 'rate', stars: Number(chosen.value), comment: comment.value.trim() || undefined });
      submit.disabled = true;
    });
    row('system', box);
    var again = button('kefu-chip kefu-restart', '开始新的会话', null, restart);
    row('system', again);
  }
  function endConversation() {
    if (closedConversation || !started) return;
    frame({ type: 'close' });
  }
  /** Empties the log and forgets what it held (a new conversation). */
  function clearLog() {
    log.textContent = '';
    queueLine.hidden = true;
    seen = {}; lastSeq = 0; greeted = false; acked = {};
  }
  function highestSeen() {
    return Object.keys(seen).reduce(function (a, s) { return Math.max(a, Number(s)); }, 0);
  }
  function rememberAcked(seq, m) {
    acked[seq] = m;
    var seqs = Object.keys(acked); // integer keys come in ascending order
    if (seqs.length > ACKED_KEPT) delete acked[seqs[0]];
  }
  /**
   * The server's conversation ends before messages this page received: it lost its last ones in a crash (the
   * embedded database writes its file every tenth of a second). Their numbers are given out again, so they must not be
   * taken for ones already seen, and what the customer sent there is sent once more, ahead of the unacknowledged.
   */
  function recoverLost(serverLast) {
    Object.keys(seen).forEach(function (s) { if (Number(s) > serverLast) delete seen[s]; });
    lastSeq = Math.min(lastSeq, serverLast);
    var again = {};
    Object.keys(acked).forEach(function (s) {
      if (Number(s) > serverLast) { again[acked[s].id] = acked[s]; delete acked[s]; }
    });
    Object.keys(pending).forEach(function (id) { again[id] = pending[id]; });
    pending = again;
  }
  function restart() {
    delete saved.conversation;
    save();
    clearLog();
    outbox = []; pending = {}; closedConversation = false;
    form.hidden = false; quick.hidden = false; handoffBtn.disabled = false; endBtn.disabled = false;
    if (ws) { ws.onclose = null; ws.close(); }
    connect();
  }

  /* ---------- the connection ---------- */
  function frame(obj) {
    if (ws && ws.readyState === 1 && (started || obj.type === 'hello')) { ws.send(JSON.stringify(obj)); return true; }
    return false;
  }
  function newId() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function send(text, suggestion) {
    if (closedConversation) return;
    var m = { type: 'message', id: newId(), text: text };
    if (suggestion) m.suggestion = suggestion;
    pending[m.id] = m;
    outbox.push(m);
    lastTypingSent = 0; // typing the next message shows at once
    customerBubble(text, m.id, started ? '发送中' : '等待发送');
    flush();
  }
  function flush() {
    while (outbox.length && frame(outbox[0])) outbox.shift();
  }
  function connect() {
    // one socket at a time: a restart while a reconnect is waiting must not open a second one later
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    setStatus(retry ? '连接已断开，正在重新连接…' : '连接中…', 'kefu-offline');
    started = false;
    var url = base.replace(/^http/, 'ws') + 'ws/chat';
    try { ws = new WebSocket(url); } catch (e) { scheduleReconnect(); return; }
    ws.onopen = function () {
      var hello = { type: 'hello', v: 1, token: saved.token, conversation: saved.conversation, lastSeq: lastSeq };
      if (data.profile) hello.profile = data.profile;
      frame(hello);
    };
    ws.onmessage = function (event) {
      lastHeard = Date.now();
      var f;
      try { f = JSON.parse(event.data); } catch (e) { return; }
      handle(f);
    };
    ws.onclose = function () {
      started = false;
      clearInterval(heartbeat);
      scheduleReconnect();
    };
  }
  var reconnectTimer = null;
  function scheduleReconnect() {
    setStatus('连接已断开，正在重新连接…', 'kefu-offline');
    var delay = Math.min(15000, 1000 * Math.pow(2, retry++)) * (0.75 + Math.random() / 2);
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, delay);
  }
  function handle(f) {
    switch (f.type) {
      case 'welcome':
        started = true;
        retry = 0;
        setStatus('在线', 'kefu-online');
        if (saved.conversation !== f.conversation) {
          clearLog();
          Object.keys(pending).forEach(function (id) { customerBubble(pending[id].text, id, '发送中'); });
        } else if (f.seq < highestSeen()) {
          recoverLost(f.seq);
        }
        saved.token = f.token;
        saved.conversation = f.conversation;
        save();
        if (!greeted) {
          greeted = true;
          var g = row('bot', el('div', 'kefu-text', f.greeting));
          log.insertBefore(g, log.firstChild);
        }
        showQuick(f.quickReplies);
        // everything not yet acknowledged goes (again): the server stores each client id once
        outbox = Object.keys(pending).map(function (id) { return pending[id]; });
        flush();
        clearInterval(heartbeat);
        heartbeat = setInterval(function () {
          if (Date.now() - lastHeard > 60000 && ws) { ws.close(); return; }
          frame({ type: 'ping' });
        }, 25000);
        break;
      case 'ack':
        if (pending[f.id]) rememberAcked(f.seq, pending[f.id]);
        delete pending[f.id];
        markSeen(f.seq);
        markSent(f.id);
        break;
      case 'message':
        serverMessage(f);
        break;
      case 'queue':
        showQueue(f);
        break;
      case 'typing':
        typing.textContent = f.from === 'agent' ? '人工客服正在输入…' : '客服正在输入…';
        typing.hidden = !f.on;
        clearTimeout(typingTimer);
        if (f.on) typingTimer = setTimeout(function () { typing.hidden = true; }, 15000);
        break;
      case 'rated':
        var rating = log.querySelector('.kefu-rating');
        if (rating) rating.replaceWith(el('div', 'kefu-text', '感谢您的评价！'));
        break;
      case 'error':
        if (f.code === 'rate_limited' && f.id && pending[f.id]) {
          setTimeout(function () { outbox.push(pending[f.id]); flush(); }, 1500);
          return;
        }
        if (f.id && pending[f.id]) {
          delete pending[f.id];
          var r = customerRow(f.id);
          var state = r && r.querySelector('.kefu-state');
          if (state) state.textContent = '未发送';
        }
        if (f.code === 'conversation_closed') conversationEnded();
        notice(f.message);
        break;
    }
  }

  function mount() {
    document.body.appendChild(root);
    if (pageMode || data.open === 'true') { panel.hidden = false; bubble.hidden = true; connect(); }
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
