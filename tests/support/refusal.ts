import { UserFacingError } from '../../electron/shared/userFacingError';
import { english } from './english';

/**
 * What the user reads when `work` is refused: the refusal's message in
 * English, strictly formatted. Fails the test when the work succeeds or
 * throws anything but a UserFacingError (a crash is not a refusal).
 */
export async function refusalOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return englishOf(error);
  }
  throw new Error('Expected a refusal, but the work succeeded.');
}

/** refusalOf for work that throws synchronously. */
export function refusalIn(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return englishOf(error);
  }
  throw new Error('Expected a refusal, but the work succeeded.');
}

function englishOf(error: unknown): string {
  if (error instanceof UserFacingError) return english(error.userMessage);
  throw new Error(`Expected a UserFacingError, got: ${String(error)}`, { cause: error });
}
