import type { MessageSchema } from './zh-CN.ts';
import { leadsMessages } from '../modules/leads/messages.ts';
import { telephonyMessages } from '../modules/workbench/messages.ts';
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

const en: MessageSchema = {
  app: {
    name: 'Ringside',
    tagline: 'Contact center and CRM in one',
  },
  locale: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English',
  },
  auth: {
    title: 'Sign in',
    subtitle: 'Sign in to the console with your agent account',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Enter your username',
    passwordPlaceholder: 'Enter your password',
    usernameRequired: 'Username is required',
    passwordRequired: 'Password is required',
    submit: 'Sign in',
    restoring: 'Restoring your session…',
    footer: 'Open-source contact center · CRM',
  },
  errors: {
    RS_INVALID_CREDENTIALS: 'Incorrect username or password',
    RS_RATE_LIMITED: 'Too many sign-in attempts. Please try again later',
    RS_VALIDATION: 'Some fields are invalid. Please check and try again',
    RS_UNAUTHENTICATED: 'Your session has expired. Please sign in again',
    RS_IMPORT_TOO_LARGE: 'The file is over the import limits (20 MB, 100,000 rows, 200 columns). Split it and import the parts',
    RS_IMPORT_BAD_FILE: 'The file could not be read. Save it as CSV or .xlsx and try again',
    network: 'Cannot reach the server. Check your connection and try again',
    generic: 'Something went wrong. Please try again later',
  },
  shell: {
    logout: 'Sign out',
    collapse: 'Collapse menu',
    expand: 'Expand menu',
    noModules: 'Your account has no modules assigned yet. Please contact your administrator',
    realtime: {
      connected: 'Live connection OK',
      connecting: 'Connecting…',
      disconnected: 'Live connection lost',
    },
  },
  roles: {
    admin: 'Admin',
    supervisor: 'Supervisor',
    agent: 'Agent',
    sales: 'Sales',
  },
  nav: {
    workbench: 'Workbench',
    customers: 'Customers',
    leads: 'Leads',
    pipeline: 'Pipeline',
    campaigns: 'Campaigns',
    wallboard: 'Wallboard',
    reports: 'Reports',
    recordings: 'Recordings',
    admin: 'Administration',
  },
  modules: {
    comingSoon: 'This module is under construction',
    workbench: 'Answer and place calls, hold, transfer and conference; the customer 360 pops on ring.',
    customers: 'Customers and contacts, the customer 360 view, relationships and ownership.',
    leads: 'Lead capture, imports, web forms and conversion.',
    pipeline: 'Opportunity stages, win rates and the funnel forecast.',
    campaigns: 'Call lists; preview, progressive and predictive dialing with abandon-rate control.',
    wallboard: 'Live agent states and queue figures; listen, barge and force hang-up.',
    reports: 'Call statistics, agent performance and sales analyses.',
    recordings: 'Find recordings by date, agent, queue, campaign, customer, disposition and duration; waveform playback and retention.',
    admin: 'Users, teams, roles, queues, DIDs and trunks.',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to home',
  },
  telephony: telephonyMessages.en,
  leadsPage: leadsMessages.en,
  crm: crmMessages.en,
  customersPage: customersMessages.en,
  supervision: supervisionMessages.en,
  campaignsPage: campaignsMessages.en,
  wallboardPage: wallboardMessages.en,
  recordingsPage: recordingsMessages.en,
  reportsPage: reportsMessages.en,
  adminPage: adminMessages.en,
  voicemailPage: voicemailMessages.en,
  callLog: callLogMessages.en,
};

export default en;
