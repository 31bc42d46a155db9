import type { MessageDescriptor } from '@formatjs/intl';
import type { Translator } from '../i18n/translator';
import { msg } from '../../shared/i18n/message';
import type { Message, MessageValue } from '../../shared/i18n/message';
import { mdCode, mdFence, mdText } from './markdownText';
import type { Redactor } from './redactPersonal';

/**
 * Every value from the machine goes through here: redacted, then made inert
 * for Markdown; and every word the report writes, in the report's language.
 */
export class ReportWriter {
  constructor(
    private readonly redactor: Redactor,
    /** The report's language: the engine's messages and the report's own words. */
    readonly t: Translator,
  ) {}

  /** One of the engine's messages in the report's language, redacted and made inert like any value. */
  message(value: Message): string {
    return this.text(this.t.text(value));
  }

  /**
   * One of the report's own messages. Its values are already Markdown (code
   * spans, escaped text) and its words are the translators', so the result
   * is not escaped again: that would show a path's backticks as text.
   */
  say(descriptor: MessageDescriptor, values?: Readonly<Record<string, MessageValue>>): string {
    return this.t.text(msg(descriptor, values));
  }

  text(value: string): string {
    return mdText(this.redactor.text(value));
  }

  code(value: string): string {
    return mdCode(this.redactor.text(value));
  }

  account(value: string): string {
    return mdText(this.redactor.account(value));
  }

  fence(lines: readonly string[], language: string): string {
    return mdFence(
      lines.map((line) => this.redactor.text(line)),
      language,
    );
  }
}
