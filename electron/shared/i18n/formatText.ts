import type { IntlShape } from '@formatjs/intl';
import { isMessage, isMessageList } from './message';
import type { Message, MessageValue } from './message';

/** What formatting needs of an intl object: @formatjs/intl's (main, CLI) and react-intl's alike. */
export type Formatter = Pick<IntlShape<string>, 'formatMessage' | 'formatList' | 'locale'>;

/**
 * A message in the formatter's language: nested messages first, lists joined
 * by the language's own rules, numbers and text passed to ICU as they are.
 */
export function formatText(intl: Formatter, message: Message): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    values[name] = formatValue(intl, value);
  }
  // A descriptor variable, not a literal: `formatjs extract` reads literal descriptors as messages to extract.
  const descriptor = { id: message.messageId };
  return intl.formatMessage(descriptor, values);
}

function formatValue(intl: Formatter, value: MessageValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isMessage(value)) return formatText(intl, value);
  if (isMessageList(value)) {
    const items = value.list.map((item) => String(formatValue(intl, item)));
    // Chinese and Japanese write one sentence after another with no space between.
    if (value.joiner === 'sentences') return items.join(/^(zh|ja)\b/.test(intl.locale) ? '' : ' ');
    return intl.formatList(items, { type: value.joiner === 'or' ? 'disjunction' : 'conjunction' });
  }
  throw new Error(`Not a message value: ${JSON.stringify(value)}`);
}
