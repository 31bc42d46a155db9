import type { Locale } from '../../shared/i18n/locales';
import de from '../../../i18n/de.json';
import en from '../../../i18n/en.json';
import es from '../../../i18n/es.json';
import fr from '../../../i18n/fr.json';
import it from '../../../i18n/it.json';
import ja from '../../../i18n/ja.json';
import ko from '../../../i18n/ko.json';
import ptBR from '../../../i18n/pt-BR.json';
import ru from '../../../i18n/ru.json';
import zhHans from '../../../i18n/zh-Hans.json';
import pseudo from '../../../i18n/en-XA.json';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** Every message of a language: ICU text, or (the pseudo-locale) the AST `formatjs compile` made. */
export type Catalog =
  Readonly<Record<string, string>> | Readonly<Record<string, MessageFormatElement[]>>;

/** i18n/en.json as `formatjs extract` writes it: each message with the description translators read. */
type ExtractedCatalog = Readonly<Record<string, { defaultMessage: string; description?: string }>>;

/** The English catalog, id → ICU text: the source every other language translates. */
export const ENGLISH: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(en as ExtractedCatalog).map(([id, { defaultMessage }]) => [id, defaultMessage]),
);

/**
 * All languages, for main and the CLI (the renderer loads one at a time,
 * on demand). A message a translation lacks falls back to English.
 */
const TRANSLATIONS: Readonly<Record<Exclude<Locale, 'en' | 'en-XA'>, Record<string, string>>> = {
  de,
  fr,
  es,
  it,
  'pt-BR': ptBR,
  ru,
  'zh-Hans': zhHans,
  ja,
  ko,
};

export function catalogFor(locale: Locale): Catalog {
  if (locale === 'en') return ENGLISH;
  // Compiled from English in full (scripts/i18n.mjs): nothing to fall back to.
  if (locale === 'en-XA') return pseudo as unknown as Record<string, MessageFormatElement[]>;
  return { ...ENGLISH, ...TRANSLATIONS[locale] };
}
