import type { Command } from '../../shared/actionModel';
import { system32Program } from './powershell';

/**
 * LongPathsEnabled through reg.exe, in the 64-bit registry view (/reg:64):
 * a 32-bit process would otherwise read and write a redirected copy
 * (reference §0). Value types and numbers are not localised; messages are.
 */

export const FILESYSTEM_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem';
export const LONG_PATHS_VALUE = 'LongPathsEnabled';

export function queryLongPaths(systemRoot: string): Command {
  return {
    program: system32Program(systemRoot, 'reg.exe'),
    args: ['query', FILESYSTEM_KEY, '/v', LONG_PATHS_VALUE, '/reg:64'],
    env: {},
  };
}

export function setLongPaths(systemRoot: string, value: number): Command {
  return {
    program: system32Program(systemRoot, 'reg.exe'),
    args: [
      'add',
      FILESYSTEM_KEY,
      '/v',
      LONG_PATHS_VALUE,
      '/t',
      'REG_DWORD',
      '/d',
      String(value),
      '/f',
      '/reg:64',
    ],
    env: {},
  };
}

export function deleteLongPaths(systemRoot: string): Command {
  return {
    program: system32Program(systemRoot, 'reg.exe'),
    args: ['delete', FILESYSTEM_KEY, '/v', LONG_PATHS_VALUE, '/f', '/reg:64'],
    env: {},
  };
}

/**
 * The value `reg query` printed: a number, or null when the value does not
 * exist (reg exits 1 and says so in the local language). Undefined when the
 * output is neither, so the caller does not guess.
 */
export function parseLongPathsQuery(
  exitCode: number | null,
  stdout: string,
): number | null | undefined {
  const match = /^\s+LongPathsEnabled\s+REG_DWORD\s+0x([0-9a-f]+)\s*$/im.exec(stdout);
  if (match) return Number.parseInt(match[1]!, 16);
  if (exitCode === 1) return null;
  return undefined;
}
