import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { holderGapWords } from '../holderGapWords';
import type { Gap } from '../../shared/model/diagnosis';
import type { HolderScan } from '../systemProbe';
import type { LockQuery, ProbeDocument } from './probeDocument';
import { isInside } from '../../shared/paths';

/** RM_REBOOT_REASON bits (learn.microsoft.com restartmanager.h). */
const PERMISSION_DENIED = 0x1;
const SESSION_MISMATCH = 0x2;
/** Process start times from CIM (µs) and the Restart Manager (100 ns) are the same instant, cut differently. */
const START_TOLERANCE_MS = 2;

const RUN_AS_ADMIN = msg(holderGapWords.runAsAdmin);

/**
 * Who holds the inspected installs' files, from the scan's one PowerShell
 * run: the Restart Manager (open files and mapped images, for the failing
 * path and for each install's binaries) and the modules loaded by every
 * interpreter. A holder is keyed by pid and start time, checked against the
 * process table, so a pid reused between two reads is not blamed. Where the
 * Restart Manager only says "something in this install folder", the folder
 * itself is what the process holds.
 */
export function holderScanOf(document: ProbeDocument): HolderScan {
  const created = new Map(
    (document.processes.status === 'ok' ? document.processes.items : []).map((item) => [
      item.pid,
      item.created,
    ]),
  );
  const sameProcess = (pid: number, started: string | null) => {
    const known = created.get(pid);
    if (!known || !started) return true;
    return Math.abs(Date.parse(known) - Date.parse(started)) <= START_TOLERANCE_MS;
  };

  const holds = new Map<number, Set<string>>();
  const add = (pid: number, path: string) => {
    let files = holds.get(pid);
    if (!files) holds.set(pid, (files = new Set()));
    files.add(path);
  };
  const modules = document.loadedModules.status === 'ok' ? document.loadedModules.processes : [];
  for (const process of modules) {
    if (!sameProcess(process.pid, process.started)) continue;
    for (const file of process.files) add(process.pid, file);
  }
  const queries = document.restartManager.status === 'ok' ? document.restartManager.queries : [];
  for (const query of queries) {
    for (const process of query.processes) {
      if (!sameProcess(process.pid, process.started)) continue;
      const [path] = query.paths;
      if (path === undefined) continue;
      // A root query names a folder: say which files only when the modules already did.
      const known = [...(holds.get(process.pid) ?? [])].some((file) => isInside(file, path));
      if (query.kind === 'path' || !known) add(process.pid, path);
    }
  }
  return {
    holders: [...holds].map(([pid, files]) => ({ pid, holds: [...files] })),
    gaps: scanGaps(document, queries),
  };
}

function scanGaps(document: ProbeDocument, queries: readonly LockQuery[]): Gap[] {
  const gaps: Gap[] = [];
  const whyNot = (error: string | null) => error ?? document.fatal ?? msg(holderGapWords.noReason);
  if (document.identity.status === 'failed') {
    gaps.push({
      area: 'elevation',
      message: msg(holderGapWords.identityFailed, { error: whyNot(document.identity.error) }),
      howToReveal: null,
    });
  }
  if (document.settings.status === 'failed') {
    gaps.push({
      area: 'elevation',
      message: msg(holderGapWords.settingsFailed, { error: whyNot(document.settings.error) }),
      howToReveal: null,
    });
  }
  if (document.processes.status === 'failed') {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.processesFailed, { error: whyNot(document.processes.error) }),
      howToReveal: null,
    });
  }
  if (document.restartManager.status === 'failed') {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.restartManagerFailed, {
        error: whyNot(document.restartManager.error),
      }),
      howToReveal: null,
    });
  }
  if (document.loadedModules.status === 'failed') {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.modulesFailed, { error: whyNot(document.loadedModules.error) }),
      howToReveal: null,
    });
  }
  gaps.push(...restartManagerGaps(queries), ...moduleGaps(document));
  return gaps;
}

function restartManagerGaps(queries: readonly LockQuery[]): Gap[] {
  const gaps: Gap[] = [];
  const failed = queries.filter((query) => query.error !== 0);
  if (failed.length > 0) {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.restartManagerSilent, {
        paths: failed.map((query) => query.paths[0]).join(', '),
        code: String(failed[0]!.error),
      }),
      howToReveal: null,
    });
  }
  if (queries.some((query) => query.rebootReasons & PERMISSION_DENIED)) {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.otherAccount),
      howToReveal: RUN_AS_ADMIN,
    });
  }
  if (queries.some((query) => query.rebootReasons & SESSION_MISMATCH)) {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.otherSession),
      howToReveal: msg(holderGapWords.otherSessionHow),
    });
  }
  for (const query of queries.filter((query) => query.truncated)) {
    gaps.push({ area: 'processes', message: cutShort(query), howToReveal: null });
  }
  return gaps;
}

/** An install folder whose walk for program files stopped early: at the file count, or out of time. */
function cutShort(query: LockQuery): Message {
  const folder = query.paths[0] ?? '';
  const values = { folder, count: query.fileCount };
  if (query.limit === 'time' && query.fileCount === 0)
    return msg(holderGapWords.notCheckedSlow, { folder });
  if (query.limit === 'time') return msg(holderGapWords.partlyCheckedSlow, values);
  if (query.limit === 'files') return msg(holderGapWords.partlyCheckedMany, values);
  return msg(holderGapWords.partlyChecked, values);
}

function moduleGaps(document: ProbeDocument): Gap[] {
  if (document.loadedModules.status !== 'ok') return [];
  const denied = document.loadedModules.uninspected.filter((process) => process.denied);
  const unreadable = document.loadedModules.uninspected.filter((process) => !process.denied);
  const gaps: Gap[] = [];
  if (denied.length > 0) {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.deniedPythons, {
        count: denied.length,
        // Names and numbers only: no words to translate in the list.
        processes: denied.map((process) => `${process.name}, pid ${process.pid}`).join('; '),
      }),
      howToReveal: RUN_AS_ADMIN,
    });
  }
  if (unreadable.length > 0) {
    gaps.push({
      area: 'processes',
      message: msg(holderGapWords.unreadableModules, {
        processes: unreadable.map((process) => `${process.name} (pid ${process.pid})`).join(', '),
        error: unreadable[0]!.error ?? msg(holderGapWords.noReason),
      }),
      howToReveal: null,
    });
  }
  return gaps;
}
