import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locale } from '../../../electron/shared/i18n/locales';

/** A language's messages as react-intl takes them: ICU text, or the pseudo-locale's compiled AST. */
export type RendererCatalog = Record<string, string> | Record<string, MessageFormatElement[]>;

type ExtractedEnglish = Record<string, { defaultMessage: string }>;

// One chunk per language, fetched when that language is shown (issue #17: the first screen
// carries no language's messages but its own).
const CATALOGS = import.meta.glob<{ default: unknown }>('../../../i18n/*.json');

async function load(locale: Locale): Promise<unknown> {
  const loader = CATALOGS[`../../../i18n/${locale}.json`];
  if (!loader) throw new Error(`No messages for ${locale}`);
  return (await loader()).default;
}

function englishMessages(extracted: ExtractedEnglish): Record<string, string> {
  return Object.fromEntries(
    Object.entries(extracted).map(([id, { defaultMessage }]) => [id, defaultMessage]),
  );
}

/**
 * The messages of one language. A translation is loaded with English beside
 * it: a message it lacks shows in English, never as its id (the unit tests
 * keep every language complete; this only guards a stale build).
 */
export async function loadCatalog(locale: Locale): Promise<RendererCatalog> {
  if (locale === 'en-XA') return (await load(locale)) as Record<string, MessageFormatElement[]>;
  if (locale === 'en') return englishMessages((await load('en')) as ExtractedEnglish);
  const [english, translated] = await Promise.all([load('en'), load(locale)]);
  return {
    ...englishMessages(english as ExtractedEnglish),
    ...(translated as Record<string, string>),
  };
}
