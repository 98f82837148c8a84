import { CodedError } from '@pm/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Language = 'vi' | 'en';
const catalogues: Record<Language, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'pm.language';

interface I18n {
  language: Language;
  t: (key: MessageKey) => string;
  /** A sentence for any error: coded errors by their code, everything else as an internal error. */
  errorText: (error: unknown) => string;
  toggleLanguage: () => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi',
  );
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  }, [language]);

  const t = useCallback((key: MessageKey) => catalogues[language][key], [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      t,
      errorText: (error) => t(error instanceof CodedError ? `error.${error.code}` : 'error.INTERNAL'),
      toggleLanguage: () => setLanguage((l) => (l === 'vi' ? 'en' : 'vi')),
    }),
    [language, t],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
