/* How the console names and formats what the agent socket sends (docs/agents.md): the page's Chinese labels. */

export const TITLE = '人工客服工作台';
export const STATUS_NAMES = { online: '在线', busy: '忙碌', away: '离开', offline: '离线' };
export const PRIORITY_NAMES = { complaint: '投诉', vip: 'VIP', requeued: '重新排队' };
export const STATE_NAMES = { bot: '机器人', waiting: '排队中', agent: '人工服务中', closed: '已结束' };
export const SENDER_NAMES = { customer: '客户', bot: '机器人', agent: '客服', system: '系统' };
export const KIND_NAMES = {
  answer: '已回答', clarify: '请客户确认问题', none: '未找到答案', handoff: '转人工', prompt: '表单提问',
  done: '表单完成', notice: '提示', form: '表单'
};
export const REASON_NAMES = {
  human: '客户要求人工', complaint: '投诉', misses: '机器人多次未答上', no_answer: '机器人多次未答上',
  form_failed: '表单多次失败', form: '表单多次失败', requeued: '客服连接中断', transfer: '转接', picked: '客服接入'
};
/** What a `done` frame confirms, by the ref of the frame it answers. */
export const DONE_NAMES = { transfer: '已转接。', handback: '已转回机器人。', close: '会话已结束。', reassign: '已重新分配。' };
/** Why a conversation left this agent, by the `released` frame's `why`. */
export const RELEASE_NAMES = {
  transfer: '会话已转接给其他客服。', handback: '会话已转回机器人。', closed: '会话已结束。',
  requeued: '会话已回到排队队列。', reassign: '会话已由主管分配给其他客服。'
};
export const ROLE_NAMES = { AGENT: '客服', SUPERVISOR: '主管', EDITOR: '内容编辑', ADMIN: '管理员' };
const CHANNEL_NAMES = { web: '网页', wechat: '微信', h5: 'H5', app: 'App' };

export function channelName(c) { return CHANNEL_NAMES[c] || c || '网页'; }
export function statusName(s) { return STATUS_NAMES[s] || s || ''; }
/** An agent's conversations in progress and capacity, "2/5". */
export function agentLoad(a) { return (a.active || 0) + '/' + (a.capacity || 0); }
export function shortId(id) { return String(id || '').slice(0, 8); }

/** A clock time, "09:05". */
export function time(at) {
  const d = new Date(at);
  if (isNaN(d)) return '';
  const two = (n) => (n < 10 ? '0' : '') + n;
  return two(d.getHours()) + ':' + two(d.getMinutes());
}

/** How long ago, "3 分 12 秒". */
export function since(at) {
  const s = Math.max(0, Math.floor((Date.now() - Date.parse(at)) / 1000));
  if (isNaN(s)) return '';
  if (s < 60) return s + ' 秒';
  if (s < 3600) return Math.floor(s / 60) + ' 分 ' + (s % 60) + ' 秒';
  return Math.floor(s / 3600) + ' 小时 ' + Math.floor(s % 3600 / 60) + ' 分';
}
