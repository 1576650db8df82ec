// Simplified Chinese is the default console language; en.ts must carry exactly the same keys
// (enforced by the MessageSchema type and by locales.test.ts).
import { telephonyMessages } from '../modules/workbench/messages.ts';
import { leadsMessages } from '../modules/leads/messages.ts';
import { crmMessages } from '../modules/pipeline/messages.ts';
import { customersMessages } from '../modules/customers/messages.ts';
import { supervisionMessages } from '../modules/supervision/messages.ts';
import { campaignsMessages } from '../modules/campaigns/messages.ts';
import { wallboardMessages } from '../modules/wallboard/messages.ts';
import { recordingsMessages } from '../modules/recordings/messages.ts';
import { reportsMessages } from '../modules/reports/messages.ts';
import { adminMessages } from '../modules/admin/messages.ts';
import { voicemailMessages } from '../modules/voicemail/messages.ts';
import { callLogMessages } from '../modules/calls/messages.ts';

const zhCN = {
  app: {
    name: 'Ringside',
    tagline: '呼叫中心与客户管理一体化平台',
  },
  locale: {
    label: '语言',
    'zh-CN': '简体中文',
    en: 'English',
  },
  auth: {
    title: '登录',
    subtitle: '使用您的坐席账号登录控制台',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    restoring: '正在恢复会话…',
    footer: '开源呼叫中心 · 客户管理',
  },
  errors: {
    RS_INVALID_CREDENTIALS: '用户名或密码错误',
    RS_RATE_LIMITED: '登录尝试过于频繁，请稍后再试',
    RS_VALIDATION: '提交的内容有误，请检查后重试',
    RS_UNAUTHENTICATED: '会话已过期，请重新登录',
    RS_IMPORT_TOO_LARGE: '文件超出导入限制（20 MB、10 万行、200 列），请拆分后分批导入',
    RS_IMPORT_BAD_FILE: '无法读取该文件，请另存为 CSV 或 .xlsx 后重试',
    network: '无法连接服务器，请检查网络后重试',
    generic: '操作失败，请稍后重试',
  },
  shell: {
    logout: '退出登录',
    collapse: '收起菜单',
    expand: '展开菜单',
    noModules: '您的账号尚未分配可用的功能模块，请联系管理员',
    realtime: {
      connected: '实时连接正常',
      connecting: '正在连接…',
      disconnected: '实时连接已断开',
    },
  },
  roles: {
    admin: '管理员',
    supervisor: '班长',
    agent: '坐席',
    sales: '销售',
  },
  nav: {
    workbench: '工作台',
    customers: '客户',
    leads: '线索',
    pipeline: '商机',
    campaigns: '外呼活动',
    wallboard: '监控墙',
    reports: '报表',
    recordings: '录音',
    admin: '系统管理',
  },
  modules: {
    comingSoon: '该模块正在建设中',
    workbench: '接听来电、外呼、保持、转接与会议；来电时弹出客户 360 视图。',
    customers: '客户与联系人、客户 360 视图、关系与归属。',
    leads: '线索录入、导入、网站表单与转化。',
    pipeline: '商机阶段、赢率与销售漏斗预测。',
    campaigns: '外呼名单、预览 / 渐进 / 预测式外呼与呼损率控制。',
    wallboard: '坐席状态、队列实时数据、监听、强插与强拆。',
    reports: '话务统计、坐席绩效与销售分析报表。',
    recordings: '按日期、坐席、队列、外呼活动、客户、处理结果和时长查找录音，波形回放与保留策略。',
    admin: '用户、团队、角色、队列、号码与中继配置。',
  },
  notFound: {
    title: '页面不存在',
    back: '返回首页',
  },
  telephony: telephonyMessages['zh-CN'],
  leadsPage: leadsMessages['zh-CN'],
  crm: crmMessages['zh-CN'],
  customersPage: customersMessages['zh-CN'],
  supervision: supervisionMessages['zh-CN'],
  campaignsPage: campaignsMessages['zh-CN'],
  wallboardPage: wallboardMessages['zh-CN'],
  recordingsPage: recordingsMessages['zh-CN'],
  reportsPage: reportsMessages['zh-CN'],
  adminPage: adminMessages['zh-CN'],
  voicemailPage: voicemailMessages['zh-CN'],
  callLog: callLogMessages['zh-CN'],
};

export type MessageSchema = typeof zhCN;
export default zhCN;
