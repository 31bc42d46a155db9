import type { Reply, UserError } from '../shared/contract';
import { UserFacingError } from '../shared/userFacingError';

/** A failed Reply, as main's answers are when a request is refused before any work. */
export function failure(message: string, cause: string | null = null): Reply<never> {
  return { ok: false, error: { message, cause } };
}

/** Anything a handler threw, as the error the renderer shows. */
export function toUserError(error: unknown): UserError {
  if (error instanceof UserFacingError)
    return { message: error.message, cause: error.technicalCause };
  return {
    message: "Something went wrong in Pip Doctor's background process. Try again.",
    cause: error instanceof Error ? error.message : String(error),
  };
}
