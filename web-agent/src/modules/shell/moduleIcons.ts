import type { Component } from 'vue';
import { Aim, DataAnalysis, Headset, Microphone, Monitor, PhoneFilled, Setting, TrendCharts, UserFilled } from '@element-plus/icons-vue';
import type { ModuleId } from '../navigation.ts';

export const MODULE_ICONS: Record<ModuleId, Component> = {
  workbench: Headset,
  customers: UserFilled,
  leads: Aim,
  pipeline: TrendCharts,
  campaigns: PhoneFilled,
  wallboard: Monitor,
  reports: DataAnalysis,
  recordings: Microphone,
  admin: Setting,
};
