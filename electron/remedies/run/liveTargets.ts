import { setTimeout as sleep } from 'node:timers/promises';
import type { SystemProbe } from '../../platform/systemProbe';
import type { Platform } from '../../shared/model/platform';
import type { ProcessTarget } from '../steps/specs';
import type { Message } from '../../shared/i18n/message';
import {
  hasKnownStart,
  isSameProcess,
  protectedReason,
  selfAndAncestors,
} from '../../platform/processGuard';

/** A planned target as it is right now. */
export type TargetState =
  | { target: ProcessTarget; state: 'present' }
  | { target: ProcessTarget; state: 'gone' }
  | { target: ProcessTarget; state: 'reused'; startedAt: string }
  | { target: ProcessTarget; state: 'unverifiable' }
  | { target: ProcessTarget; state: 'protected'; reason: Message };

/**
 * Looks each target up again just before it is signalled: by pid and start
 * time, since a pid freed by an exit can be given to an unrelated program.
 */
export async function checkTargets(
  targets: readonly ProcessTarget[],
  probe: SystemProbe,
  platform: Platform,
  selfPid: number,
): Promise<TargetState[]> {
  const table = await probe.listProcesses();
  const app = selfAndAncestors(selfPid, table);
  return targets.map((target): TargetState => {
    const now = table.get(target.pid);
    if (!now) return { target, state: 'gone' };
    if (!hasKnownStart(target.startTime) || !hasKnownStart(now.startTime)) {
      return { target, state: 'unverifiable' };
    }
    if (!isSameProcess(target.startTime, now.startTime)) {
      return { target, state: 'reused', startedAt: now.startTime };
    }
    const reason = protectedReason(
      { pid: target.pid, name: now.name, ppid: now.ppid },
      platform,
      app,
    );
    if (reason !== null) return { target, state: 'protected', reason };
    return { target, state: 'present' };
  });
}

const POLL_MS = 200;

/**
 * Waits until the targets have exited or `timeUp` resolves, then looks once
 * more; returns those still running.
 */
export async function waitForExit(
  targets: readonly ProcessTarget[],
  probe: SystemProbe,
  timeUp: Promise<void>,
  signal: AbortSignal,
): Promise<ProcessTarget[]> {
  let over = false;
  const ended = timeUp.then(() => {
    over = true;
  });
  let running = [...targets];
  while (running.length > 0 && !signal.aborted) {
    const last = over;
    const table = await probe.listProcesses();
    running = running.filter((target) => {
      const now = table.get(target.pid);
      return now !== undefined && isSameProcess(target.startTime, now.startTime);
    });
    if (running.length === 0 || last) break;
    await Promise.race([sleep(POLL_MS, undefined, { signal }).catch(() => undefined), ended]);
  }
  return running;
}

/**
 * When the programs asked to close have had their time: resolves then (or
 * when `signal` aborts). The app gives them a fixed time; a test ends it
 * when each program has answered, so a loaded machine cannot make it flaky.
 */
export type CloseGrace = (asked: readonly ProcessTarget[], signal: AbortSignal) => Promise<void>;

/** The app's grace: a fixed time, enough to save, short enough to wait for. */
export function fixedGrace(ms: number): CloseGrace {
  return (_asked, signal) => sleep(ms, undefined, { signal }).catch(() => undefined);
}

/** Who runs a process, for a refusal the user can act on. */
export async function ownerOf(pid: number, probe: SystemProbe): Promise<string | null> {
  const table = await probe.listProcesses();
  const details = await probe.describeProcesses(table, [pid]);
  const info = details.get(pid);
  if (!info) return null;
  return info.user ?? (info.uid === null ? null : `uid ${info.uid}`);
}
