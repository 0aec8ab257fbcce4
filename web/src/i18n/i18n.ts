import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import type { Translation } from './translation';
import { zhCN } from './zh-CN';

export type Language = 'zh-CN' | 'en';

const STORAGE_KEY = 'sanqu.language';
const DEFAULT_LANGUAGE: Language = 'zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

function isLanguage(value: string | null): value is Language {
  return value === 'zh-CN' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked (private mode): fall back silently
  }
}

/** Switches the UI language and remembers it for the next visit. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted, but the switch still applies to this visit.
  }
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.title = `${i18n.t('common.appName')} · ${i18n.t('common.appTagline')}`;
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled, so initialise synchronously before the first render
});

export default i18n;
