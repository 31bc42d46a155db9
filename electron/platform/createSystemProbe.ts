import type { SystemProbe } from './systemProbe';
import { createPosixSystemProbe } from './posix/posixSystemProbe';
import { createWindowsSystemProbe } from './windows/windowsSystemProbe';

/** The backend for the OS this runs on. */
export function createSystemProbe(env: NodeJS.ProcessEnv = process.env): SystemProbe {
  if (process.platform === 'win32') return createWindowsSystemProbe(env);
  return createPosixSystemProbe(env);
}
