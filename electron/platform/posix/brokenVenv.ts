import { msg } from '../../shared/i18n/message';
import { brokenVenvWords } from '../brokenVenvWords';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isInside } from '../../shared/paths';
import type { BrokenVenv } from '../mergeByIdentity';
import { parsePyvenvCfg } from '../pyvenvCfg';
import type { PyvenvCfg } from '../pyvenvCfg';

/** More hops than any real chain of links; past it the chain is taken for a loop. */
const MAX_LINK_HOPS = 40;
const GONE = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Whether `executable`, a venv's bin/python that does not run, is so
 * because the venv is broken: it is missing, or a link to a base interpreter
 * that was deleted or moved. Null when the path is in no venv (no pyvenv.cfg
 * beside its bin folder), or when nothing says the venv is broken (a file
 * without its execute bit, a folder on the way we may not enter).
 *
 * A venv whose bin/python still resolves is never called broken here, even
 * when its pyvenv.cfg `home` is gone: Python then falls back to the prefix
 * built into the binary, and often runs fine; only running it tells.
 */
export async function brokenVenv(executable: string): Promise<BrokenVenv | null> {
  const prefix = dirname(dirname(executable));
  const text = await readFile(join(prefix, 'pyvenv.cfg'), 'utf8').catch(() => null);
  if (text === null) return null;
  const cfg = parsePyvenvCfg(text);
  const facts = { executable, prefix, version: cfg.version };

  const hop = await firstMissingHop(executable);
  if (hop.kind === 'missing' && hop.path === executable) {
    return {
      ...facts,
      base: baseOf(cfg),
      reason: msg(brokenVenvWords.interpreterMissing, { python: executable }),
    };
  }
  if (hop.kind === 'missing' && !isInside(hop.path, prefix)) {
    return {
      ...facts,
      base: hop.path,
      reason: msg(brokenVenvWords.baseGone, { base: hop.path, python: executable }),
    };
  }
  if (hop.kind === 'missing') {
    return {
      ...facts,
      base: baseOf(cfg),
      reason: msg(brokenVenvWords.linkMissing, { python: executable, target: hop.path }),
    };
  }
  if (hop.kind === 'loop') {
    return {
      ...facts,
      base: baseOf(cfg),
      reason: msg(brokenVenvWords.linkLoop, { python: executable }),
    };
  }
  return null;
}

type Hop = { kind: 'missing'; path: string } | { kind: 'loop' } | { kind: 'reached' | 'unknown' };

/** Follows the links from `path` one by one, to the first one whose target is not there. */
async function firstMissingHop(path: string): Promise<Hop> {
  let current = path;
  for (let hops = 0; hops < MAX_LINK_HOPS; hops++) {
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      return GONE.has(code) ? { kind: 'missing', path: current } : { kind: 'unknown' };
    }
    if (!isLink) return { kind: 'reached' };
    const target = await readlink(current).catch(() => null);
    if (target === null) return { kind: 'unknown' };
    current = resolve(dirname(current), target);
  }
  return { kind: 'loop' };
}

/** The base interpreter pyvenv.cfg names: `executable`, else `home`'s pythonX.Y. */
function baseOf(cfg: PyvenvCfg): string | null {
  if (cfg.executable !== null) return cfg.executable;
  if (cfg.home === null) return null;
  const minor = cfg.version?.split('.').slice(0, 2).join('.');
  return join(cfg.home, minor ? `python${minor}` : 'python3');
}
