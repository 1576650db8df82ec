// Strings of the CRM sales/service pages (pipeline, forecast, activities, sales documents, service),
// merged into the locale files under `crm` with one line each. Both locales carry the same keys.

const zhCN = {
  tabs: { stages: '阶段与赢率', board: '商机看板', forecast: '销售预测', followUps: '我的跟进', orders: '报价与订单', products: '产品', service: '服务请求' },
  common: { save: '保存', saved: '已保存', cancel: '取消', create: '新建', reload: '刷新', amount: '金额', total: '合计', status: '状态', owner: '负责人', customerId: '客户 ID', noData: '暂无数据', conflict: '该记录已被他人修改，已重新加载' },
  opp: {
    new: '新建商机', edit: '编辑', kind: '类型', position: '顺序', statuses: { open: '进行中', won: '赢单', lost: '输单' }, name: '商机名称', stage: '阶段', winRate: '赢率', weighted: '加权金额', closeDate: '预计成交日期', history: '阶段历史',
    from: '原阶段', to: '新阶段', changedBy: '操作人', changedAt: '时间',
  },
  forecast: {
    period: '周期', week: '按周', month: '按月', quarter: '按季度', groupBy: '分组', byOwner: '按销售', byTeam: '按团队',
    periodStart: '期间', group: '销售 / 团队', count: '数量', funnel: '销售漏斗', totalWeighted: '预测合计',
  },
  activity: {
    add: '添加跟进', reminder: '跟进提醒', kind: '类型', subject: '主题', body: '内容', dueAt: '到期时间', remindAt: '提醒时间', done: '完成', undone: '撤销完成',
    overdue: '已逾期', today: '今天', upcoming: '即将到期',
    kinds: { call: '电话', visit: '拜访', email: '邮件', sms: '短信', meeting: '会议', task: '任务', note: '备注' },
  },
  sales: {
    newQuote: '新建报价', newOrder: '新建订单', title: '标题', lines: '明细', product: '产品', description: '描述', quantity: '数量', unitPrice: '单价',
    discount: '折扣 %', docDiscount: '整单折扣 %', tax: '税率 %', subtotal: '小计', taxAmount: '税额', net: '折后', addLine: '添加明细', paid: '已回款',
    outstanding: '未回款', payments: '回款', addPayment: '登记回款', receivedOn: '回款日期', confirm: '确认', deliver: '发货', complete: '完成', cancelOrder: '取消',
    code: '编码', unit: '单位', price: '价格', roundingNote: '金额按分计算，每步四舍五入；以服务器计算为准。',
    statuses: { draft: '草稿', sent: '已发送', accepted: '已接受', rejected: '已拒绝', expired: '已过期', confirmed: '已确认', delivered: '已发货', completed: '已完成', cancelled: '已取消' },
  },
  service: {
    new: '新建服务请求', title: '标题', priority: '优先级', category: '类别', satisfaction: '满意度', feedback: '提交评价', history: '状态历史', comment: '评价内容',
    priorities: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    statuses: { new: '新建', assigned: '已分派', in_progress: '处理中', waiting: '等待中', resolved: '已解决', closed: '已关闭', cancelled: '已取消' },
  },
};

type Schema = typeof zhCN;

const en: Schema = {
  tabs: { stages: 'Stages & win rates', board: 'Pipeline', forecast: 'Forecast', followUps: 'My follow-ups', orders: 'Quotes & orders', products: 'Products', service: 'Service requests' },
  common: { save: 'Save', saved: 'Saved', cancel: 'Cancel', create: 'New', reload: 'Reload', amount: 'Amount', total: 'Total', status: 'Status', owner: 'Owner', customerId: 'Customer ID', noData: 'No data', conflict: 'Someone else changed this record; reloaded' },
  opp: {
    new: 'New opportunity', edit: 'Edit', kind: 'Kind', position: 'Order', statuses: { open: 'Open', won: 'Won', lost: 'Lost' }, name: 'Opportunity', stage: 'Stage', winRate: 'Win rate', weighted: 'Weighted', closeDate: 'Expected close', history: 'Stage history',
    from: 'From', to: 'To', changedBy: 'By', changedAt: 'When',
  },
  forecast: {
    period: 'Period', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', groupBy: 'Group by', byOwner: 'By rep', byTeam: 'By team',
    periodStart: 'Period', group: 'Rep / team', count: 'Count', funnel: 'Sales funnel', totalWeighted: 'Forecast total',
  },
  activity: {
    add: 'Add activity', reminder: 'Reminder', kind: 'Type', subject: 'Subject', body: 'Notes', dueAt: 'Due', remindAt: 'Remind at', done: 'Done', undone: 'Reopen',
    overdue: 'Overdue', today: 'Today', upcoming: 'Upcoming',
    kinds: { call: 'Call', visit: 'Visit', email: 'Email', sms: 'SMS', meeting: 'Meeting', task: 'Task', note: 'Note' },
  },
  sales: {
    newQuote: 'New quote', newOrder: 'New order', title: 'Title', lines: 'Lines', product: 'Product', description: 'Description', quantity: 'Qty', unitPrice: 'Unit price',
    discount: 'Discount %', docDiscount: 'Document discount %', tax: 'Tax %', subtotal: 'Subtotal', taxAmount: 'Tax', net: 'Net', addLine: 'Add line', paid: 'Paid',
    outstanding: 'Outstanding', payments: 'Payments', addPayment: 'Record payment', receivedOn: 'Received on', confirm: 'Confirm', deliver: 'Deliver', complete: 'Complete', cancelOrder: 'Cancel',
    code: 'Code', unit: 'Unit', price: 'Price', roundingNote: 'Amounts are in cents, rounded half up at each step; the server total is authoritative.',
    statuses: { draft: 'Draft', sent: 'Sent', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired', confirmed: 'Confirmed', delivered: 'Delivered', completed: 'Completed', cancelled: 'Cancelled' },
  },
  service: {
    new: 'New service request', title: 'Title', priority: 'Priority', category: 'Category', satisfaction: 'Satisfaction', feedback: 'Submit feedback', history: 'Status history', comment: 'Comment',
    priorities: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    statuses: { new: 'New', assigned: 'Assigned', in_progress: 'In progress', waiting: 'Waiting', resolved: 'Resolved', closed: 'Closed', cancelled: 'Cancelled' },
  },
};

export const crmMessages = { 'zh-CN': zhCN, en };
