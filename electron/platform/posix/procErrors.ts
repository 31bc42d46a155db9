/**
 * How /proc reads fail, in the two ways a scan must tell apart: the process
 * ended while we looked (skip it, it holds nothing any more), or the kernel
 * will not show it to this user (count it, a Gap must say so).
 */

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** The process exited (or its pid was never there) between listing and reading. */
export function isVanished(error: unknown): boolean {
  const code = codeOf(error);
  // ESRCH: a /proc/<pid> entry whose task is already reaped; ENOENT: the entry itself is gone.
  return code === 'ENOENT' || code === 'ESRCH';
}

/** The kernel refuses: another user's process, or one that made itself non-dumpable. */
export function isDenied(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'EACCES' || code === 'EPERM';
}
