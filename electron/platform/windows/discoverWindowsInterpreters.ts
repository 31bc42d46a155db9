import { msg } from '../../shared/i18n/message';
import { gapWords } from '../gapWords';
import { win32 } from 'node:path';
import type { Gap } from '../../shared/model/diagnosis';
import { mergeResolved } from '../mergeByIdentity';
import type { BrokenVenv, Sighting } from '../mergeByIdentity';
import { deletedVenvGap } from '../deletedVenvGap';
import { LOG_INTERPRETER_SIGHTING, LOG_PATH_SIGHTING } from '../systemProbe';
import type { CommandResolution, Discovery, DiscoveryOptions } from '../systemProbe';
import type { CommandRunner } from './commandRunner';
import { envValue } from './commandRunner';
import { interpreterFromLauncherTail, LAUNCHER_TAIL_BYTES } from './launcherShebang';
import { runPyList, resolveCommands, readRegistryPythons } from './windowsTools';
import { aliasFolder, classifyAliasTarget, isInAliasFolder } from './storePython';
import type { WindowsFiles } from './windowsFiles';
import {
  allUsersPythonParents,
  condaRoots,
  homeFolder,
  perUserPythonsFolder,
  pythonInstallManagerRoot,
  pyenvWinRoot,
  uvPythonRoots,
} from './windowsLocations';
import {
  activeWindowsVenv,
  brokenWindowsVenv,
  interpreterOfWindowsPath,
  localWindowsPath,
} from './windowsVenvs';

/** The commands whose target the diagnosis states explicitly (as on macOS and Linux). */
export const REPORTED_COMMANDS = ['pip', 'pip3', 'python', 'python3'];

export interface WindowsDiscoveryDeps {
  run: CommandRunner;
  files: WindowsFiles;
}

/** What a path turned out to be: an interpreter (with the identity all its paths share), a broken venv, or nothing. */
type Resolved = { identity: string; executable: string } | { broken: BrokenVenv } | null;

/**
 * Every Python a user of this Windows machine could be running, found with
 * where.exe, `py -0p` and `reg query` (run in parallel, all through the one
 * runner) and file reads: the commands on PATH and what each reaches (a
 * pip.exe's embedded shebang, the Store's aliases), the active and the
 * project's venvs, PEP 514 registrations of every company in HKCU and both
 * HKLM views, the per-user and all-users install folders, the Store's
 * Python, conda, pyenv-win, uv, --python, and the installs the user's log
 * names (a UNC path in it is never touched). The Store's python.exe stub is
 * recognised and never counted. Each interpreter is reported through
 * `onFound` the moment a source names it, so its probe starts at once; a
 * venv whose base Python is gone is reported in `broken` instead.
 */
export async function discoverWindowsInterpreters(
  options: DiscoveryOptions,
  deps: WindowsDiscoveryDeps,
  onFound?: (identity: string, executable: string) => void,
): Promise<Discovery> {
  const { env } = options;
  const resolver = new Resolver(deps.files, onFound);
  const gaps: Gap[] = [];

  const commandsPromise = resolveCommands(env, deps, [...REPORTED_COMMANDS, 'py']);
  const [
    commands,
    venvs,
    pyList,
    registry,
    installFolders,
    installManager,
    store,
    conda,
    pyenv,
    uv,
    extra,
    log,
  ] = await Promise.all([
    commandsPromise,
    resolver.watch(Promise.resolve(venvSightings(options))),
    resolver.watch(pyListSightings(commandsPromise, options, deps)),
    resolver.watch(readRegistryPythons(env, deps)),
    resolver.watch(installFolderSightings(env, deps.files)),
    resolver.watch(installManagerSightings(env, deps.files)),
    resolver.watch(storeAliasSightings(env, deps.files)),
    resolver.watch(condaSightings(env, deps.files)),
    resolver.watch(pyenvSightings(env, deps.files)),
    resolver.watch(uvSightings(env, deps.files)),
    resolver.watch(
      Promise.resolve(
        options.extraPythons.map((extra) => ({
          executable: win32.resolve(options.projectDir, extra),
          name: '--python',
        })),
      ),
    ),
    resolver.watch(logSightings(options, deps.files)),
  ]);

  // What each command on PATH runs: itself for python, the embedded interpreter for pip.
  const targets = await Promise.all(
    REPORTED_COMMANDS.map(async (command) => {
      const first = commands.get(command)?.[0] ?? null;
      return { command, path: first, interpreter: first ? await behind(first, deps.files) : null };
    }),
  );
  const pathSightings = await Promise.all(
    REPORTED_COMMANDS.flatMap((command) => commands.get(command) ?? []).map(async (path) => ({
      executable: await behind(path, deps.files),
      name: path,
    })),
  );
  const sightings: Sighting[] = [
    ...targets
      .filter((target) => target.interpreter !== null)
      .map((target) => ({ executable: target.interpreter!, name: `${target.command} on PATH` })),
    ...pathSightings.filter((sighting): sighting is Sighting => sighting.executable !== null),
    ...venvs,
    ...pyList,
    ...registry.sightings,
    ...installFolders,
    ...installManager,
    ...store,
    ...conda,
    ...pyenv,
    ...uv,
    ...extra,
    ...log,
  ];
  const merged = await resolver.merge(sightings);

  gaps.push(...registry.gaps, ...(await stubGaps(targets, deps.files)));
  gaps.push(
    ...options.extraPythons
      .map((extra) => ({ extra, path: win32.resolve(options.projectDir, extra) }))
      .filter(({ path }) => !merged.canonical.has(path) && !merged.brokenPaths.has(path))
      .map(({ extra }) => ({
        area: 'installs' as const,
        message: msg(gapWords.givenNotPythonWindows, { shown: extra }),
        howToReveal: msg(gapWords.givenNotPythonWindowsHow),
      })),
  );
  const logInterpreter = logInterpreterPath(options);
  if (
    logInterpreter !== null &&
    !merged.canonical.has(logInterpreter) &&
    !merged.brokenPaths.has(logInterpreter)
  ) {
    gaps.push({
      area: 'installs',
      message: msg(gapWords.logInterpreterWindows, { shown: logInterpreter }),
      howToReveal: msg(gapWords.logInterpreterWindowsHow),
    });
  }
  const active = await activeWindowsVenv(env, deps.files);
  if (active?.missing) gaps.push(deletedVenvGap(active.prefix));
  const resolutions: CommandResolution[] = targets.map((target) => ({
    command: target.command,
    path: target.path,
    interpreter: target.interpreter ? (merged.canonical.get(target.interpreter) ?? null) : null,
  }));
  return {
    candidates: merged.candidates,
    commands: resolutions,
    broken: merged.broken,
    activeVenv: active && { prefix: active.prefix, onPath: active.onPath },
    gaps,
  };
}

/** The log's interpreter, when it is a local path (never a UNC one). */
function logInterpreterPath(options: DiscoveryOptions): string | null {
  return options.logInterpreter ? localWindowsPath(options.logInterpreter) : null;
}

/** The installs the log's paths lie in, and the interpreter it shows running pip. */
async function logSightings(options: DiscoveryOptions, files: WindowsFiles): Promise<Sighting[]> {
  const found = await Promise.all(
    (options.logPaths ?? []).map((path) => interpreterOfWindowsPath(path, files)),
  );
  const interpreter = logInterpreterPath(options);
  return [
    ...[...new Set(found)]
      .filter((executable): executable is string => executable !== null)
      .map((executable) => ({ executable, name: LOG_PATH_SIGHTING })),
    ...(interpreter === null ? [] : [{ executable: interpreter, name: LOG_INTERPRETER_SIGHTING }]),
  ];
}

/** The interpreter a python.exe or pip.exe on PATH runs; null for the Store stub or an unreadable launcher. */
async function behind(path: string, files: WindowsFiles): Promise<string | null> {
  const isPip = /^pip[\d.]*\.exe$/i.test(win32.basename(path));
  if (isInAliasFolder(path)) {
    const target = classifyAliasTarget(await files.linkTarget(path));
    if (target.kind !== 'store-python') return null;
    // The Store's pip alias runs the package's pip; the interpreter is the package's python alias.
    return isPip ? win32.join(win32.dirname(path), target.familyName, 'python.exe') : path;
  }
  if (!isPip) return /\.exe$/i.test(path) ? path : null;
  const tail = await files.readTail(path, LAUNCHER_TAIL_BYTES);
  return tail === null ? null : interpreterFromLauncherTail(tail);
}

/**
 * Resolves each path's identity once, as soon as a source names it. Paths
 * that reach one interpreter share its identity: the real path for a file;
 * for a Store alias, the package folder it runs (the top-level python.exe
 * alias and the package's own alias are the same Python).
 */
class Resolver {
  private readonly identities = new Map<string, Promise<Resolved>>();
  private readonly announced = new Set<string>();

  constructor(
    private readonly files: WindowsFiles,
    private readonly onFound?: (identity: string, executable: string) => void,
  ) {}

  resolve(path: string): Promise<Resolved> {
    let resolved = this.identities.get(path);
    if (!resolved) {
      resolved = this.identify(path).then((found) => {
        if (found && 'identity' in found && !this.announced.has(found.identity)) {
          this.announced.add(found.identity);
          this.onFound?.(found.identity, found.executable);
        }
        return found;
      });
      this.identities.set(path, resolved);
    }
    return resolved;
  }

  watch<T extends { sightings: Sighting[] } | Sighting[]>(source: Promise<T>): Promise<T> {
    return source.then((value) => {
      const sightings = Array.isArray(value) ? value : value.sightings;
      for (const sighting of sightings) void this.resolve(sighting.executable);
      return value;
    });
  }

  /** Merges the paths of each interpreter (mergeByIdentity), and the broken venvs among them by folder. */
  async merge(sightings: readonly Sighting[]) {
    const resolved = await Promise.all(
      sightings.map((sighting) => this.resolve(sighting.executable)),
    );
    return mergeResolved(sightings, resolved, (prefix) => prefix.toLowerCase());
  }

  private async identify(path: string): Promise<Resolved> {
    if (!(await this.files.exists(path))) {
      const broken = await brokenWindowsVenv(path, this.files);
      return broken && { broken };
    }
    if (isInAliasFolder(path)) {
      const target = classifyAliasTarget(await this.files.linkTarget(path));
      if (target.kind === 'store-python') {
        return { identity: `store:${target.packageFolder.toLowerCase()}`, executable: path };
      }
      // A package's own alias folder exists only while that Store package is installed.
      const packageAlias =
        /\\WindowsApps\\(PythonSoftwareFoundation\.Python\.[^\\]+)\\python[\d.]*\.exe$/i.exec(path);
      if (target.kind === 'unknown' && packageAlias) {
        return { identity: `store:${packageAlias[1]!.toLowerCase()}`, executable: path };
      }
      return null;
    }
    const broken = await brokenWindowsVenv(path, this.files);
    if (broken) return { broken };
    return { identity: (await this.files.realPath(path)).toLowerCase(), executable: path };
  }
}

/** The py launcher's own list: it reads PEP 514 for every company and prints UTF-8 (§6.3). */
async function pyListSightings(
  commands: Promise<Map<string, string[]>>,
  options: DiscoveryOptions,
  deps: WindowsDiscoveryDeps,
): Promise<Sighting[]> {
  const py = (await commands).get('py')?.[0];
  if (py === undefined) return [];
  const entries = await runPyList(py, options.projectDir, options.env, deps);
  return entries.map((entry) => ({
    executable: entry.executable,
    name: entry.isVenv
      ? 'py launcher (the active venv)'
      : `py -V:${entry.company === 'PythonCore' ? '' : `${entry.company}/`}${entry.tag}`,
  }));
}

function venvSightings(options: DiscoveryOptions): Sighting[] {
  const active = envValue(options.env, 'VIRTUAL_ENV');
  return [
    ...(active
      ? [
          {
            executable: win32.join(active, 'Scripts', 'python.exe'),
            name: 'VIRTUAL_ENV (the active venv)',
          },
        ]
      : []),
    ...['.venv', 'venv', 'env'].map((name) => ({
      executable: win32.join(options.projectDir, name, 'Scripts', 'python.exe'),
      name: `${name} in ${options.projectDir}`,
    })),
  ];
}

/** python.org's default folders: per-user under %LOCALAPPDATA%, all-users under Program Files or C:\PythonXY. */
async function installFolderSightings(
  env: NodeJS.ProcessEnv,
  files: WindowsFiles,
): Promise<Sighting[]> {
  const perUser = perUserPythonsFolder(env);
  const parents = [...(perUser ? [perUser] : []), ...allUsersPythonParents(env)];
  const groups = await Promise.all(
    parents.map(async (parent) =>
      (await files.listDir(parent))
        .filter((name) => /^Python\d/i.test(name))
        .map((name) => {
          const executable = win32.join(parent, name, 'python.exe');
          return { executable, name: executable };
        }),
    ),
  );
  return groups.flat();
}

/** The Python install manager's runtimes, one folder per tag; not its `bin` aliases or `_cache`. */
async function installManagerSightings(
  env: NodeJS.ProcessEnv,
  files: WindowsFiles,
): Promise<Sighting[]> {
  const root = pythonInstallManagerRoot(env);
  if (root === null) return [];
  return (await files.listDir(root))
    .filter((name) => !name.startsWith('_') && name.toLowerCase() !== 'bin')
    .map((name) => ({
      executable: win32.join(root, name, 'python.exe'),
      name: `Python install manager ${name}`,
    }));
}

/** The Store's per-package aliases: one folder per installed Store Python. */
async function storeAliasSightings(
  env: NodeJS.ProcessEnv,
  files: WindowsFiles,
): Promise<Sighting[]> {
  const localAppData = envValue(env, 'LOCALAPPDATA');
  if (!localAppData) return [];
  const folder = aliasFolder(localAppData);
  return (await files.listDir(folder))
    .filter((name) => /^PythonSoftwareFoundation\.Python\./i.test(name))
    .map((name) => ({
      executable: win32.join(folder, name, 'python.exe'),
      name: `Microsoft Store (${name})`,
    }));
}

async function condaSightings(env: NodeJS.ProcessEnv, files: WindowsFiles): Promise<Sighting[]> {
  const prefixes = new Set<string>();
  const active = envValue(env, 'CONDA_PREFIX');
  if (active) prefixes.add(active);
  const registered = await files.readText(
    win32.join(homeFolder(env), '.conda', 'environments.txt'),
  );
  for (const line of registered?.split(/\r?\n/) ?? [])
    if (line.trim() !== '') prefixes.add(line.trim());
  const roots = await Promise.all(
    condaRoots(env).map(async (root) => [
      root,
      ...(await files.listDir(win32.join(root, 'envs'))).map((name) =>
        win32.join(root, 'envs', name),
      ),
    ]),
  );
  for (const prefix of roots.flat()) prefixes.add(prefix);
  return [...prefixes].map((prefix) => ({
    executable: win32.join(prefix, 'python.exe'),
    name: `conda ${prefix}`,
  }));
}

async function pyenvSightings(env: NodeJS.ProcessEnv, files: WindowsFiles): Promise<Sighting[]> {
  const versions = win32.join(pyenvWinRoot(env), 'versions');
  return (await files.listDir(versions)).map((version) => ({
    executable: win32.join(versions, version, 'python.exe'),
    name: `pyenv-win ${version}`,
  }));
}

async function uvSightings(env: NodeJS.ProcessEnv, files: WindowsFiles): Promise<Sighting[]> {
  const groups = await Promise.all(
    uvPythonRoots(env).map(async (root) =>
      (await files.listDir(root))
        .filter((name) => !name.startsWith('.'))
        .map((name) => ({ executable: win32.join(root, name, 'python.exe'), name: `uv ${name}` })),
    ),
  );
  return groups.flat();
}

/** `python` on PATH being the Store's stub is worth saying: it explains "Python was not found". */
async function stubGaps(
  targets: ReadonlyArray<{ command: string; path: string | null }>,
  files: WindowsFiles,
): Promise<Gap[]> {
  const gaps: Gap[] = [];
  for (const target of targets) {
    if (target.path === null || !isInAliasFolder(target.path) || /^pip/i.test(target.command))
      continue;
    const alias = classifyAliasTarget(await files.linkTarget(target.path));
    if (alias.kind === 'store-stub') {
      gaps.push({
        area: 'installs',
        message: msg(gapWords.storeStub, { command: target.command, path: target.path }),
        howToReveal: msg(gapWords.storeStubHow),
      });
    } else if (alias.kind === 'unknown') {
      gaps.push({
        area: 'installs',
        message: msg(gapWords.unknownAlias, { command: target.command, path: target.path }),
        howToReveal: msg(gapWords.unknownAliasHow),
      });
    }
  }
  return gaps;
}
