// Strings of the campaign console (admin pages and the agent's outbound view), merged into the locale
// files under `campaignsPage` with one line each. Both locales carry the same keys (locales.test.ts).

const zhCN = {
  title: '外呼活动',
  tabs: { campaigns: '活动列表', dnc: '全局免打扰名单' },
  empty: '暂无外呼活动',
  saved: '已保存',
  fields: {
    name: '活动名称', mode: '外呼模式', status: '状态', callerId: '主叫号码', trunk: '中继', agents: '坐席', teams: '班组', script: '话术',
    maxLines: '每坐席最大线路数', powerLines: '每坐席固定线路数（功率模式）', abandonTarget: '呼损率目标（%）', abandonWindow: '呼损率统计窗口',
    amd: '答录机检测', amdAction: '检测到答录机时', recordCalls: '通话录音', ringTimeout: '振铃超时（秒）', unreachable: '连续未接（不同日期）达到次数后标记为无法接通',
    progress: '进度', updatedAt: '更新时间', teamsHint: '选择班组',
  },
  modes: { preview: '预览式', progressive: '渐进式', power: '功率式', predictive: '预测式' },
  modeHints: {
    preview: '坐席先查看名单记录，再决定拨打或跳过',
    progressive: '每位就绪坐席同时只拨一通',
    power: '每位就绪坐席按固定线路数拨打',
    predictive: '按接通率与通话时长预测拨打量，控制呼损率',
  },
  statuses: { draft: '草稿', running: '进行中', paused: '已暂停', stopped: '已停止', completed: '已完成' },
  windows: { uk24h: '24 小时（英国规则）', us30d: '30 天（美国规则）' },
  amdActions: { hangup: '挂断', message: '留言后挂断' },
  recordStatuses: {
    pending: '待拨', dialing: '拨号中', scheduled: '待重拨', callback: '预约回拨', done: '已完成', invalid: '空号', unreachable: '无法接通',
    dnc: '免打扰', max_attempts: '达到最大次数',
  },
  meanings: { final: '结束', retry: '重拨', callback: '回拨', dnc: '加入免打扰', recycle: '回收再拨' },
  outcomes: {
    busy: '忙线', noAnswer: '无人接听', failed: '呼叫失败', abandoned: '放弃（未接入坐席）', machine: '答录机', answered: '已接通', unallocated: '空号', congestion: '线路拥塞',
  },
  weekdays: { '0': '周日', '1': '周一', '2': '周二', '3': '周三', '4': '周四', '5': '周五', '6': '周六' },
  actions: {
    create: '新建活动', edit: '编辑', save: '保存', cancel: '取消', start: '开始', pause: '暂停', stop: '停止', open: '查看', import: '导入名单',
    fromQuery: '从客户/线索添加', refresh: '刷新', close: '关闭', add: '添加', remove: '删除', addRange: '添加时段', copyWeekdays: '应用到周一至周五',
    back: '返回列表',
  },
  confirmStop: '停止后活动不能再次开始，确定停止吗？',
  form: {
    createTitle: '新建外呼活动', editTitle: '编辑外呼活动',
    sections: { basic: '基本信息', dialing: '拨号设置', windows: '呼叫时段', retry: '重拨规则', dispositions: '处理结果' },
    windowsHint: '按被叫号码所在时区的当地时间；没有时段的日期不外呼。', noRanges: '不外呼', to: '至',
    retryHint: '每种结果的重拨间隔与最多次数；被放弃的号码 72 小时内不会再次拨打。', delayMin: '间隔（分钟）', maxAttempts: '最多次数',
    totalAttempts: '所有结果合计最多拨打次数', noRedialHours: '放弃后不再拨打（小时）', outcome: '结果',
    code: '代码', labelZh: '中文名称', labelEn: '英文名称', meaning: '含义', retryDelay: '重拨间隔（秒）',
    problems: {
      nameRequired: '请填写活动名称', callerIdInvalid: '主叫号码应为 3–20 位数字', ringTimeout: '振铃超时不能少于 15 秒',
      linesOrder: '固定线路数不能大于最大线路数', abandonTarget: '呼损率目标应在 0–10% 之间', windows: '呼叫时段有误（格式 HH:MM，结束须晚于开始，且不能重叠）',
      dispositionsEmpty: '至少需要一个处理结果', dispositionCode: '处理结果代码只能包含字母、数字、下划线和连字符', dispositionDuplicate: '处理结果代码重复',
      dispositionLabel: '请填写处理结果的中英文名称',
    },
  },
  progress: {
    title: '实时进度', total: '名单总数', dialed: '已拨打', connected: '已接通', abandoned: '放弃', remaining: '剩余', abandonRate: '呼损率',
    onWindow: '统计窗口：{w}', lines: '进行中线路', dialRate: '每分钟拨打', connectsToday: '今日接通', target: '目标 {n}%',
  },
  records: {
    title: '名单记录', search: '搜索号码或姓名', phone: '号码', name: '姓名', timezone: '时区', priority: '优先级', attempts: '拨打次数',
    lastOutcome: '最近结果', lastDisposition: '处理结果', nextAttempt: '下次拨打', callbackAt: '回拨时间', allStatuses: '全部状态', empty: '暂无名单记录',
  },
  import: {
    title: '导入外呼名单', stepUpload: '上传文件', stepMapping: '字段映射', stepProgress: '导入进度', stepResult: '结果',
    uploadHint: '支持 CSV（UTF-8 或 GBK）与 Excel (.xlsx) 文件，第一行为表头；必须包含电话列。', encoding: '编码', rows: '共 {n} 行',
    previous: '该文件已导入过，重复导入不会产生重复数据', ignore: '不导入', start: '开始导入', next: '下一步', back: '上一步',
    imported: '导入 {n}', skipped: '跳过 {n}', dnc: '免打扰 {n}', errors: '错误 {n}', row: '行号', field: '字段', reason: '原因', failed: '导入失败', needPhone: '请指定电话列',
    targets: { phone: '电话', name: '姓名', timezone: '时区', priority: '优先级' },
  },
  fromQuery: {
    title: '从客户 / 线索添加', source: '来源', leads: '线索', customers: '客户', status: '线索状态', any: '不限', q: '关键词', ownerMine: '只添加我负责的',
    submit: '添加到名单', done: '已添加 {n} 条', hint: '只会添加您有权查看的记录；已在名单中的号码不会重复添加。',
  },
  dnc: {
    title: '免打扰名单', campaignTitle: '本活动免打扰名单', phone: '号码', reason: '原因', addedAt: '加入时间', add: '加入', placeholder: '电话号码',
    reasonPlaceholder: '原因（可选）', empty: '名单为空', removed: '已移除', added: '已加入',
  },
  outbound: {
    title: '外呼任务', none: '当前没有分配给您的进行中外呼活动', campaign: '活动', script: '话术', noScript: '（无话术）',
    preview: '预览名单', next: '取下一条', dial: '拨打', skip: '跳过', noRecord: '暂无可拨打的记录', attempts: '已拨 {n} 次', timezone: '时区',
    linkedLead: '线索', linkedCustomer: '客户', dialing: '正在拨号…',
    dispose: '处理结果', note: '备注', callback: '预约回拨时间', callbackTo: '回拨给', toMe: '我自己', toCampaign: '本活动任意坐席',
    submit: '提交', submitted: '处理结果已提交', required: '请选择处理结果', callbackRequired: '请选择回拨时间', record: '名单记录',
    autoHint: '该活动由系统自动拨号，接通后来电弹屏会显示客户资料。',
  },
};

const en: typeof zhCN = {
  title: 'Campaigns',
  tabs: { campaigns: 'Campaigns', dnc: 'Global do-not-call list' },
  empty: 'No campaigns yet',
  saved: 'Saved',
  fields: {
    name: 'Name', mode: 'Mode', status: 'Status', callerId: 'Caller ID', trunk: 'Trunk', agents: 'Agents', teams: 'Teams', script: 'Script',
    maxLines: 'Max lines per agent', powerLines: 'Lines per agent (power mode)', abandonTarget: 'Abandon target (%)', abandonWindow: 'Abandon-rate window',
    amd: 'Answering-machine detection', amdAction: 'On a machine', recordCalls: 'Record calls', ringTimeout: 'Ring timeout (s)', unreachable: 'Mark unreachable after this many no-answers on different days',
    progress: 'Progress', updatedAt: 'Updated', teamsHint: 'Choose teams',
  },
  modes: { preview: 'Preview', progressive: 'Progressive', power: 'Power', predictive: 'Predictive' },
  modeHints: {
    preview: 'The agent sees the record first, then dials or skips',
    progressive: 'One call at a time per ready agent',
    power: 'A fixed number of lines per ready agent',
    predictive: 'Paced from answer rates and handle times, holding the abandon rate',
  },
  statuses: { draft: 'Draft', running: 'Running', paused: 'Paused', stopped: 'Stopped', completed: 'Completed' },
  windows: { uk24h: '24 hours (UK-style)', us30d: '30 days (US-style)' },
  amdActions: { hangup: 'Hang up', message: 'Leave a message' },
  recordStatuses: {
    pending: 'Pending', dialing: 'Dialing', scheduled: 'Retry scheduled', callback: 'Callback', done: 'Done', invalid: 'Invalid number', unreachable: 'Unreachable',
    dnc: 'Do not call', max_attempts: 'Max attempts',
  },
  meanings: { final: 'Final', retry: 'Retry', callback: 'Callback', dnc: 'Add to do-not-call', recycle: 'Recycle' },
  outcomes: {
    busy: 'Busy', noAnswer: 'No answer', failed: 'Failed', abandoned: 'Abandoned (no agent)', machine: 'Answering machine', answered: 'Answered', unallocated: 'Unallocated number', congestion: 'Congestion',
  },
  weekdays: { '0': 'Sunday', '1': 'Monday', '2': 'Tuesday', '3': 'Wednesday', '4': 'Thursday', '5': 'Friday', '6': 'Saturday' },
  actions: {
    create: 'New campaign', edit: 'Edit', save: 'Save', cancel: 'Cancel', start: 'Start', pause: 'Pause', stop: 'Stop', open: 'Open', import: 'Import list',
    fromQuery: 'Add from CRM', refresh: 'Refresh', close: 'Close', add: 'Add', remove: 'Remove', addRange: 'Add a range', copyWeekdays: 'Apply to Monday–Friday',
    back: 'Back to the list',
  },
  confirmStop: 'A stopped campaign cannot be started again. Stop it?',
  form: {
    createTitle: 'New campaign', editTitle: 'Edit campaign',
    sections: { basic: 'Basics', dialing: 'Dialing', windows: 'Calling windows', retry: 'Retry rules', dispositions: 'Dispositions' },
    windowsHint: 'In the called party\'s local time; days without a range are not called.', noRanges: 'No calls', to: 'to',
    retryHint: 'Delay and maximum attempts per outcome; an abandoned number is not redialed within 72 hours.', delayMin: 'Delay (minutes)', maxAttempts: 'Max attempts',
    totalAttempts: 'Max attempts over all outcomes', noRedialHours: 'No redial after an abandon (hours)', outcome: 'Outcome',
    code: 'Code', labelZh: 'Chinese label', labelEn: 'English label', meaning: 'Meaning', retryDelay: 'Retry delay (s)',
    problems: {
      nameRequired: 'Enter a name', callerIdInvalid: 'The caller ID must be 3–20 digits', ringTimeout: 'The ring timeout cannot be under 15 seconds',
      linesOrder: 'Power lines cannot exceed the maximum lines', abandonTarget: 'The abandon target must be between 0 and 10 %', windows: 'Check the calling windows (HH:MM, end after start, no overlaps)',
      dispositionsEmpty: 'Add at least one disposition', dispositionCode: 'Disposition codes may hold letters, digits, _ and - only', dispositionDuplicate: 'Two dispositions share a code',
      dispositionLabel: 'Give every disposition a Chinese and an English label',
    },
  },
  progress: {
    title: 'Live progress', total: 'Records', dialed: 'Dialed', connected: 'Connected', abandoned: 'Abandoned', remaining: 'Remaining', abandonRate: 'Abandon rate',
    onWindow: 'Window: {w}', lines: 'Lines in progress', dialRate: 'Dials per minute', connectsToday: 'Connects today', target: 'target {n}%',
  },
  records: {
    title: 'Records', search: 'Search number or name', phone: 'Number', name: 'Name', timezone: 'Time zone', priority: 'Priority', attempts: 'Attempts',
    lastOutcome: 'Last outcome', lastDisposition: 'Disposition', nextAttempt: 'Next attempt', callbackAt: 'Callback', allStatuses: 'All statuses', empty: 'No records yet',
  },
  import: {
    title: 'Import a call list', stepUpload: 'Upload', stepMapping: 'Mapping', stepProgress: 'Progress', stepResult: 'Result',
    uploadHint: 'CSV (UTF-8 or GBK) or Excel (.xlsx), headers in the first row; a phone column is required.', encoding: 'Encoding', rows: '{n} rows',
    previous: 'This file was imported before; importing it again adds no duplicates', ignore: 'Ignore', start: 'Import', next: 'Next', back: 'Back',
    imported: 'Imported {n}', skipped: 'Skipped {n}', dnc: 'Do-not-call {n}', errors: 'Errors {n}', row: 'Row', field: 'Field', reason: 'Reason', failed: 'Import failed', needPhone: 'Map a phone column',
    targets: { phone: 'Phone', name: 'Name', timezone: 'Time zone', priority: 'Priority' },
  },
  fromQuery: {
    title: 'Add from customers / leads', source: 'Source', leads: 'Leads', customers: 'Customers', status: 'Lead status', any: 'Any', q: 'Keyword', ownerMine: 'Only records I own',
    submit: 'Add to the list', done: '{n} added', hint: 'Only records you may see are added; numbers already on the list are not added twice.',
  },
  dnc: {
    title: 'Do-not-call list', campaignTitle: 'This campaign\'s do-not-call list', phone: 'Number', reason: 'Reason', addedAt: 'Added', add: 'Add', placeholder: 'Phone number',
    reasonPlaceholder: 'Reason (optional)', empty: 'The list is empty', removed: 'Removed', added: 'Added',
  },
  outbound: {
    title: 'Outbound', none: 'No running campaign is assigned to you', campaign: 'Campaign', script: 'Script', noScript: '(no script)',
    preview: 'Preview', next: 'Next record', dial: 'Dial', skip: 'Skip', noRecord: 'Nothing to dial right now', attempts: '{n} attempts so far', timezone: 'Time zone',
    linkedLead: 'Lead', linkedCustomer: 'Customer', dialing: 'Dialing…',
    dispose: 'Disposition', note: 'Note', callback: 'Call back at', callbackTo: 'Call back by', toMe: 'Me', toCampaign: 'Any agent on the campaign',
    submit: 'Submit', submitted: 'Disposition saved', required: 'Choose a disposition', callbackRequired: 'Choose the callback time', record: 'Record',
    autoHint: 'The dialer places these calls; an answered call pops up with the customer\'s details.',
  },
};

export const campaignsMessages = { 'zh-CN': zhCN, en };
