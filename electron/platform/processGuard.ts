import type { ProcessSummary } from './systemProbe';
import type { Platform } from '../shared/model/platform';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';
import type { Message } from '../shared/i18n/message';

/** Why a program is never closed: a clause that follows "left alone:" in the plan and the step list. */
const guardWords = defineMessages({
  self: {
    id: 'platform.guard.self',
    defaultMessage: 'it is Pip Doctor itself or the program that started it',
    description:
      'Why a program is not closed; follows "…is left alone:" (lower case, no full stop).',
  },
  windows: {
    id: 'platform.guard.windows',
    defaultMessage: 'it is part of Windows',
    description:
      'Why a program is not closed; follows "…is left alone:" (lower case, no full stop).',
  },
  system: {
    id: 'platform.guard.system',
    defaultMessage: 'it is part of the operating system',
    description:
      'Why a program is not closed; follows "…is left alone:" (lower case, no full stop).',
  },
});

/**
 * Which processes an action may close (DESIGN.md rule 7): never the app
 * itself or the programs that started it (closing the terminal would close
 * the app), never the system's own processes.
 */

/**
 * /proc dates a process from the boot time, which the kernel gives in whole
 * seconds; a later scan may differ from an earlier one by up to a second
 * (and CIM's and .NET's Windows times by rounding). A reused pid differs by
 * far more: the old process had to exit and the pid counter wrap first.
 */
export const START_TIME_TOLERANCE_MS = 1000;

/** False also when either time is unknown: without it, a reused pid cannot be told apart. */
export function isSameProcess(recordedStart: string, currentStart: string): boolean {
  const recorded = Date.parse(recordedStart);
  const current = Date.parse(currentStart);
  if (Number.isNaN(recorded) || Number.isNaN(current)) return false;
  return Math.abs(recorded - current) <= START_TIME_TOLERANCE_MS;
}

export function hasKnownStart(startTime: string): boolean {
  return !Number.isNaN(Date.parse(startTime));
}

/** Windows processes whose end crashes or logs off the session. */
const WINDOWS_SYSTEM_NAMES = new Set([
  'system',
  'idle',
  'registry',
  'smss.exe',
  'csrss.exe',
  'wininit.exe',
  'winlogon.exe',
  'services.exe',
  'lsass.exe',
  'svchost.exe',
  'fontdrvhost.exe',
  'dwm.exe',
  'explorer.exe',
  'memory compression',
]);

/** The app's own process and every process above it. */
export function selfAndAncestors(
  selfPid: number,
  table: ReadonlyMap<number, ProcessSummary>,
): Set<number> {
  const protectedPids = new Set<number>([selfPid]);
  let current = table.get(selfPid);
  while (current && !protectedPids.has(current.ppid) && current.ppid > 0) {
    protectedPids.add(current.ppid);
    current = table.get(current.ppid);
  }
  return protectedPids;
}

/** Why a process may not be closed, in words; null when it may. */
export function protectedReason(
  target: { pid: number; name: string | null; ppid: number | null },
  platform: Platform,
  appProcesses: ReadonlySet<number>,
): Message | null {
  if (appProcesses.has(target.pid)) return msg(guardWords.self);
  if (platform === 'win32') {
    if (target.pid === 0 || target.pid === 4) return msg(guardWords.windows);
    if (target.name !== null && WINDOWS_SYSTEM_NAMES.has(target.name.toLowerCase())) {
      return msg(guardWords.windows);
    }
    return null;
  }
  // pid 1 is init; kernel threads are children of kthreadd (pid 2) on Linux.
  if (target.pid <= 2 || target.ppid === 2) return msg(guardWords.system);
  return null;
}
