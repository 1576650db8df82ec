// Strings of the wallboard module, merged into the locale files under `wallboardPage` with one line
// each. Both locales carry the same keys.

const zhCN = {
  title: '实时监控墙',
  day: '统计日 {day}（{zone}）',
  connection: { live: '实时', offline: '连接中断，恢复后自动刷新' },
  queues: { title: '队列', empty: '没有可查看的队列' },
  queue: {
    waiting: '排队中', longestWait: '最长等待', answered: '接通', abandoned: '放弃', offered: '呼入',
    serviceLevel: '服务水平', serviceLevelHint: '{sec} 秒内接通', asa: '平均应答速度', agents: '坐席',
  },
  states: { signedOut: '未签入', ready: '空闲', ringing: '振铃', onCall: '通话中', wrapUp: '话后整理', paused: '小休' },
  agents: {
    title: '坐席', empty: '没有可查看的坐席', name: '坐席', state: '状态', inState: '状态时长', call: '当前通话',
    duration: '通话时长', handled: '今日接听', pause: '今日小休', actions: '班长操作',
  },
  campaigns: {
    title: '外呼活动', empty: '暂无外呼活动数据（外呼拨号器未运行）', dialRate: '拨号速率/分', lines: '进行中线路',
    connects: '今日接通', abandon: '窗口放弃率', left: '剩余名单', status: '状态',
  },
};

const en: typeof zhCN = {
  title: 'Live wallboard',
  day: 'Day {day} ({zone})',
  connection: { live: 'Live', offline: 'Disconnected; refreshes when the connection is back' },
  queues: { title: 'Queues', empty: 'No queues to show' },
  queue: {
    waiting: 'Waiting', longestWait: 'Longest wait', answered: 'Answered', abandoned: 'Abandoned', offered: 'Offered',
    serviceLevel: 'Service level', serviceLevelHint: 'answered within {sec} s', asa: 'ASA', agents: 'Agents',
  },
  states: { signedOut: 'Signed out', ready: 'Ready', ringing: 'Ringing', onCall: 'On call', wrapUp: 'Wrap-up', paused: 'Paused' },
  agents: {
    title: 'Agents', empty: 'No agents to show', name: 'Agent', state: 'State', inState: 'Time in state', call: 'Current call',
    duration: 'Duration', handled: 'Handled today', pause: 'Paused today', actions: 'Supervisor',
  },
  campaigns: {
    title: 'Campaigns', empty: 'No campaign figures (the dialer is not running)', dialRate: 'Dials/min', lines: 'Lines in progress',
    connects: 'Connects today', abandon: 'Abandon (window)', left: 'Records left', status: 'Status',
  },
};

export const wallboardMessages = { 'zh-CN': zhCN, en };
