// Strings of the recordings module, merged into the locale files under `recordingsPage` with one line
// each. Both locales carry the same keys.

const zhCN = {
  title: '录音',
  filters: {
    range: '日期', from: '开始日期', to: '结束日期', agent: '坐席', queue: '队列', campaign: '外呼活动', customer: '客户名称或号码',
    disposition: '处理结果', minDuration: '最短时长（秒）', maxDuration: '最长时长（秒）', search: '查询', reset: '重置',
  },
  columns: {
    startedAt: '时间', duration: '时长', direction: '方向', number: '号码', agent: '坐席', queue: '队列', campaign: '外呼活动',
    customer: '客户', disposition: '处理结果', pauses: '暂停', actions: '操作',
  },
  direction: { inbound: '呼入', outbound: '呼出' },
  play: '播放', download: '下载', empty: '没有符合条件的录音', total: '共 {n} 条',
  player: { title: '录音回放', loading: '正在加载波形…', paused: '录音暂停（静音）', unavailable: '录音文件不可用' },
  retention: {
    title: '保留策略', days: '保留天数', forever: '永久保留（填 0）', save: '保存', saved: '已保存',
    hint: '超过天数的录音由后台任务删除（文件与记录），每次删除都记入审计日志。',
  },
  pause: { pause: '暂停录音', resume: '恢复录音', paused: '录音已暂停', failed: '操作失败' },
};

const en: typeof zhCN = {
  title: 'Recordings',
  filters: {
    range: 'Date', from: 'From', to: 'To', agent: 'Agent', queue: 'Queue', campaign: 'Campaign', customer: 'Customer name or number',
    disposition: 'Disposition', minDuration: 'Min. duration (s)', maxDuration: 'Max. duration (s)', search: 'Search', reset: 'Reset',
  },
  columns: {
    startedAt: 'Time', duration: 'Duration', direction: 'Direction', number: 'Number', agent: 'Agent', queue: 'Queue', campaign: 'Campaign',
    customer: 'Customer', disposition: 'Disposition', pauses: 'Pauses', actions: 'Actions',
  },
  direction: { inbound: 'Inbound', outbound: 'Outbound' },
  play: 'Play', download: 'Download', empty: 'No recordings match', total: '{n} in total',
  player: { title: 'Recording', loading: 'Loading the waveform…', paused: 'Recording paused (silence)', unavailable: 'The recording file is not available' },
  retention: {
    title: 'Retention', days: 'Keep for (days)', forever: 'Keep forever (enter 0)', save: 'Save', saved: 'Saved',
    hint: 'A background job deletes recordings older than this (file and record); each deletion is written to the audit log.',
  },
  pause: { pause: 'Pause recording', resume: 'Resume recording', paused: 'Recording paused', failed: 'The action failed' },
};

export const recordingsMessages = { 'zh-CN': zhCN, en };
