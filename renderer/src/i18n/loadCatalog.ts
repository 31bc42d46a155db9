import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locale } from '../../../electron/shared/i18n/locales';

/** A language's messages as react-intl takes them: compiled at build time (compiledCatalogsPlugin). */
export type RendererCatalog = Record<string, MessageFormatElement[]>;

// One chunk per language, fetched when that language is shown (issue #17: the first screen
// carries no language's messages but its own).
const CATALOGS = import.meta.glob<{ default: RendererCatalog }>('../../../i18n/*.json');

const loading = new Map<Locale, Promise<RendererCatalog>>();

/** One fetch per language, shared by whoever asks first and later. */
function load(locale: Locale): Promise<RendererCatalog> {
  const known = loading.get(locale);
  if (known) return known;
  const loader = CATALOGS[`../../../i18n/${locale}.json`];
  const started = loader
    ? loader().then((module) => module.default)
    : Promise.reject(new Error(`No messages for ${locale}`));
  loading.set(locale, started);
  return started;
}

/**
 * English is needed whatever the language (it is every translation's
 * fallback): its fetch starts as the page's script runs, beside the
 * question to main which language to speak, not after the answer.
 */
export function startLoadingEnglish(): void {
  void load('en').catch(() => undefined);
}

/**
 * The messages of one language. A translation is loaded with English beside
 * it: a message it lacks shows in English, never as its id (the unit tests
 * keep every language complete; this only guards a stale build).
 */
export async function loadCatalog(locale: Locale): Promise<RendererCatalog> {
  if (locale === 'en' || locale === 'en-XA') return load(locale);
  const [english, translated] = await Promise.all([load('en'), load(locale)]);
  return { ...english, ...translated };
}
