import { posix, win32 } from 'node:path';
import type { PlatformPath } from 'node:path';
import type { Platform } from '../remedies/planning/recipe';

/**
 * Path rules of the platform a plan is for, not of the one building it:
 * plans for Windows are built (and tested) on Linux from Windows paths.
 */
export function pathsFor(platform: Platform): PlatformPath {
  return platform === 'win32' ? win32 : posix;
}
