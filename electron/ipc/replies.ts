import { defineMessages } from '@formatjs/intl';
import type { Reply, UserError } from '../shared/contract';
import { msg } from '../shared/i18n/message';
import type { Message } from '../shared/i18n/message';
import { UserFacingError } from '../shared/userFacingError';

const words = defineMessages({
  unexpected: {
    id: 'error.ipc.unexpected',
    defaultMessage: "Something went wrong in Pip Doctor's background process. Try again.",
  },
});

/**
 * The preload's own refusals (electron/preloadBridge.ts names them by id,
 * since it may import nothing): defined here so they are extracted and translated.
 */
export const BRIDGE_REFUSALS = defineMessages({
  unreachable: {
    id: 'error.bridge.unreachable',
    defaultMessage:
      'Pip Doctor could not reach its background process. Restart the app and try again.',
  },
});

/** A failed Reply, as main's answers are when a request is refused before any work. */
export function failure(message: Message, cause: string | null = null): Reply<never> {
  return { ok: false, error: { message, cause } };
}

/** Anything a handler threw, as the error the renderer shows. */
export function toUserError(error: unknown): UserError {
  if (error instanceof UserFacingError)
    return { message: error.userMessage, cause: error.technicalCause };
  return {
    message: msg(words.unexpected),
    cause: error instanceof Error ? error.message : String(error),
  };
}
