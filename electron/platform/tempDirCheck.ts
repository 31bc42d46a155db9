import { stat } from 'node:fs/promises';
import type { TempDirCheck } from '../shared/model/diagnosis';
import type { WriteProbe } from './writeProbe';
import { msg } from '../shared/i18n/message';
import type { Message } from '../shared/i18n/message';
import { tempDirWords } from './tempDirWords';

/** A folder Python's tempfile may use, and the environment variable that named it (null for a built-in default). */
export interface TempDirCandidate {
  path: string;
  variable: string | null;
}

/** What each OS supplies: its candidates in tempfile's order, and a folder of the user's to suggest. */
export interface TempDirPlan {
  /** In the order `tempfile.gettempdir()` tries them; the first is the one checked. */
  candidates: TempDirCandidate[];
  /** A folder of the user's pip could unpack in instead (it may not exist yet). */
  alternative: string | null;
  /** Whether two paths name the same folder, in this OS's spelling rules. */
  samePath(a: string, b: string): boolean;
}

export interface TempDirDeps {
  probeWritable(dir: string): Promise<WriteProbe>;
  /** Bytes this user may still write on the disk holding `dir`; null when unknown. */
  freeBytes(dir: string): Promise<number | null>;
  /** Null when `dir` is a folder; else why not: a stat error code (ENOENT, EACCES…) or NOTAFOLDER. */
  folderError(dir: string): Promise<string | null>;
}

/** Below this a wheel of any size cannot be unpacked or built: pip would fail part-way. */
export const FULL_BELOW_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIME_LIMIT_MS = 5_000;

type Verdict = { problem: TempDirCheck['problem']; says: Message | null; pythonSkips: boolean };

/**
 * Checks the folder pip's tempfile would use first, by writing in it, and
 * its free space. When it fails, says what Python does next (it silently
 * tries the next candidate that takes a file; a nearly full folder still
 * takes one, so pip then runs out of space in it) and offers a folder of
 * the user's that works. Never throws, and answers within the time limit
 * even when a folder hangs (a network share that is gone).
 */
export async function checkTempDirWith(
  plan: TempDirPlan,
  deps: TempDirDeps,
  timeLimitMs = DEFAULT_TIME_LIMIT_MS,
): Promise<TempDirCheck> {
  const first = plan.candidates[0]!;
  const subject = (says: Message) => problemOf(first, says);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<TempDirCheck>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ...first,
          problem: 'not-writable',
          reason: subject(
            msg(tempDirWords.timedOut, { seconds: +(timeLimitMs / 1000).toFixed(1) }),
          ),
          alternative: null,
          usedInstead: null,
        }),
      timeLimitMs,
    );
    timer.unref?.();
  });
  try {
    return await Promise.race([check(plan, deps, first, subject), late]);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ...first,
      problem: null,
      reason: msg(tempDirWords.notChecked, { path: first.path, error: why }),
      alternative: null,
      usedInstead: null,
    };
  } finally {
    clearTimeout(timer);
  }
}

async function check(
  plan: TempDirPlan,
  deps: TempDirDeps,
  first: TempDirCandidate,
  subject: (says: Message) => Message,
): Promise<TempDirCheck> {
  const verdict = await judge(first.path, deps);
  if (verdict.problem === null)
    return { ...first, problem: null, reason: null, alternative: null, usedInstead: null };
  const next = verdict.pythonSkips
    ? await pythonsNext(plan, deps, first)
    : { text: msg(tempDirWords.stillTaken), usedInstead: null };
  const alternative =
    plan.alternative !== null && !plan.samePath(plan.alternative, first.path)
      ? await usable(plan.alternative, deps)
      : null;
  return {
    ...first,
    problem: verdict.problem,
    reason: msg(tempDirWords.withNext, { problem: subject(verdict.says!), next: next.text }),
    alternative,
    usedInstead: next.usedInstead,
  };
}

/** "TMPDIR is /x, which does not exist.", or "/tmp, the default temporary folder, is full.". */
function problemOf(candidate: TempDirCandidate, says: Message): Message {
  return msg(tempDirWords.problem, {
    variable: candidate.variable ?? 'none',
    path: candidate.path,
    says,
  });
}

async function judge(path: string, deps: TempDirDeps): Promise<Verdict> {
  const error = await deps.folderError(path);
  if (error === 'ENOENT' || error === 'ENOTDIR')
    return { problem: 'missing', says: msg(tempDirWords.missing), pythonSkips: true };
  if (error === 'NOTAFOLDER')
    return { problem: 'not-writable', says: msg(tempDirWords.file), pythonSkips: true };
  if (error === 'ELOOP')
    return { problem: 'missing', says: msg(tempDirWords.loop), pythonSkips: true };
  if (error !== null) {
    const says =
      error === 'EACCES' || error === 'EPERM'
        ? msg(tempDirWords.unreachable, { code: error })
        : msg(tempDirWords.unopenable, { code: error });
    return { problem: 'not-writable', says, pythonSkips: true };
  }
  const probe = await deps.probeWritable(path);
  if (probe.writable === true) {
    const free = await deps.freeBytes(path);
    if (free !== null && free < FULL_BELOW_BYTES) {
      return {
        problem: 'full',
        says: msg(tempDirWords.nearlyFull, { free: bytesText(free) }),
        pythonSkips: false,
      };
    }
    return { problem: null, says: null, pythonSkips: false };
  }
  switch (probe.errorCode) {
    case 'ENOSPC':
      return { problem: 'full', says: msg(tempDirWords.diskFull), pythonSkips: true };
    case 'EDQUOT':
      return {
        problem: 'full',
        says: msg(tempDirWords.quota),
        pythonSkips: true,
      };
    case 'EROFS':
      return {
        problem: 'not-writable',
        says: msg(tempDirWords.readOnly),
        pythonSkips: true,
      };
  }
  const says =
    probe.leftBehind !== null
      ? msg(tempDirWords.cannotDelete, {
          code: probe.errorCode ?? 'refused',
          file: probe.leftBehind,
        })
      : msg(tempDirWords.notWritable, { code: probe.errorCode ?? 'refused' });
  return { problem: 'not-writable', says, pythonSkips: true };
}

/** What Python does after the first candidate refused a file: the next one that takes one. */
async function pythonsNext(
  plan: TempDirPlan,
  deps: TempDirDeps,
  first: TempDirCandidate,
): Promise<{ text: Message; usedInstead: string | null }> {
  const rest = plan.candidates
    .slice(1)
    .filter(
      (candidate, index, all) =>
        !plan.samePath(candidate.path, first.path) &&
        all.findIndex((other) => plan.samePath(other.path, candidate.path)) === index,
    );
  for (const candidate of rest) {
    const verdict = await judge(candidate.path, deps);
    if (verdict.pythonSkips) continue;
    const named = { path: candidate.path, variable: candidate.variable ?? 'none' };
    return {
      text:
        verdict.problem === 'full' && verdict.says
          ? msg(tempDirWords.usesInsteadFull, { ...named, says: verdict.says })
          : msg(tempDirWords.usesInstead, named),
      usedInstead: verdict.problem === null ? candidate.path : null,
    };
  }
  const tried = rest.map((candidate) => candidate.path);
  return {
    text: msg(tempDirWords.noneOther, { count: tried.length, tried: tried.join(', ') }),
    usedInstead: null,
  };
}

/** The folder, when this user could create it (or write in it) on a disk with room. */
async function usable(path: string, deps: TempDirDeps): Promise<string | null> {
  const probe = await deps.probeWritable(path);
  if (probe.writable !== true || probe.probedPath === null) return null;
  const free = await deps.freeBytes(probe.probedPath);
  return free !== null && free < FULL_BELOW_BYTES ? null : path;
}

/** TempDirDeps.folderError from the file system itself. */
export async function statFolderError(dir: string): Promise<string | null> {
  try {
    return (await stat(dir)).isDirectory() ? null : 'NOTAFOLDER';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  }
}

function bytesText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
