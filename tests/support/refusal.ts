import type { Message } from '../../electron/shared/i18n/message';
import { UserFacingError } from '../../electron/shared/userFacingError';
import { english } from './english';

/**
 * The message the user is shown when `work` is refused, to format in any
 * language. Fails the test when the work succeeds or throws anything but a
 * UserFacingError (a crash is not a refusal).
 */
export async function refusalMessageOf(work: Promise<unknown>): Promise<Message> {
  try {
    await work;
  } catch (error) {
    return messageOf(error);
  }
  throw new Error('Expected a refusal, but the work succeeded.');
}

/** What the user reads when `work` is refused, in English, strictly formatted. */
export async function refusalOf(work: Promise<unknown>): Promise<string> {
  return english(await refusalMessageOf(work));
}

/** refusalOf for work that throws synchronously. */
export function refusalIn(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return english(messageOf(error));
  }
  throw new Error('Expected a refusal, but the work succeeded.');
}

function messageOf(error: unknown): Message {
  if (error instanceof UserFacingError) return error.userMessage;
  throw new Error(`Expected a UserFacingError, got: ${String(error)}`, { cause: error });
}
