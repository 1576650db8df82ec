// Strings of the call log's filters (CC5), merged into the locale files under `callLog`. The table's
// own labels stay in workbench/messages.ts (telephony.calls).

const zhCN = {
  agent: '坐席',
  queue: '队列',
  customer: '客户',
  campaign: '外呼活动',
  direction: '方向',
  directions: { inbound: '呼入', outbound: '外呼' },
  outcome: '结果',
  outcomes: { completed: '已完成', abandoned: '放弃', overflowed: '溢出', transferred: '已转接', failed: '失败', live: '进行中' },
  disposition: '处理结果',
  talk: '通话时长（秒）',
  min: '最短',
  max: '最长',
  number: '电话号码',
  reset: '重置',
  total: '共 {n} 条',
};

const en: typeof zhCN = {
  agent: 'Agent',
  queue: 'Queue',
  customer: 'Customer',
  campaign: 'Campaign',
  direction: 'Direction',
  directions: { inbound: 'Inbound', outbound: 'Outbound' },
  outcome: 'Outcome',
  outcomes: { completed: 'Completed', abandoned: 'Abandoned', overflowed: 'Overflowed', transferred: 'Transferred', failed: 'Failed', live: 'In progress' },
  disposition: 'Disposition',
  talk: 'Talk time (s)',
  min: 'Min',
  max: 'Max',
  number: 'Phone number',
  reset: 'Reset',
  total: '{n} calls',
};

export const callLogMessages = { 'zh-CN': zhCN, en };
