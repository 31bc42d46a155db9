import { createIntl, createIntlCache } from '@formatjs/intl';
import type { IntlShape } from '@formatjs/intl';
import { formatText } from '../../shared/i18n/formatText';
import type { Message } from '../../shared/i18n/message';
import type { Locale } from '../../shared/i18n/locales';
import { catalogFor } from './catalogs';

/** Formats the engine's messages in one language: the Markdown report and the CLI use it. */
export interface Translator {
  readonly locale: Locale;
  readonly intl: IntlShape<string>;
  text(message: Message): string;
}

const cache = createIntlCache();
const translators = new Map<string, Translator>();

/**
 * The translator for a language. `strict` (the tests) throws on a missing
 * message or value instead of printing the id: a message that cannot be
 * formatted is a bug the tests must see.
 */
export function translator(locale: Locale, { strict = false } = {}): Translator {
  const key = `${locale}:${strict}`;
  const known = translators.get(key);
  if (known) return known;
  const intl = createIntl(
    {
      locale,
      defaultLocale: 'en',
      messages: catalogFor(locale),
      onError: (error) => {
        if (strict) throw error;
      },
    },
    cache,
  );
  const made: Translator = { locale, intl, text: (message) => formatText(intl, message) };
  translators.set(key, made);
  return made;
}

/** English, as the JSON output adds it beside each message's id and values. */
export function englishText(message: Message): string {
  return translator('en').text(message);
}
