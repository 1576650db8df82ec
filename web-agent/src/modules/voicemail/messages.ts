// Strings of the voicemail list, merged into the locale files under `voicemailPage` with one line each.

const zhCN = {
  title: '语音留言',
  link: '语音留言',
  time: '时间',
  mailbox: '信箱',
  caller: '来电号码',
  duration: '时长',
  play: '收听',
  heard: '已听',
  unheard: '未听',
  empty: '暂无语音留言',
  arrived: '新的语音留言：{caller}（{mailbox}）',
  kind: { queue: '队列', user: '个人' },
};

const en: typeof zhCN = {
  title: 'Voicemail',
  link: 'Voicemail',
  time: 'Time',
  mailbox: 'Mailbox',
  caller: 'Caller',
  duration: 'Length',
  play: 'Listen',
  heard: 'Heard',
  unheard: 'New',
  empty: 'No voicemail',
  arrived: 'New voicemail from {caller} ({mailbox})',
  kind: { queue: 'Queue', user: 'Personal' },
};

export const voicemailMessages = { 'zh-CN': zhCN, en };
