import { translator } from '../../electron/engine/i18n/translator';
import { isMessage } from '../../electron/shared/i18n/message';
import type { Message } from '../../electron/shared/i18n/message';
import type { Locale } from '../../electron/shared/i18n/locales';

/**
 * A message as an English-speaking user reads it. Strict: a missing message
 * or value throws, so a test never passes on an id printed in place of words.
 */
export function english(message: Message): string {
  return translator('en', { strict: true }).text(message);
}

/** The same message in another language, strictly formatted as well. */
export function inLanguage(locale: Locale, message: Message): string {
  return translator(locale, { strict: true }).text(message);
}

/** english() of a field that may be empty: null and undefined pass through, for expect(). */
export function englishOf(message: Message | null | undefined): string | null | undefined {
  return message === null || message === undefined ? message : english(message);
}

/**
 * A whole model object with every Message in it read as English, for
 * toEqual/toMatchObject against the words a user sees.
 */
export function englishDeep(value: unknown): unknown {
  if (isMessage(value)) return english(value);
  if (Array.isArray(value)) return value.map(englishDeep);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, englishDeep(item)]));
  return value;
}
