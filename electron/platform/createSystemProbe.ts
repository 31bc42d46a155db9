import type { SystemProbe } from './systemProbe';
import { createPosixSystemProbe } from './posix/posixSystemProbe';

/** The backend for the OS this runs on. */
export function createSystemProbe(env: NodeJS.ProcessEnv = process.env): SystemProbe {
  if (process.platform === 'win32') {
    throw new Error(
      'The Windows backend is not built yet (issue #5); diagnose runs on macOS and Linux.',
    );
  }
  return createPosixSystemProbe(env);
}
