import type { Message } from '../../electron/shared/i18n/message';

/**
 * A hand-written fixture sentence as a Message (a made-up diagnosis for the
 * report, the CLI or a remedy's tests). It rides on the one message that
 * passes a sentence on whole, so `english()` reads back exactly this text;
 * tests of the engine's own words build them with the engine instead.
 */
export function fixtureMessage(text: string): Message {
  return { messageId: 'diagnosis.cause.fromLog', values: { summary: text } };
}
