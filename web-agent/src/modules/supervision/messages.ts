// Strings of the supervision module (call actions, live calls, the agent's monitored indicator), merged
// into the locale files under `supervision` with one line each. Both locales carry the same keys.

const zhCN = {
  title: '班长监控',
  modes: { listen: '监听中', whisper: '密语中', barge: '强插中' },
  actions: {
    listen: '监听',
    whisper: '密语',
    barge: '强插',
    stop: '停止',
    hangup: '强拆',
    takeOver: '拦截接管',
  },
  confirm: { hangup: '确定强制挂断这通电话吗？', takeOver: '确定接管这通电话吗？坐席将被移出通话。' },
  liveCalls: {
    title: '实时通话',
    empty: '当前没有可监控的通话',
    agent: '坐席',
    caller: '主叫',
    queue: '队列',
    since: '接通时间',
    actions: '操作',
  },
  monitored: '班长正在监听本通话',
  settings: { agentsSeeMonitoring: '坐席可见"正在被监听"提示' },
};

const en: typeof zhCN = {
  title: 'Supervision',
  modes: { listen: 'Listening', whisper: 'Whispering', barge: 'Barged in' },
  actions: {
    listen: 'Listen',
    whisper: 'Whisper',
    barge: 'Barge',
    stop: 'Stop',
    hangup: 'Hang up',
    takeOver: 'Take over',
  },
  confirm: {
    hangup: 'End this call for both parties?',
    takeOver: 'Take over this call? The agent will be removed from it.',
  },
  liveCalls: {
    title: 'Live calls',
    empty: 'No calls you may monitor right now',
    agent: 'Agent',
    caller: 'Caller',
    queue: 'Queue',
    since: 'Answered',
    actions: 'Actions',
  },
  monitored: 'A supervisor is monitoring this call',
  settings: { agentsSeeMonitoring: 'Agents see a "being monitored" indicator' },
};

export const supervisionMessages = { 'zh-CN': zhCN, en };
