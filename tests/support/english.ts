import { translator } from '../../electron/engine/i18n/translator';
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
