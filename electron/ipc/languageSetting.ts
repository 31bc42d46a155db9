import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocale, LOCALES, pickLocale, PSEUDO_LOCALE } from '../shared/i18n/locales';
import type { Locale } from '../shared/i18n/locales';

/** The file in the app's data folder that remembers the language the user chose. */
const SETTINGS_FILE = 'language.json';

export interface LanguageSettingOptions {
  /** The app's data folder (Electron's userData). */
  dataDir: string;
  /** The system's preferred languages, most preferred first (app.getPreferredSystemLanguages()). */
  systemLanguages: readonly string[];
  /** Offers the pseudo-locale: test builds only, never the packaged app. */
  offerPseudoLocale: boolean;
}

/**
 * The app's language: the one the user chose in the language menu, else the
 * first of the system's preferred languages Pip Doctor speaks, else English.
 * The choice is kept in the data folder, so it holds on the next start.
 */
export class LanguageSetting {
  readonly available: readonly Locale[];
  private chosen: Locale | null;

  constructor(private readonly options: LanguageSettingOptions) {
    this.available = options.offerPseudoLocale ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES];
    this.chosen = this.readChoice();
  }

  /** The language the app speaks now. */
  current(): Locale {
    return this.chosen ?? pickLocale(this.options.systemLanguages);
  }

  /**
   * Speaks `locale` from now on and remembers it for the next start. Returns
   * whether it was remembered: a data folder that cannot be written keeps
   * the choice for this session only, which is no reason to refuse it.
   */
  choose(locale: Locale): boolean {
    if (!this.available.includes(locale)) throw new Error(`not an offered language: ${locale}`);
    this.chosen = locale;
    const file = join(this.options.dataDir, SETTINGS_FILE);
    try {
      mkdirSync(this.options.dataDir, { recursive: true });
      // Written beside and renamed over: a crash mid-write never leaves half a file.
      writeFileSync(`${file}.tmp`, `${JSON.stringify({ language: locale })}\n`, 'utf8');
      renameSync(`${file}.tmp`, file);
      return true;
    } catch {
      return false;
    }
  }

  private readChoice(): Locale | null {
    try {
      const saved: unknown = JSON.parse(
        readFileSync(join(this.options.dataDir, SETTINGS_FILE), 'utf8'),
      );
      const language = (saved as { language?: unknown } | null)?.language;
      return isLocale(language, this.options.offerPseudoLocale) ? language : null;
    } catch {
      // No choice yet, or a file someone broke: the system's language, as on a first start.
      return null;
    }
  }
}
