import { open, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Leftover } from '../../shared/model/diagnosis';
import type { LeftoverOptions } from '../systemProbe';
import { launcherTarget } from '../posix/launcherTarget';
import { couldBeStashOf, metadataName, projectFromDirName } from './stashNames';

/** pip, pip3, pip3.12, and pip.exe & co. on Windows. */
const PIP_LAUNCHER = /^pip(\d+(\.\d+)?)?(\.exe)?$/i;
/** distlib renames a launcher it cannot overwrite (in use on Windows) to `<name>.deleteme`. */
const DELETEME = /\.deleteme$/i;
const METADATA_DIR = /\.(dist|egg)-info$/i;

interface Entry {
  name: string;
  path: string;
  isFolder: boolean;
}

/**
 * Traces of pip runs that stopped half-way, from the top level of each
 * folder only (a site-packages can hold tens of thousands of files):
 * - `~`-prefixed folders: pip's uninstall moves a package folder aside to an
 *   adjacent `~xxx` name (AdjacentTempDirectory) and deletes it on commit; a
 *   crash or a locked file leaves it, and pip then warns
 *   `Ignoring invalid distribution ~ip`;
 * - `*.deleteme` files, launchers that could not be replaced while running;
 * - `pip-missing`: the install has no working pip, yet its launcher or a
 *   stashed pip remains, the signature of a failed `pip install -U pip`.
 */
export async function findLeftovers(
  sitePackagesDirs: string[],
  scriptsDirs: string[],
  options: LeftoverOptions,
): Promise<Leftover[]> {
  const stashes: Leftover[] = [];
  const deleteme: Leftover[] = [];
  for (const folder of unique(sitePackagesDirs)) {
    const entries = await topLevel(folder);
    const names = await knownDistributions(entries);
    for (const entry of entries) {
      if (entry.isFolder && entry.name.startsWith('~')) {
        stashes.push({
          kind: 'stash-folder',
          path: entry.path,
          package: await stashPackage(entry, names, options),
        });
      }
    }
    deleteme.push(...deletemeFiles(entries));
  }
  const launchers: Entry[] = [];
  for (const folder of unique(scriptsDirs)) {
    const entries = await topLevel(folder);
    deleteme.push(...deletemeFiles(entries));
    launchers.push(...entries.filter((entry) => !entry.isFolder && PIP_LAUNCHER.test(entry.name)));
  }
  const missing = options.pipVersion === null ? await pipMissing(launchers, stashes, options) : [];
  return [...stashes, ...deleteme, ...missing];
}

/** The folder's own entries, sorted; a missing or unreadable folder has none to report. */
async function topLevel(folder: string): Promise<Entry[]> {
  const dirents = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return dirents
    .map((d) => ({ name: d.name, path: join(folder, d.name), isFolder: d.isDirectory() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function deletemeFiles(entries: Entry[]): Leftover[] {
  return entries
    .filter((entry) => !entry.isFolder && DELETEME.test(entry.name))
    .map((entry) => ({
      kind: 'deleteme-file' as const,
      path: entry.path,
      // A launcher's name is not a distribution's, except pip's own.
      package: PIP_LAUNCHER.test(entry.name.replace(DELETEME, '')) ? 'pip' : null,
    }));
}

/** Distribution names in one site-packages: live metadata folders, and stashed ones by their METADATA. */
async function knownDistributions(entries: Entry[]): Promise<string[]> {
  const names = new Set<string>();
  for (const entry of entries) {
    if (!entry.isFolder || !METADATA_DIR.test(entry.name)) continue;
    const name = entry.name.startsWith('~')
      ? await metadataName(entry.path)
      : projectFromDirName(entry.name);
    if (name !== null) names.add(name);
  }
  return [...names];
}

/**
 * The distribution a stash belonged to. A stashed metadata folder names it
 * in its METADATA; a stashed package folder is matched against the
 * distributions beside it (pip keeps the name's tail and length). With no
 * pip left in the install, a stash that pip's name could produce is pip.
 */
async function stashPackage(
  stash: Entry,
  distributions: string[],
  options: LeftoverOptions,
): Promise<string | null> {
  if (METADATA_DIR.test(stash.name)) {
    const named = await metadataName(stash.path);
    if (named !== null) return named;
  }
  const stem = METADATA_DIR.test(stash.name) ? stashedMetadataStem(stash.name) : stash.name;
  const matches = distributions.filter((name) => couldBeStashOf(stem, name));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0 && options.pipVersion === null && couldBeStashOf(stem, 'pip')) {
    return 'pip';
  }
  return null;
}

/** `~ip-23.0.dist-info` -> `~ip`: the version never holds a `-` in a metadata folder's name. */
function stashedMetadataStem(name: string): string {
  const base = name.replace(METADATA_DIR, '');
  const dash = base.lastIndexOf('-');
  return dash > 0 ? base.slice(0, dash) : base;
}

async function pipMissing(
  launchers: Entry[],
  stashes: Leftover[],
  options: LeftoverOptions,
): Promise<Leftover[]> {
  const self = await realpath(options.executable).catch(() => options.executable);
  for (const launcher of launchers) {
    if (await runsInterpreter(launcher.path, self)) {
      return [{ kind: 'pip-missing', path: launcher.path, package: 'pip' }];
    }
  }
  const stashed = stashes.find((stash) => stash.package === 'pip');
  return stashed ? [{ kind: 'pip-missing', path: stashed.path, package: 'pip' }] : [];
}

/**
 * A bin folder such as /usr/local/bin holds launchers of several Pythons,
 * so a `pip3` there is evidence only if its shebang names this interpreter.
 * A Windows launcher is an .exe in the install's own Scripts folder.
 */
async function runsInterpreter(launcher: string, self: string): Promise<boolean> {
  const target = await launcherTarget(launcher);
  if (target.kind === 'binary') return await isWindowsExe(launcher);
  if (target.kind !== 'script' || !target.interpreter.includes('/')) return false;
  const interpreter = await realpath(target.interpreter).catch(() => target.interpreter);
  return interpreter === self;
}

/** "MZ": a Windows executable, not some other binary that happens to be called pip. */
async function isWindowsExe(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
      return bytesRead === 2 && buffer.toString('latin1') === 'MZ';
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}
