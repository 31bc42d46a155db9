import type { StateCreator } from 'zustand';
import { DEFAULT_LOCALE } from '../../../electron/shared/i18n/locales';
import type { Locale } from '../../../electron/shared/i18n/locales';
import { invoke } from '../bridge/pipDoctorBridge';
import { loadCatalog } from '../i18n/loadCatalog';
import type { RendererCatalog } from '../i18n/loadCatalog';
import type { AppState } from './appState';

export interface LanguageSlice {
  locale: Locale;
  availableLocales: Locale[];
  /** The messages of `locale`; null until the first language has loaded. */
  messages: RendererCatalog | null;
  /** On start: the language main says (the user's choice, else the system's), and its messages. */
  loadLanguage(): Promise<void>;
  /** The language menu: shows the new language at once, and main remembers it. */
  chooseLanguage(locale: Locale): Promise<void>;
}

export const createLanguageSlice: StateCreator<AppState, [], [], LanguageSlice> = (set, get) => {
  const show = async (locale: Locale) => {
    try {
      const messages = await loadCatalog(locale);
      set({ locale, messages });
    } catch {
      // A language whose messages cannot load: English, which always ships in the build.
      set({ locale: DEFAULT_LOCALE, messages: await loadCatalog(DEFAULT_LOCALE) });
    }
  };
  return {
    locale: DEFAULT_LOCALE,
    availableLocales: [DEFAULT_LOCALE],
    messages: null,
    async loadLanguage() {
      const reply = await invoke('language:get', {});
      if (reply.ok) set({ availableLocales: reply.value.available });
      await show(reply.ok ? reply.value.locale : DEFAULT_LOCALE);
    },
    async chooseLanguage(locale) {
      if (locale === get().locale) return;
      await show(locale);
      // Remembered for the next start and the report's language; the screen has changed already.
      const reply = await invoke('language:set', { locale });
      if (!reply.ok) return;
      set({ availableLocales: reply.value.available });
      // Main writes the report in its language: a preview already shown is asked for again, now that main has switched.
      if (get().report !== null) void get().loadReportPreview();
    },
  };
};
