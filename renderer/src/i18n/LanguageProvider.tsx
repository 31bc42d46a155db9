import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { useAppStore } from '../state/store';

/**
 * The user's language for everything below it. Nothing renders until the
 * first language's messages have loaded: a screen in the wrong language,
 * switching a moment later, would be worse than that moment of blank.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const locale = useAppStore((state) => state.locale);
  const messages = useAppStore((state) => state.messages);
  const loadLanguage = useAppStore((state) => state.loadLanguage);
  useEffect(() => void loadLanguage(), [loadLanguage]);
  // Screen readers pick their voice by <html lang>.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  if (messages === null) return null;
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={messages}>
      {children}
    </IntlProvider>
  );
}
