import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { holderGapWords } from '../holderGapWords';
import { access, constants } from 'node:fs/promises';
import type { Gap } from '../../shared/model/diagnosis';
import { runProcess } from '../runProcess';
import type { HolderScan } from '../systemProbe';
import { createHeldPathMatcher, HolderSet } from './heldPathMatcher';
import type { FileHolder, HeldPathMatcher } from './heldPathMatcher';
import { parseLsofFields } from './lsofFields';

/**
 * "Who holds the files" on macOS, which has no /proc: one `lsof` run listing
 * every open file, filtered by prefix here. `lsof +D prefix` would do the
 * filtering itself but stat()s every file under the prefix first, which for a
 * site-packages of tens of thousands of files takes far longer than listing
 * everything.
 */

/** Absolute paths only: a GUI app's PATH is not the user's, and must not pick a stray lsof. */
const LSOF_CANDIDATES = ['/usr/sbin/lsof', '/usr/bin/lsof'];
/**
 * -n -P: no DNS or port-name lookups (they can stall for seconds); -w: no
 * warnings about unreachable mounts on stderr; -F pcftn: pid, command, fd,
 * type, name, one field per line.
 */
const LSOF_ARGS = ['-n', '-P', '-w', '-F', 'pcftn'];
/**
 * A working or root directory inside an install does not stop pip replacing
 * files on macOS or Linux, and the /proc backend does not report it either.
 */
const NOT_HOLDING = new Set(['cwd', 'rtd']);
const LSOF_TIMEOUT_MS = 60_000;
/** A busy developer Mac lists a few hundred thousand open files: tens of MB. */
const LSOF_MAX_OUTPUT_BYTES = 128 * 1024 * 1024;

export interface LsofHoldersOptions {
  /** Paths named by the failing pip run: matched exactly even outside the prefixes, listed first. */
  priorityPaths?: string[];
  signal?: AbortSignal;
}

export async function findHoldersLsof(
  prefixes: string[],
  options: LsofHoldersOptions = {},
): Promise<HolderScan> {
  const matcher = await createHeldPathMatcher(prefixes, options.priorityPaths);
  if (matcher.needles.length === 0) return { holders: [], gaps: [] };

  const lsof = await findLsof();
  if (!lsof)
    return failed(msg(holderGapWords.lsofMissing, { places: listOf(LSOF_CANDIDATES, 'or') }));
  const run = await runProcess(lsof, LSOF_ARGS, {
    timeoutMs: LSOF_TIMEOUT_MS,
    maxOutputBytes: LSOF_MAX_OUTPUT_BYTES,
    signal: options.signal,
    // The C locale makes lsof escape every non-ASCII byte as \xNN, which decodes
    // back to the exact UTF-8 name whatever locale the app was started with.
    env: { ...process.env, LC_ALL: 'C' },
  });
  options.signal?.throwIfAborted();
  if (run.spawnError)
    return failed(msg(holderGapWords.lsofNotStarted, { code: run.spawnError.code }));
  if (run.timedOut)
    return failed(msg(holderGapWords.lsofSlow, { seconds: LSOF_TIMEOUT_MS / 1000 }));
  if (run.stdout === '' && run.exitCode !== 0) {
    const error = run.stderr.trim().split('\n')[0] || `exit code ${run.exitCode}`;
    return failed(msg(holderGapWords.lsofError, { error }));
  }

  const gaps: Gap[] = [];
  // A cut-off listing still names the holders it reached; say that the rest is missing.
  if (run.truncated) gaps.push(scanGap(msg(holderGapWords.lsofCut)));
  if (process.geteuid?.() !== 0) gaps.push(otherUsersGap());
  return { holders: holdersInLsofOutput(run.stdout, matcher), gaps };
}

/** The processes in an `lsof -F pcftn` listing that hold matching files. */
export function holdersInLsofOutput(output: string, matcher: HeldPathMatcher): FileHolder[] {
  const holders = new HolderSet();
  for (const entry of parseLsofFields(output)) {
    for (const file of entry.files) {
      if (file.name === null || NOT_HOLDING.has(file.fd)) continue;
      // Linux lsof lists a mapped file that has since been deleted with fd "DEL".
      const match = matcher.match(file.name, file.fd === 'DEL');
      if (match) holders.add(entry.pid, match);
    }
  }
  return holders.list();
}

async function findLsof(): Promise<string | null> {
  for (const candidate of LSOF_CANDIDATES) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next place.
    }
  }
  return null;
}

function failed(why: Message): HolderScan {
  return { holders: [], gaps: [scanGap(why)] };
}

function scanGap(why: Message): Gap {
  return {
    area: 'processes',
    message: msg(holderGapWords.lsofFailed, { why }),
    howToReveal: null,
  };
}

/**
 * Unprivileged, macOS lsof silently leaves out other users' processes: it
 * cannot say how many there were, only that they were not looked at.
 */
function otherUsersGap(): Gap {
  return {
    area: 'processes',
    message: msg(holderGapWords.lsofOwnOnly),
    howToReveal: msg(holderGapWords.lsofRunAsRoot),
  };
}
