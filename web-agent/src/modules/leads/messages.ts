// Strings of the leads pages, merged into the locale files under `leadsPage` with one line each.

const zhCN = {
  title: '线索',
  tabs: { list: '线索列表', webforms: '网站表单' },
  fields: {
    name: '姓名', company: '公司', title: '职位', email: '邮箱', phones: '电话', source: '来源', status: '状态',
    industry: '行业', address: '地址', notes: '备注', owner: '负责人', createdAt: '创建时间', custom: '自定义字段',
  },
  status: { new: '新线索', contacted: '已联系', qualified: '已确认', converted: '已转化', disqualified: '无效' },
  source: { manual: '手工录入', import: '批量导入', website: '网站线索' },
  filters: { all: '全部', search: '搜索姓名、公司或邮箱', mine: '只看我的', saved: '常用查询', save: '保存查询', saveName: '为当前筛选条件命名' },
  actions: { create: '新建线索', import: '导入', edit: '编辑', save: '保存', cancel: '取消', convert: '转化', detail: '详情', close: '关闭' },
  form: { createTitle: '新建线索', editTitle: '编辑线索', phonesHint: '多个号码用逗号分隔', saved: '已保存' },
  detail: { title: '线索详情', timeline: '跟进记录', noActivities: '暂无跟进记录', convertedTo: '已转化为客户' },
  convert: {
    title: '转化线索', target: '客户', newCustomer: '新建客户', existingCustomer: '关联已有客户', customerId: '选择客户',
    createOpportunity: '同时创建商机', opportunityName: '商机名称', amount: '预计金额（元）', submit: '确认转化', done: '转化成功',
  },
  import: {
    title: '导入线索', stepUpload: '上传文件', stepMapping: '字段映射', stepPolicy: '查重策略', stepProgress: '导入进度', stepResult: '结果',
    uploadHint: '支持 CSV（UTF-8 或 GBK）与 Excel (.xlsx) 文件，第一行为表头', choose: '选择文件', encoding: '编码', rows: '共 {n} 行',
    previous: '该文件已导入过，重复导入不会产生重复数据', column: '文件列', target: '对应字段', ignore: '不导入', preview: '数据预览',
    policy: '发现重复时', policySkip: '跳过', policyUpdate: '更新已有线索', policyCreate: '仍然新建', dedupeKeys: '查重依据',
    keyPhone: '电话', keyEmail: '邮箱', keyCompany: '公司名称', start: '开始导入', next: '下一步', back: '上一步',
    imported: '新增 {n}', updated: '更新 {n}', skipped: '跳过 {n}', errors: '错误 {n}', download: '下载问题明细',
    row: '行号', kind: '类型', field: '字段', reason: '原因', kindError: '错误', kindSkipped: '跳过', failed: '导入失败',
  },
  webform: {
    list: '表单', create: '新建表单', name: '表单名称', fields: '字段', required: '必填', label: '标签', thankYou: '提交后提示语',
    owner: '分配给（用户 ID）', active: '启用', snippet: 'HTML 代码', copy: '复制代码', copied: '已复制', preview: '实时预览',
    hint: '将代码粘贴到公司网站的合适位置；可以修改样式，但请勿修改字段名称与脚本。', defaultThanks: '感谢您的留言，我们会尽快与您联系。',
    saved: '表单已保存',
  },
  reasons: {
    required: '必填', badPhone: '电话号码无效：{arg}', badEmail: '邮箱格式不正确', tooLong: '超过 {arg} 个字符',
    duplicateRow: '与文件第 {arg} 行重复', matchesExisting: '与已有记录重复（{arg}）', alreadyImported: '该行已从同一文件导入过',
  },
  empty: '暂无线索',
};

const en: typeof zhCN = {
  title: 'Leads',
  tabs: { list: 'Leads', webforms: 'Web forms' },
  fields: {
    name: 'Name', company: 'Company', title: 'Title', email: 'Email', phones: 'Phones', source: 'Source', status: 'Status',
    industry: 'Industry', address: 'Address', notes: 'Notes', owner: 'Owner', createdAt: 'Created', custom: 'Custom fields',
  },
  status: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', converted: 'Converted', disqualified: 'Disqualified' },
  source: { manual: 'Manual', import: 'Imported', website: 'Website leads' },
  filters: { all: 'All', search: 'Search name, company or email', mine: 'Mine only', saved: 'Saved queries', save: 'Save query', saveName: 'Name the current filter' },
  actions: { create: 'New lead', import: 'Import', edit: 'Edit', save: 'Save', cancel: 'Cancel', convert: 'Convert', detail: 'Details', close: 'Close' },
  form: { createTitle: 'New lead', editTitle: 'Edit lead', phonesHint: 'Separate several numbers with commas', saved: 'Saved' },
  detail: { title: 'Lead details', timeline: 'Timeline', noActivities: 'No activities yet', convertedTo: 'Converted to customer' },
  convert: {
    title: 'Convert lead', target: 'Customer', newCustomer: 'Create a new customer', existingCustomer: 'Attach to an existing customer', customerId: 'Customer',
    createOpportunity: 'Also create an opportunity', opportunityName: 'Opportunity name', amount: 'Expected amount (CNY)', submit: 'Convert', done: 'Lead converted',
  },
  import: {
    title: 'Import leads', stepUpload: 'Upload', stepMapping: 'Mapping', stepPolicy: 'Duplicates', stepProgress: 'Progress', stepResult: 'Result',
    uploadHint: 'CSV (UTF-8 or GBK) or Excel (.xlsx); the first row holds the column names', choose: 'Choose file', encoding: 'Encoding', rows: '{n} rows',
    previous: 'This file was imported before; importing it again adds no duplicates', column: 'File column', target: 'Lead field', ignore: 'Do not import', preview: 'Preview',
    policy: 'When a duplicate is found', policySkip: 'Skip it', policyUpdate: 'Update the existing lead', policyCreate: 'Create anyway', dedupeKeys: 'Match on',
    keyPhone: 'Phone', keyEmail: 'Email', keyCompany: 'Company name', start: 'Start import', next: 'Next', back: 'Back',
    imported: '{n} added', updated: '{n} updated', skipped: '{n} skipped', errors: '{n} errors', download: 'Download row issues',
    row: 'Row', kind: 'Kind', field: 'Field', reason: 'Reason', kindError: 'Error', kindSkipped: 'Skipped', failed: 'Import failed',
  },
  webform: {
    list: 'Forms', create: 'New form', name: 'Form name', fields: 'Fields', required: 'Required', label: 'Label', thankYou: 'Thank-you message',
    owner: 'Assign to (user ID)', active: 'Active', snippet: 'HTML code', copy: 'Copy code', copied: 'Copied', preview: 'Live preview',
    hint: 'Paste the code into your website; restyle it freely but keep the field names and the script.', defaultThanks: 'Thank you, we will contact you shortly.',
    saved: 'Form saved',
  },
  reasons: {
    required: 'Required', badPhone: 'Not a valid phone number: {arg}', badEmail: 'Not an email address', tooLong: 'Longer than {arg} characters',
    duplicateRow: 'Duplicate of row {arg} in this file', matchesExisting: 'Matches an existing {arg}', alreadyImported: 'Already imported from this file',
  },
  empty: 'No leads yet',
};

export const leadsMessages = { 'zh-CN': zhCN, en };
