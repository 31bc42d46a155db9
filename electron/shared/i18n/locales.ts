/**
 * The languages Pip Doctor speaks, and how a system's preferred languages
 * ("de-DE", "zh_CN.UTF-8", "pt-PT") choose one of them. No Node: the
 * renderer's language menu, main and the CLI share it.
 */
export const LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt-BR',
  'ru',
  'zh-Hans',
  'ja',
  'ko',
] as const;
export type ShippedLocale = (typeof LOCALES)[number];

/**
 * Pseudo-localisation: English with accents and longer words, bracketed,
 * so clipped or overlapping text shows in screenshots. Offered only where
 * main says so (test builds, never the packaged app).
 */
export const PSEUDO_LOCALE = 'en-XA';
export type Locale = ShippedLocale | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: ShippedLocale = 'en';

/** Each language by its own name, as a language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  'pt-BR': 'Português (Brasil)',
  ru: 'Русский',
  'zh-Hans': '中文（简体）',
  ja: '日本語',
  ko: '한국어',
  [PSEUDO_LOCALE]: 'Ƥşḗḗŭŭḓǿǿ (en-XA)',
};

export function isLocale(value: unknown, withPseudo = true): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value) || (withPseudo && value === PSEUDO_LOCALE);
}

/**
 * A POSIX locale name or a BCP 47 tag as Intl reads it: "zh_CN.UTF-8@euro"
 * becomes "zh-CN"; "C" and "POSIX" mean no language was chosen.
 */
function toLanguageTag(name: string): string | null {
  const bare = name.trim().split(/[.@]/)[0]!.replace(/_/g, '-');
  if (bare === '' || bare === 'C' || bare === 'POSIX') return null;
  try {
    return new Intl.Locale(bare).toString();
  } catch {
    return null;
  }
}

/** The shipped language one preferred language asks for, or null when none fits. */
function shippedFor(name: string): ShippedLocale | null {
  const tag = toLanguageTag(name);
  if (!tag) return null;
  if (tag === PSEUDO_LOCALE) return null;
  const locale = new Intl.Locale(tag);
  const language = locale.language;
  if (language === 'zh') {
    // Simplified Chinese only: zh-CN, zh-SG and bare zh write Hans; zh-TW and zh-HK write Hant.
    return locale.maximize().script === 'Hans' ? 'zh-Hans' : null;
  }
  // Brazilian Portuguese is the Portuguese we ship; Portugal's readers follow it without trouble.
  if (language === 'pt') return 'pt-BR';
  return (LOCALES as readonly string[]).includes(language) ? (language as ShippedLocale) : null;
}

/**
 * The first of the user's preferred languages (most preferred first) that
 * Pip Doctor speaks; English when none is.
 */
export function pickLocale(preferred: readonly string[]): ShippedLocale {
  for (const name of preferred) {
    const shipped = shippedFor(name);
    if (shipped) return shipped;
  }
  return DEFAULT_LOCALE;
}

/**
 * The CLI's preferred language, as POSIX programs choose their messages'
 * language: LC_ALL overrides LC_MESSAGES, which overrides LANG; the first
 * one set decides, and "C" or "POSIX" there means English.
 */
export function posixMessagesLocale(env: Readonly<Record<string, string | undefined>>): string[] {
  for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[variable];
    if (value) return [value];
  }
  return [];
}
