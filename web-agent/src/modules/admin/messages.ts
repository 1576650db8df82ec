// Strings of the admin console (contact-centre configuration), merged into the locale files under
// `adminPage` with one line each.

const zhCN = {
  title: '系统管理',
  tabs: { queues: '队列', dids: '呼入号码', ivr: '语音导航', pauseCodes: '小休原因', dispositions: '通话小结', agents: '坐席档案' },
  common: {
    add: '新建', edit: '编辑', delete: '删除', save: '保存', cancel: '取消', actions: '操作', none: '无', saved: '已保存', deleted: '已删除',
    confirmDelete: '确定删除 {name} 吗？', empty: '暂无数据', badSkill: '技能格式不正确：{token}（应为 技能:等级，例如 zh:5）', required: '请填写 {field}',
    seconds: '秒', languages: '提示音语言',
  },
  strategy: { ringAll: '全部振铃', longestIdle: '最长空闲', fewestCalls: '最少通话', roundRobin: '轮询', skillsBased: '按技能' },
  targetKind: { queue: '队列', ivr: '语音导航', menu: '子菜单', user: '用户', voicemail: '语音信箱', message: '播放提示后挂机', none: '不溢出' },
  queue: {
    name: '队列名称', strategy: '分配策略', priority: '来电优先级', ringTimeout: '振铃超时', wrapUp: '话后处理', serviceLevel: '服务水平阈值',
    maxWait: '最长等待', overflow: '溢出目标', overflowTarget: '溢出到', overflowWhenUnstaffed: '无人值守时立即溢出', moh: '等待音乐类别',
    announcements: '位置与预计等待播报', firstAfter: '首次播报', every: '播报间隔', position: '播报位置', estimatedWait: '播报预计等待',
    requirements: '技能要求', requirementsHint: '例如 zh:5, vip:3', relaxSteps: '技能放宽', relaxAfter: '等待超过', addStep: '添加放宽步骤',
    penaltySteps: '按惩罚值分层', penaltyUpTo: '可接惩罚值不超过', addPenaltyStep: '添加分层步骤',
    penaltyHint: '不设步骤时所有成员同时可接；设了步骤后先只分配给惩罚值为 0 的成员，来电等待越久放开越多。',
    recording: '通话录音', members: '成员', member: '坐席', penalty: '惩罚值', addMember: '添加成员', memberCount: '成员数',
  },
  did: { number: '号码', name: '名称', target: '目标', targetKind: '目标类型' },
  ivr: {
    name: '菜单名称', prompt: '提示音', promptHint: 'sounds/manifest.json 中的提示音 ID', timeout: '按键超时', maxRetries: '最多重播次数',
    options: '按键选项', digit: '按键', addOption: '添加按键', fallback: '超时或无效输入后', optionCount: '选项数',
  },
  code: { code: '代码', label: '名称（中文）', labelEn: '名称（英文）', sortOrder: '排序', active: '启用' },
  agent: { name: '坐席', username: '用户名', skills: '技能与等级', skillsHint: '例如 zh:8, billing:5', queues: '所属队列', dialTarget: '呼叫目标' },
};

const en: typeof zhCN = {
  title: 'Administration',
  tabs: { queues: 'Queues', dids: 'Inbound numbers', ivr: 'IVR menus', pauseCodes: 'Pause codes', dispositions: 'Dispositions', agents: 'Agent profiles' },
  common: {
    add: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel', actions: 'Actions', none: 'None', saved: 'Saved', deleted: 'Deleted',
    confirmDelete: 'Delete {name}?', empty: 'Nothing here yet', badSkill: 'Not a skill: {token} (use skill:level, e.g. zh:5)', required: '{field} is required',
    seconds: 's', languages: 'Prompt languages',
  },
  strategy: { ringAll: 'Ring all', longestIdle: 'Longest idle', fewestCalls: 'Fewest calls', roundRobin: 'Round robin', skillsBased: 'Skills-based' },
  targetKind: { queue: 'Queue', ivr: 'IVR menu', menu: 'Sub-menu', user: 'User', voicemail: 'Voicemail', message: 'Message, then hang up', none: 'No overflow' },
  queue: {
    name: 'Queue name', strategy: 'Strategy', priority: 'Caller priority', ringTimeout: 'Ring timeout', wrapUp: 'Wrap-up', serviceLevel: 'Service-level threshold',
    maxWait: 'Max wait', overflow: 'Overflow', overflowTarget: 'Overflow to', overflowWhenUnstaffed: 'Overflow at once when nobody is staffed', moh: 'Music-on-hold class',
    announcements: 'Position and estimated-wait announcements', firstAfter: 'First after', every: 'Every', position: 'Announce position', estimatedWait: 'Announce estimated wait',
    requirements: 'Skill requirements', requirementsHint: 'e.g. zh:5, vip:3', relaxSteps: 'Relaxation', relaxAfter: 'After waiting', addStep: 'Add a relaxation step',
    penaltySteps: 'Penalty tiers', penaltyUpTo: 'members with penalty up to', addPenaltyStep: 'Add a tier step',
    penaltyHint: 'With no steps every member is eligible at once; with steps, only penalty-0 members get the call first and higher penalties join as the caller waits.',
    recording: 'Record calls', members: 'Members', member: 'Agent', penalty: 'Penalty', addMember: 'Add a member', memberCount: 'Members',
  },
  did: { number: 'Number', name: 'Name', target: 'Target', targetKind: 'Target type' },
  ivr: {
    name: 'Menu name', prompt: 'Prompt', promptHint: 'a prompt id from sounds/manifest.json', timeout: 'Digit timeout', maxRetries: 'Replays',
    options: 'Options', digit: 'Digit', addOption: 'Add an option', fallback: 'After timeouts or invalid input', optionCount: 'Options',
  },
  code: { code: 'Code', label: 'Label (Chinese)', labelEn: 'Label (English)', sortOrder: 'Order', active: 'Active' },
  agent: { name: 'Agent', username: 'Username', skills: 'Skills and levels', skillsHint: 'e.g. zh:8, billing:5', queues: 'Queues', dialTarget: 'Dial target' },
};

export const adminMessages = { 'zh-CN': zhCN, en };
