/** The `code` of what `act` throws (ESRCH, EACCES, ...), or null when it throws nothing coded. */
export function errorCodeOf(act: () => unknown): string | null {
  try {
    act();
    return null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
}
