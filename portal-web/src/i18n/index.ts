import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import ar from './ar';

const STORAGE = 'portal.language';

export function initialLanguage(): 'en' | 'ar' {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE) : null;
  if (stored === 'en' || stored === 'ar') return stored;
  return typeof navigator !== 'undefined' && navigator.language?.startsWith('ar') ? 'ar' : 'en';
}

/** Sets the document's language and direction: Arabic pages are laid out right to left. */
export function applyLanguage(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  localStorage.setItem(STORAGE, language);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ar: { translation: ar } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
i18n.on('languageChanged', applyLanguage);
applyLanguage(i18n.language);

export default i18n;
