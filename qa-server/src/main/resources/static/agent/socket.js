/*
 * The agent socket /ws/agent (docs/agents.md): one JSON object a frame, a ping every 25 s, a socket silent for 60 s
 * taken for dead, and reconnecting after growing, jittered delays. Which frame goes where is dispatch.js's business.
 */
import { $ } from './dom.js';

const OPEN = 1;  // WebSocket.OPEN
let ws = null, retry = 0, reconnectTimer = null, heartbeat = null, lastHeard = 0;
let listener = null;

/** Sends a frame if the socket is open; false when it is not (the caller decides what waits). */
export function send(frame) {
  if (ws && ws.readyState === OPEN) { ws.send(JSON.stringify(frame)); return true; }
  return false;
}

/**
 * Connects and stays connected until stop(). The listener hears opened() after each (re)connect, frame(f) for each
 * frame, and refused() when a socket closed before it opened (the session may have ended).
 */
export function start(socketListener) {
  listener = socketListener;
  connect();
}

export function stop() {
  if (ws) { ws.onclose = null; ws.close(); }
  clearTimeout(reconnectTimer);
}

function connect() {
  clearTimeout(reconnectTimer);
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/agent';
  let socket;
  try { socket = new WebSocket(url); } catch (e) { scheduleReconnect(); return; }
  ws = socket;
  let opened = false;
  socket.onopen = () => {
    opened = true;
    retry = 0;
    lastHeard = Date.now();
    showConnected(true);
    clearInterval(heartbeat);
    heartbeat = setInterval(() => {
      if (Date.now() - lastHeard > 60000) { socket.close(); return; }
      send({ type: 'ping' });
    }, 25000);
    listener.opened();
  };
  socket.onmessage = (event) => {
    lastHeard = Date.now();
    let f;
    try { f = JSON.parse(event.data); } catch (e) { return; }
    if (f && typeof f === 'object') listener.frame(f);
  };
  socket.onclose = () => {
    if (ws !== socket) return;
    clearInterval(heartbeat);
    showConnected(false);
    if (!opened) listener.refused();
    scheduleReconnect();
  };
}

function showConnected(connected) {
  $('connection').hidden = connected;
  document.body.classList.toggle('offline', !connected);
}

function scheduleReconnect() {
  clearTimeout(reconnectTimer);
  const delay = Math.min(15000, 1000 * Math.pow(2, retry++)) * (0.75 + Math.random() / 2);
  reconnectTimer = setTimeout(connect, delay);
}
