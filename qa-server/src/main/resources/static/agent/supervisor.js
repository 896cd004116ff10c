/* 主管面板: every agent's status and load, and every conversation in progress, to look at, take over or reassign. */
import { $, el, button, clear } from './dom.js';
import { STATE_NAMES, channelName, statusName, agentLoad, shortId, time } from './names.js';
import { state } from './state.js';
import { send } from './socket.js';
import { openConversation, renderConversationHead } from './conversation.js';
import { openReassign } from './dialogs.js';

export function onAgents(items) {
  state.agents = items;
  const list = $('agents');
  clear(list);
  for (const a of items) {
    const li = el('li', 'agent-item');
    li.dataset.username = a.username;
    li.dataset.status = a.status || 'offline';
    li.appendChild(el('span', 'dot dot-' + (a.status || 'offline')));
    li.appendChild(el('span', 'agent-name', (a.displayName || a.username) + '（' + a.username + '）'));
    li.appendChild(el('span', 'agent-status', statusName(a.status)));
    li.appendChild(el('span', 'agent-load', agentLoad(a)));
    list.appendChild(li);
  }
}

export function onLive(items) {
  state.live = items;
  const list = $('live');
  clear(list);
  for (const c of items) list.appendChild(liveItem(c));
  $('live-count').textContent = String(items.length);
  $('live-empty').hidden = items.length > 0;
  if (state.current) renderConversationHead();
}

function liveItem(c) {
  const id = c.conversation, short = shortId(id);
  const li = el('li', 'live-item');
  li.dataset.conversation = id;
  li.dataset.state = c.state || '';
  const top = el('div', 'item-top');
  top.appendChild(el('span', 'badge badge-state-' + (c.state || ''), STATE_NAMES[c.state] || c.state || ''));
  top.appendChild(el('span', 'customer', '会话 ' + short));
  if (c.agent) top.appendChild(el('span', 'live-agent', '客服 ' + c.agent));
  top.appendChild(el('span', 'channel', channelName(c.channel)));
  if (c.updatedAt) top.appendChild(el('time', 'msg-time', time(c.updatedAt)));
  li.appendChild(top);
  li.appendChild(el('div', 'last', c.lastMessage || ''));
  const actions = el('div', 'item-actions');
  actions.appendChild(button('open-live', '查看', () => openConversation(id), '查看会话 ' + short));
  actions.appendChild(button('takeover', '接管', () => {
    send({ type: 'takeover', conversation: id, ref: 'takeover:' + id });
  }, '接管会话 ' + short));
  actions.appendChild(button('reassign', '分配给…', () => openReassign(id), '把会话 ' + short + ' 分配给其他客服'));
  li.appendChild(actions);
  return li;
}
