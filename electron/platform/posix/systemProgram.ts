import { lstatSync, readlinkSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { systemProgramWords } from './systemProgramWords';
import { join } from 'node:path';

/**
 * Programs that run as root (pkexec, and what it runs: python3 for the
 * hand-back helper, chown in the sudo command shown instead) are taken from
 * fixed system folders, never from PATH: a folder early on the user's PATH
 * (~/.local/bin, a venv's bin) is the user's to fill, so a "pkexec" there
 * would be handed the administrator password. A program found is used only
 * when no one but root can change it: the file and every folder on the way
 * to it (symlinks followed hop by hop, each checked where it lies) belong to
 * root and are not writable by group or others.
 */

export const SYSTEM_PROGRAM_DIRS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'] as const;

export type SystemProgram =
  | { kind: 'found'; path: string }
  | { kind: 'missing'; name: string }
  | { kind: 'untrusted'; path: string; reason: Message };

/** Symlink hops allowed on the way, as the kernel's own limit (MAXSYMLINKS). */
const MAX_HOPS = 40;

/**
 * The program `name` in the first system folder that has it. An untrusted
 * one is reported, not skipped: a later folder is no answer when something
 * is wrong with the system's own copy. `systemRoot` is the folder taken as
 * `/`: '/' on a real machine; tests build a small system under a temporary
 * folder and point here. A program found is named by its real path (under
 * systemRoot); a refused one by its path in that system.
 */
export function systemProgram(name: string, systemRoot = '/'): SystemProgram {
  for (const dir of SYSTEM_PROGRAM_DIRS) {
    const path = `${dir}/${name}`;
    const found = checkChain(systemRoot, path);
    if (found === 'missing') continue;
    return found === 'ok'
      ? { kind: 'found', path: join(systemRoot, path) }
      : { kind: 'untrusted', path, reason: found };
  }
  return { kind: 'missing', name };
}

/** Plain words for a program that cannot be used, for a plan's warning or refusal. */
export function whyNotUsable(program: Exclude<SystemProgram, { kind: 'found' }>): Message {
  return program.kind === 'missing'
    ? msg(systemProgramWords.notInstalled, {
        name: program.name,
        folders: listOf(SYSTEM_PROGRAM_DIRS),
      })
    : msg(systemProgramWords.notRunAsAdmin, { path: program.path, reason: program.reason });
}

/** 'ok', 'missing', or why the path cannot be trusted. */
function checkChain(systemRoot: string, path: string): 'ok' | 'missing' | Message {
  const rootProblem = problemOf(stat(systemRoot), '/');
  if (rootProblem !== null) return rootProblem;
  let pending = parts(path);
  const resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    const shown = `/${[...resolved, part].join('/')}`;
    const info = stat(join(systemRoot, shown));
    if (info === null) return 'missing';
    if (info.isSymbolicLink()) {
      // The link itself lies in a folder already checked: only root can change it.
      if (++hops > MAX_HOPS) return msg(systemProgramWords.tooManyLinks, { path });
      const target = readlinkSync(join(systemRoot, shown));
      if (target.startsWith('/')) resolved.length = 0;
      pending = [...parts(target), ...pending];
      continue;
    }
    const problem = problemOf(info, shown);
    if (problem !== null) return problem;
    if (pending.length > 0 && !info.isDirectory()) return 'missing';
    if (pending.length === 0 && !(info.isFile() && (info.mode & 0o111) !== 0))
      return msg(systemProgramWords.notProgram, { path: shown });
    resolved.push(part);
  }
  return 'ok';
}

function problemOf(info: Stats | null, shown: string): Message | null {
  if (info === null) return msg(systemProgramWords.unreadable, { path: shown });
  if (info.uid !== 0)
    return msg(systemProgramWords.notRoots, { path: shown, uid: String(info.uid) });
  if ((info.mode & 0o022) !== 0)
    return msg(systemProgramWords.othersCanChange, {
      path: shown,
      mode: (info.mode & 0o7777).toString(8),
    });
  return null;
}

function stat(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function parts(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}
