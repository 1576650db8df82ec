import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elZhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import elEn from 'element-plus/es/locale/lang/en.mjs';
import zhCN, { type MessageSchema } from './zh-CN.ts';
import en from './en.ts';
import { readStoredLocale, writeStoredLocale, type AppLocale } from './locales.ts';

export * from './locales.ts';

const browserStorage = typeof window === 'undefined' ? undefined : window.localStorage;

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: readStoredLocale(browserStorage),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** Element Plus ships its own strings (pagination, date pickers, empty states); they follow the app locale. */
export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? elEn : elZhCn));

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  writeStoredLocale(browserStorage, locale);
}

/** Keeps `<html lang>` (screen readers, CJK font selection) and the tab title in step with the locale. */
export function applyDocumentLocale(locale: AppLocale, pageTitle = ''): void {
  if (typeof document === 'undefined') return;
  const product = i18n.global.t('app.name');
  document.documentElement.lang = locale;
  document.title = pageTitle ? `${pageTitle} · ${product}` : product;
}
