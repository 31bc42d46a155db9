import type { Reply, UserError } from '../shared/contract';

/**
 * A failure meant for the user: a message they can act on, plus the
 * technical cause for the details view. Handlers throw it; the handler
 * wrapper turns it into a Reply, because only a message survives a throw
 * across Electron's IPC.
 */
export class ReplyError extends Error {
  constructor(
    message: string,
    readonly technicalCause: string | null = null,
  ) {
    super(message);
    this.name = 'ReplyError';
  }
}

export function failure(message: string, cause: string | null = null): Reply<never> {
  return { ok: false, error: { message, cause } };
}

/** Anything a handler threw, as the error the renderer shows. */
export function toUserError(error: unknown): UserError {
  if (error instanceof ReplyError) return { message: error.message, cause: error.technicalCause };
  return {
    message: "Something went wrong in Pip Doctor's background process. Try again.",
    cause: error instanceof Error ? error.message : String(error),
  };
}
