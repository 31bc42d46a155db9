import type { Gap } from '../../shared/model/diagnosis';
import type { HolderScan } from '../systemProbe';
import type { LockQuery, ProbeDocument } from './probeDocument';
import { isInside } from '../../shared/paths';

/** RM_REBOOT_REASON bits (learn.microsoft.com restartmanager.h). */
const PERMISSION_DENIED = 0x1;
const SESSION_MISMATCH = 0x2;
/** Process start times from CIM (µs) and the Restart Manager (100 ns) are the same instant, cut differently. */
const START_TOLERANCE_MS = 2;

const RUN_AS_ADMIN =
  'Run Pip Doctor as administrator (right-click it, then "Run as administrator") to see them too.';

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
  const whyNot = (error: string | null) => error ?? document.fatal ?? 'no reason given';
  if (document.identity.status === 'failed') {
    gaps.push({
      area: 'elevation',
      message: `Whether Pip Doctor runs as administrator could not be found out: ${whyNot(document.identity.error)}`,
      howToReveal: null,
    });
  }
  if (document.settings.status === 'failed') {
    gaps.push({
      area: 'elevation',
      message: `Long path support and Controlled Folder Access could not be checked: ${whyNot(document.settings.error)}`,
      howToReveal: null,
    });
  }
  if (document.processes.status === 'failed') {
    gaps.push({
      area: 'processes',
      message: `The running programs could not be listed: ${whyNot(document.processes.error)}`,
      howToReveal: null,
    });
  }
  if (document.restartManager.status === 'failed') {
    gaps.push({
      area: 'processes',
      message: `Windows' Restart Manager could not be asked which programs use the files: ${whyNot(document.restartManager.error)}`,
      howToReveal: null,
    });
  }
  if (document.loadedModules.status === 'failed') {
    gaps.push({
      area: 'processes',
      message: `The files loaded by running Python programs could not be read: ${whyNot(document.loadedModules.error)}`,
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
      message: `Windows' Restart Manager did not answer for ${failed.map((query) => query.paths[0]).join(', ')} (Windows error ${failed[0]!.error}).`,
      howToReveal: null,
    });
  }
  if (queries.some((query) => query.rebootReasons & PERMISSION_DENIED)) {
    gaps.push({
      area: 'processes',
      message:
        'Some programs using these files run as another user or as administrator, and Windows does not name them to Pip Doctor.',
      howToReveal: RUN_AS_ADMIN,
    });
  }
  if (queries.some((query) => query.rebootReasons & SESSION_MISMATCH)) {
    gaps.push({
      area: 'processes',
      message:
        "Some programs using these files run in another user's session (another signed-in user, or a remote desktop).",
      howToReveal: 'Sign that user out, or restart Windows, to release them.',
    });
  }
  for (const query of queries.filter((query) => query.truncated)) {
    gaps.push({ area: 'processes', message: cutShort(query), howToReveal: null });
  }
  return gaps;
}

/** An install folder whose walk for program files stopped early: at the file count, or out of time. */
function cutShort(query: LockQuery): string {
  const folder = query.paths[0];
  if (query.limit === 'time' && query.fileCount === 0)
    return `The program files in ${folder} were not checked for programs using them: finding them took too long.`;
  if (query.limit === 'time')
    return `Only ${query.fileCount} program files in ${folder} were checked for programs using them: finding more took too long.`;
  if (query.limit === 'files')
    return `Only the first ${query.fileCount} program files in ${folder} were checked for programs using them: it has more than one scan looks at.`;
  return `Only the first ${query.fileCount} program files in ${folder} were checked for programs using them.`;
}

function moduleGaps(document: ProbeDocument): Gap[] {
  if (document.loadedModules.status !== 'ok') return [];
  const denied = document.loadedModules.uninspected.filter((process) => process.denied);
  const unreadable = document.loadedModules.uninspected.filter((process) => !process.denied);
  const gaps: Gap[] = [];
  if (denied.length > 0) {
    const count = denied.length === 1 ? '1 Python process' : `${denied.length} Python processes`;
    gaps.push({
      area: 'processes',
      message: `${count} (${denied.map((process) => `${process.name}, pid ${process.pid}`).join('; ')}) could not be inspected: ${denied.length === 1 ? 'it runs' : 'they run'} as another user or as administrator, and Windows shows the files a process has loaded only to its own user. One of them may be holding the files.`,
      howToReveal: RUN_AS_ADMIN,
    });
  }
  if (unreadable.length > 0) {
    gaps.push({
      area: 'processes',
      message: `The loaded files of ${unreadable.map((process) => `${process.name} (pid ${process.pid})`).join(', ')} could not be read: ${unreadable[0]!.error ?? 'no reason given'}.`,
      howToReveal: null,
    });
  }
  return gaps;
}
