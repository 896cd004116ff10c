/*
 * kefu chat widget. One tag adds a chat bubble to any page:
 *   <script src="https://kefu.example.com/widget.js" data-title="在线客服" async></script>
 * Attributes: data-server (default: where this script came from), data-title, data-mode="page" (full page, for
 * /chat), data-open="true" (open at once), data-profile (a visitor profile signed by the page's server, e.g. for
 * VIPs; docs/protocol.md). Plain JavaScript, no dependencies. Protocol: docs/protocol.md.
 * Every text reaches the page through textContent, never innerHTML.
 *
 * Two parts in one file, because a page adds the widget with one tag: the delivery (what goes out, when, and again
 * after a reconnect or a server's loss), which knows no page and is tested alone by WidgetDeliveryIT; and the panel,
 * which draws the conversation and drives the delivery from the socket's frames.
 */
(function () {
  'use strict';

  /* ---------- delivery: begin (no page in this part: WidgetDeliveryIT runs it alone, between these markers) ---------- */

  /** What became of a message that the server refused. */
  const Refusal = Object.freeze({
    NONE: 'none',          // the error is not about a message waiting for its ack
    RETRYING: 'retrying',  // rate limited: it goes again shortly
    DROPPED: 'dropped'     // refused for good: it is not sent again
  });

  /**
   * The customer's side of docs/protocol.md, "Sequence numbers, acknowledgements and resuming". What the customer
   * writes waits in the outbox until a conversation is started, goes out in order and stays pending until its ack;
   * after a reconnect everything pending goes again (the server stores each id once), so a message is stored once
   * however often the line drops. When the server lost acknowledged messages in a crash (welcome's seq below what
   * this page saw), their numbers are forgotten and the customer's messages among them sent again.
   *
   * io.send(frame): true when the frame went out, false while offline. io.store: load() and save(object), the visitor
   * token and conversation across page loads. io.now(): milliseconds. io.newId(): a unique message id.
   * io.later(fn, ms): runs fn once, ms from now.
   */
  function createDelivery(io) {
    const ACKED_KEPT = 100;  // the customer's latest acknowledged messages, kept in case the server loses them
    const saved = io.store.load() || {};
    let started = false;     // a welcome came on this connection: frames may go
    let outbox = [];         // messages still to go out on this connection, in order
    let pending = new Map(); // id -> message without its ack yet, in the order written
    const acked = new Map(); // seq -> the customer's message acknowledged with it, oldest first
    const seen = new Set();  // numbers received
    const retrying = new Set();  // ids refused as rate limited and not sent since
    let lastSeq = 0;         // the end of the unbroken run of numbers received
    let lastHeard = 0, lastTypingSent = 0;

    function transmit(frame) { return started && io.send(frame); }
    function flush() { while (outbox.length && transmit(outbox[0])) retrying.delete(outbox.shift().id); }

    /** Records a number as received; false when it was already. */
    function markSeen(seq) {
      if (seen.has(seq)) return false;
      seen.add(seq);
      while (seen.has(lastSeq + 1)) lastSeq++;
      return true;
    }
    function highestSeen() {
      let highest = 0;
      seen.forEach((s) => { highest = Math.max(highest, s); });
      return highest;
    }
    function forgetConversation() {
      seen.clear();
      lastSeq = 0;
      acked.clear();
    }
    /**
     * The server's conversation ends before messages this page received: it lost its last ones in a crash (the
     * embedded database writes its file every tenth of a second). Their numbers are given out again, so they must not
     * be taken for ones already seen, and what the customer sent there is sent once more, ahead of the unacknowledged.
     */
    function recoverLost(serverLast) {
      seen.forEach((s) => { if (s > serverLast) seen.delete(s); });
      lastSeq = Math.min(lastSeq, serverLast);
      const again = new Map();
      acked.forEach((m, s) => { if (s > serverLast) { again.set(m.id, m); acked.delete(s); } });
      pending.forEach((m, id) => again.set(id, m));
      pending = again;
    }

    return {
      /** The socket opened: says hello, resuming the stored conversation after the last number seen. */
      opened(profile) {
        started = false;
        const hello = { type: 'hello', v: 1, token: saved.token, conversation: saved.conversation, lastSeq };
        if (profile) hello.profile = profile;
        return io.send(hello);
      },
      /** The welcome frame: true when it starts a conversation other than the stored one. */
      welcome(f) {
        const fresh = saved.conversation !== f.conversation;
        if (fresh) forgetConversation();
        else if (f.seq < highestSeen()) recoverLost(f.seq);
        saved.token = f.token;
        saved.conversation = f.conversation;
        io.store.save(saved);
        started = true;
        // everything not yet acknowledged goes (again): the server stores each client id once
        outbox = Array.from(pending.values());
        flush();
        return fresh;
      },
      /** The socket closed, or a new one is being opened: nothing goes until the next welcome. */
      disconnected() { started = false; },
      started() { return started; },
      /** A message the customer wrote: it goes now, or once connected. */
      write(text, suggestion) {
        const m = { type: 'message', id: io.newId(), text };
        if (suggestion) m.suggestion = suggestion;
        pending.set(m.id, m);
        outbox.push(m);
        lastTypingSent = 0;  // typing the next message shows at once
        flush();
        return m;
      },
      /** The ack frame: the message is stored as number f.seq. */
      ack(f) {
        const m = pending.get(f.id);
        if (m) {
          acked.set(f.seq, m);
          if (acked.size > ACKED_KEPT) acked.delete(acked.keys().next().value);
          pending.delete(f.id);
        }
        outbox = outbox.filter((o) => o.id !== f.id);
        markSeen(f.seq);
      },
      /** A message frame: false when its number was received already. */
      received(m) { return markSeen(m.seq); },
      /** An error frame: what becomes of the message it is about (a Refusal). */
      refused(f) {
        const m = f.id ? pending.get(f.id) : null;
        if (!m) return Refusal.NONE;
        if (f.code === 'rate_limited' || f.code === 'unavailable') {  // unavailable: the database restarts
          retrying.add(m.id);
          io.later(() => {
            // unless a reconnect sent it meanwhile, or it waits in the outbox already
            if (!retrying.delete(m.id) || !pending.has(m.id) || outbox.some((o) => o.id === m.id)) return;
            outbox.push(m);
            flush();
          }, 1500);
          return Refusal.RETRYING;
        }
        pending.delete(m.id);
        return Refusal.DROPPED;
      },
      /** Any other frame (close, rate, ...): sent if the conversation is started, else false. */
      frame(frame) { return transmit(frame); },
      /** The customer types: "typing" at most every 3 s. */
      typing() {
        const now = io.now();
        if (started && now - lastTypingSent > 3000) {
          lastTypingSent = now;
          transmit({ type: 'typing', on: true });
        }
      },
      /** Any frame came in. */
      heard() { lastHeard = io.now(); },
      /** Every 25 s: a ping; false when nothing came for a minute and the socket is to be taken for dead. */
      beat() {
        if (io.now() - lastHeard > 60000) return false;
        transmit({ type: 'ping' });
        return true;
      },
      /** The messages without their ack, in the order they will go. */
      unacknowledged() { return Array.from(pending.values()); },
      /** The customer starts a new conversation: the stored one and all about it are forgotten. */
      restart() {
        delete saved.conversation;
        io.store.save(saved);
        forgetConversation();
        outbox = [];
        pending.clear();
        retrying.clear();
      }
    };
  }

  /* ---------- delivery: end ---------- */

  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  const data = (script && script.dataset) || {};
  const base = (data.server || (script && script.src ? new URL('.', script.src).href : location.origin + '/')).replace(/\/?$/, '/');
  const pageMode = data.mode === 'page';
  const title = data.title || '在线客服';
  const STORE = 'kefu.' + new URL(base).host;
  const HANDOFF = '转人工';
  const OPEN = 1;  // WebSocket.OPEN

  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = base + 'widget.css';
  document.head.appendChild(css);

  /* ---------- small DOM helpers ----------
   * The agent console's agent/dom.js has the same few lines. They are copied, not shared: the widget is embedded by
   * one tag on other sites' pages, so it cannot import a second script. */
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function button(cls, text, label, onClick) {
    const b = el('button', cls, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }
  /** A button that sends its own text as the customer's message. */
  function chip(text) { return button('kefu-chip', text, null, () => send(text)); }

  /* ---------- the small safe markup: paragraphs, "- " and "1. " lists, [text](https://...) links ---------- */
  function inline(parent, text) {
    const link = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;
    let last = 0, m;
    while ((m = link.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      const a = el('a', null, m[1]);
      a.href = m[2];
      a.target = '_blank';
      a.rel = 'noopener noreferrer nofollow';
      parent.appendChild(a);
      last = link.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function markup(text) {
    const frag = document.createDocumentFragment();
    let list = null, para = null;
    text.replace(/\r\n?/g, '\n').split('\n').forEach((raw) => {
      const line = raw.trim(), bullet = /^[-•]\s+(.*)$/.exec(line), num = /^\d+[.、]\s*(.*)$/.exec(line);
      if (!line) { list = null; para = null; return; }
      if (bullet || num) {
        const tag = bullet ? 'UL' : 'OL';
        if (!list || list.tagName !== tag) { list = el(tag.toLowerCase()); frag.appendChild(list); }
        para = null;
        const li = el('li');
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

  /* ---------- the delivery over this page's socket and storage ---------- */
  let ws = null, retry = 0, heartbeat = null, reconnectTimer = null, typingTimer = null;
  let greeted = false, closedConversation = false;
  const delivery = createDelivery({
    send(frame) {
      if (ws && ws.readyState === OPEN) { ws.send(JSON.stringify(frame)); return true; }
      return false;
    },
    store: {
      load() { try { return JSON.parse(localStorage.getItem(STORE) || '{}'); } catch (e) { return {}; } },
      save(saved) { try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private mode */ } }
    },
    now: Date.now,
    newId() {
      return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
    },
    later(fn, ms) { setTimeout(fn, ms); }
  });

  /* ---------- the panel ---------- */
  const root = el('div', 'kefu-root' + (pageMode ? ' kefu-page' : ''));
  const bubble = button('kefu-bubble', '', '打开' + title, () => toggle(true));
  bubble.setAttribute('aria-expanded', 'false');
  bubble.appendChild(el('span', 'kefu-bubble-icon', '💬'));
  bubble.appendChild(el('span', 'kefu-bubble-text', '咨询'));
  const panel = el('section', 'kefu-panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  panel.hidden = !pageMode;
  const header = el('header', 'kefu-header');
  const status = el('span', 'kefu-status', '连接中…');
  status.setAttribute('role', 'status');
  const handoffBtn = button('kefu-handoff', HANDOFF, '转人工客服', () => send(HANDOFF));
  const endBtn = button('kefu-end', '结束', '结束本次会话', endConversation);
  header.appendChild(el('h2', 'kefu-title', title));
  header.appendChild(status);
  header.appendChild(handoffBtn);
  header.appendChild(endBtn);
  if (!pageMode) header.appendChild(button('kefu-close', '×', '收起客服窗口', () => toggle(false)));
  const log = el('div', 'kefu-log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', '聊天记录');
  log.tabIndex = 0;
  const typing = el('div', 'kefu-typing', '客服正在输入…');
  typing.hidden = true;
  typing.setAttribute('aria-live', 'polite');
  // the live queue position while waiting for a person (not stored; hidden once an agent joins)
  const queueLine = el('div', 'kefu-queue');
  queueLine.hidden = true;
  queueLine.setAttribute('role', 'status');
  queueLine.setAttribute('aria-live', 'polite');
  const quick = el('div', 'kefu-quick');
  quick.setAttribute('aria-label', '常见问题');
  const form = el('form', 'kefu-form');
  const input = el('textarea', 'kefu-input');
  input.rows = 1;
  input.placeholder = '请输入您的问题';
  input.setAttribute('aria-label', '输入您的问题');
  input.maxLength = 500;
  const sendBtn = el('button', 'kefu-send', '发送');
  sendBtn.type = 'submit';
  sendBtn.setAttribute('aria-label', '发送消息');
  form.appendChild(input);
  form.appendChild(sendBtn);
  [header, log, queueLine, typing, quick, form].forEach((part) => panel.appendChild(part));
  if (!pageMode) root.appendChild(bubble);
  root.appendChild(panel);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit')); }
  });
  input.addEventListener('input', () => delivery.typing());
  panel.addEventListener('keydown', (e) => {
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
  const SPEAKERS = { customer: '我', bot: '智能客服', agent: '人工客服', system: '系统' };
  function row(from, node, name) {
    const r = el('div', 'kefu-msg kefu-msg-' + from);
    r.setAttribute('aria-label', (SPEAKERS[from] || from) + (name ? ' ' + name : '') + '说');
    if (from === 'agent') {
      const label = el('div', 'kefu-name');
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
    const r = row('customer', el('div', 'kefu-text', text));
    r.dataset.id = id;
    if (state) { r.classList.add('kefu-pending'); r.appendChild(el('span', 'kefu-state', state)); }
    return r;
  }
  function customerRow(id) { return log.querySelector('.kefu-msg-customer[data-id="' + CSS.escape(id) + '"]'); }
  function markSent(id) {
    const r = customerRow(id);
    if (!r) return;
    r.classList.remove('kefu-pending');
    const s = r.querySelector('.kefu-state');
    if (s) s.remove();
  }
  function markUnsent(id) {
    const r = customerRow(id);
    const s = r && r.querySelector('.kefu-state');
    if (s) s.textContent = '未发送';
  }
  function serverMessage(m) {
    if (!delivery.received(m)) return;
    if (m.from === 'customer') {
      if (customerRow(m.id || '')) markSent(m.id);
      else customerBubble(m.text, m.id || '');
      return;
    }
    typing.hidden = true;
    const box = el('div', 'kefu-text');
    // bot answers use the safe markup; people and the system write plain text
    if (m.from === 'bot') box.appendChild(markup(m.text)); else box.textContent = m.text;
    const r = row(m.from, box, m.from === 'agent' ? m.agent : null);
    r.dataset.kind = m.kind;
    if (m.from === 'agent' || LEFT_QUEUE[m.kind]) showQueue(null);
    if (m.suggestions && m.suggestions.length) {
      const list = el('div', 'kefu-suggestions');
      list.setAttribute('aria-label', m.kind === 'clarify' ? '您是不是想问' : '相关问题');
      if (m.kind !== 'clarify') list.appendChild(el('div', 'kefu-hint', '相关问题：'));
      m.suggestions.forEach((s) => {
        list.appendChild(button('kefu-suggestion', s.question, null, () => send(s.question, s.id)));
      });
      r.appendChild(list);
    }
    if (m.from === 'bot' && m.kind === 'answer' && m.seq) r.appendChild(voteButtons(m.seq));
    if (m.quickReplies && m.quickReplies.length) {
      const chips = el('div', 'kefu-chips');
      m.quickReplies.forEach((q) => chips.appendChild(chip(q)));
      r.appendChild(chips);
    }
    if (m.kind === 'closed') conversationEnded();
  }
  /* 有帮助 / 没帮助 under an answer: one vote, then a thank-you in their place (the server keeps one per answer) */
  function voteButtons(seq) {
    const box = el('div', 'kefu-vote');
    const vote = (helpful) => {
      if (!ws || ws.readyState !== OPEN) return;
      ws.send(JSON.stringify({ type: 'vote', seq, helpful }));
      box.replaceChildren(el('span', 'kefu-hint', '感谢您的反馈'));
    };
    box.append(button('kefu-chip', '有帮助', '这条回答有帮助', () => vote(true)),
      button('kefu-chip', '没帮助', '这条回答没帮助', () => vote(false)));
    return box;
  }
  function notice(text) { row('system', el('div', 'kefu-text', text)); }
  /* the system notices after which the customer is no longer waiting in the queue */
  const LEFT_QUEUE = { agent_joined: true, handback: true, closed: true, leave_message: true };
  function showQueue(f) {
    if (!f || closedConversation) { queueLine.hidden = true; return; }
    // position 1 is the head of the queue
    const ahead = Math.max(0, (Number(f.position) || 1) - 1);
    const minutes = Math.max(1, Math.ceil((Number(f.waitSeconds) || 0) / 60));
    queueLine.textContent = (ahead > 0 ? '排队中：您前面还有 ' + ahead + ' 位' : '排队中：您是下一位')
      + '，预计等待 ' + minutes + ' 分钟';
    queueLine.hidden = false;
  }
  function showQuick(items) {
    quick.textContent = '';
    (items || []).forEach((q) => { if (q !== HANDOFF) quick.appendChild(chip(q)); });
  }

  /* ---------- rating after the conversation ends ---------- */
  /** Whether the customer can still write: the form, the quick buttons and the header's actions. */
  function setWritable(writable) {
    form.hidden = !writable;
    quick.hidden = !writable;
    handoffBtn.disabled = !writable;
    endBtn.disabled = !writable;
  }
  function conversationEnded() {
    closedConversation = true;
    queueLine.hidden = true;
    setWritable(false);
    if (log.querySelector('.kefu-rating')) return;
    const box = el('form', 'kefu-rating');
    box.setAttribute('aria-label', '服务评价');
    const field = el('fieldset');
    field.appendChild(el('legend', null, '请为本次服务打分'));
    const stars = el('div', 'kefu-stars');
    for (let i = 1; i <= 5; i++) {
      const label = el('label', 'kefu-star');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = 'kefu-stars';
      radio.value = String(i);
      radio.setAttribute('aria-label', i + ' 星');
      label.appendChild(radio);
      label.appendChild(el('span', null, '★'));
      stars.appendChild(label);
    }
    field.appendChild(stars);
    const comment = el('textarea', 'kefu-comment');
    comment.placeholder = '还有什么想告诉我们的？（选填）';
    comment.setAttribute('aria-label', '评价留言');
    comment.maxLength = 500;
    field.appendChild(comment);
    box.appendChild(field);
    const submit = el('button', 'kefu-send', '提交评价');
    submit.type = 'submit';
    box.appendChild(submit);
    box.addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = box.querySelector('input[name="kefu-stars"]:checked');
      if (!chosen) { notice('请先选择星级。'); return; }
      delivery.frame({ type: 'rate', stars: Number(chosen.value), comment: comment.value.trim() || undefined });
      submit.disabled = true;
    });
    row('system', box);
    row('system', button('kefu-chip kefu-restart', '开始新的会话', null, restart));
  }
  function endConversation() {
    if (closedConversation || !delivery.started()) return;
    delivery.frame({ type: 'close' });
  }
  /** Empties the log (a new conversation). */
  function clearLog() {
    log.textContent = '';
    queueLine.hidden = true;
    greeted = false;
  }
  function restart() {
    delivery.restart();
    clearLog();
    closedConversation = false;
    setWritable(true);
    if (ws) { ws.onclose = null; ws.close(); }
    connect();
  }

  /* ---------- the connection ---------- */
  function send(text, suggestion) {
    if (closedConversation) return;
    const m = delivery.write(text, suggestion);
    customerBubble(text, m.id, delivery.started() ? '发送中' : '等待发送');
  }
  function connect() {
    // one socket at a time: a restart while a reconnect is waiting must not open a second one later
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    setStatus(retry ? '连接已断开，正在重新连接…' : '连接中…', 'kefu-offline');
    delivery.disconnected();
    const url = base.replace(/^http/, 'ws') + 'ws/chat';
    try { ws = new WebSocket(url); } catch (e) { scheduleReconnect(); return; }
    ws.onopen = () => delivery.opened(data.profile);
    ws.onmessage = (event) => {
      delivery.heard();
      let f;
      try { f = JSON.parse(event.data); } catch (e) { return; }
      handle(f);
    };
    ws.onclose = () => {
      delivery.disconnected();
      clearInterval(heartbeat);
      scheduleReconnect();
    };
  }
  function scheduleReconnect() {
    setStatus('连接已断开，正在重新连接…', 'kefu-offline');
    const delay = Math.min(15000, 1000 * Math.pow(2, retry++)) * (0.75 + Math.random() / 2);
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, delay);
  }
  function handle(f) {
    switch (f.type) {
      case 'welcome': welcome(f); break;
      case 'ack': delivery.ack(f); markSent(f.id); break;
      case 'message': serverMessage(f); break;
      case 'queue': showQueue(f); break;
      case 'typing':
        typing.textContent = f.from === 'agent' ? '人工客服正在输入…' : '客服正在输入…';
        typing.hidden = !f.on;
        clearTimeout(typingTimer);
        if (f.on) typingTimer = setTimeout(() => { typing.hidden = true; }, 15000);
        break;
      case 'rated': {
        const rating = log.querySelector('.kefu-rating');
        if (rating) rating.replaceWith(el('div', 'kefu-text', '感谢您的评价！'));
        break;
      }
      case 'error': refused(f); break;
      default: break;  // pong and anything newer
    }
  }
  function welcome(f) {
    retry = 0;
    setStatus('在线', 'kefu-online');
    if (delivery.welcome(f)) {
      clearLog();
      delivery.unacknowledged().forEach((m) => customerBubble(m.text, m.id, '发送中'));
    }
    if (!greeted) {
      greeted = true;
      log.insertBefore(row('bot', el('div', 'kefu-text', f.greeting)), log.firstChild);
    }
    showQuick(f.quickReplies);
    clearInterval(heartbeat);
    heartbeat = setInterval(() => { if (!delivery.beat() && ws) ws.close(); }, 25000);
  }
  function refused(f) {
    const outcome = delivery.refused(f);
    if (outcome === Refusal.RETRYING) return;
    if (outcome === Refusal.DROPPED) markUnsent(f.id);
    if (f.code === 'conversation_closed') conversationEnded();
    notice(f.message);
  }

  function mount() {
    document.body.appendChild(root);
    if (pageMode || data.open === 'true') { panel.hidden = false; bubble.hidden = true; connect(); }
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
