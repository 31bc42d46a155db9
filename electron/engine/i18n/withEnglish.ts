import { isMessage } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { englishText } from './translator';

/** A message as the JSON output prints it: its id and values for programs, its English for people. */
export type MessageWithEnglish = Message & { readonly text: string };

/**
 * A document (a Diagnosis, a LogFinding) for `--json`: every message in it
 * keeps its id and values and gains its English text (issue #17), so a
 * script can match on ids and a person can still read the output.
 */
export function withEnglish<T>(document: T): T {
  return addEnglish(document) as T;
}

function addEnglish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(addEnglish);
  if (typeof value !== 'object' || value === null) return value;
  if (isMessage(value)) {
    const withText: MessageWithEnglish = { ...value, text: englishText(value) };
    return withText;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, addEnglish(item)]));
}
