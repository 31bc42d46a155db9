import type { MessageDescriptor } from '@formatjs/intl';

/**
 * Words the engine hands to whoever shows them: a message id and its values,
 * never a finished English sentence (issue #17). The renderer, the Markdown
 * report and the CLI each format it in the user's language; the JSON output
 * keeps the id and values and adds the English text. Commands, paths and
 * package names are values, so they are never translated.
 */
export interface Message {
  readonly messageId: string;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** A list of values, joined by the language's own "a, b and c" (Intl.ListFormat). */
export interface MessageList {
  readonly list: readonly MessageValue[];
  /**
   * "and" (conjunction, the default) or "or" (disjunction): "a, b and c";
   * "sentences": whole sentences one after the other, as the language writes them.
   */
  readonly joiner?: 'and' | 'or' | 'sentences';
}

/** A value in a message: text shown as it is, a number the language formats, or words of their own. */
export type MessageValue = string | number | Message | MessageList;

/** One message with its values, from a descriptor made by `defineMessages`. */
export function msg(
  descriptor: MessageDescriptor,
  values?: Readonly<Record<string, MessageValue>>,
): Message {
  if (typeof descriptor.id !== 'string') {
    throw new Error(`A message needs an explicit id: ${JSON.stringify(descriptor.defaultMessage)}`);
  }
  return values === undefined ? { messageId: descriptor.id } : { messageId: descriptor.id, values };
}

/** A list of values for a message's `{programs}` placeholder. */
export function listOf(
  list: readonly MessageValue[],
  joiner: MessageList['joiner'] = 'and',
): MessageList {
  return { list, joiner };
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { messageId?: unknown }).messageId === 'string'
  );
}

export function isMessageList(value: unknown): value is MessageList {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { list?: unknown }).list)
  );
}
