import { msg } from '../../shared/i18n/message';
import { gapWords } from '../gapWords';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { CommandResolution, Discovery, DiscoveryOptions } from '../systemProbe';
import { deletedVenvGap } from '../deletedVenvGap';
import { LOG_INTERPRETER_SIGHTING, LOG_PATH_SIGHTING } from '../systemProbe';
import { brokenVenv } from './brokenVenv';
import { interpreterOfPath } from './installOfPath';
import { interpreterIdentity } from './interpreterIdentity';
import { mergeResolved } from '../mergeByIdentity';
import type { ResolvedSighting } from '../mergeByIdentity';
import type { Sighting } from '../mergeByIdentity';
import { launcherTarget } from './launcherTarget';
import type { Launcher } from './launcherTarget';
import { isRunnableFile, pathDirectories, pythonLikeEntries } from './pathLookup';
import { pyenvRoot, pyenvSelectedVersions } from './pyenvVersion';

/** The commands whose target the diagnosis states explicitly. */
export const REPORTED_COMMANDS = ['pip', 'pip3', 'python', 'python3'];

const CONDA_ROOTS = [
  'miniconda3',
  'anaconda3',
  'miniforge3',
  'mambaforge',
  'miniconda',
  'anaconda',
];
const FIXED_LOCATIONS = [
  '/usr/bin/python3',
  '/usr/local/bin/python3',
  '/opt/homebrew/bin/python3',
  '/home/linuxbrew/.linuxbrew/bin/python3',
  '/Library/Frameworks/Python.framework/Versions/Current/bin/python3',
];

/**
 * Every Python a user of this machine could be running, found without
 * spawning anything: the installs the user's log names, PATH, the active and
 * the project's venv, pyenv, conda, uv, Homebrew, system prefixes, and the
 * ones named with --python. All file checks run in parallel; the merge then
 * keeps the order of the sources, so the first path that reaches an
 * interpreter is the one shown. A venv that cannot start (its base
 * interpreter deleted or moved) is reported in `broken` rather than dropped.
 */
export async function discoverPosixInterpreters(
  options: DiscoveryOptions,
  onFound?: (identity: string, executable: string) => void,
): Promise<Discovery> {
  const { env, projectDir } = options;
  const home = env.HOME ?? homedir();
  const uvDir =
    env.UV_PYTHON_INSTALL_DIR ??
    join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'uv', 'python');
  const pyenvVersions = join(pyenvRoot(env), 'versions');
  const resolver = new IdentityResolver(onFound);
  const launchers = new LauncherResolver(options);
  /** The interpreter behind a file on PATH, handed to the resolver the moment it is known. */
  const behind = async (path: string) => {
    const interpreter = await launchers.behind(path);
    if (interpreter) void resolver.resolve(interpreter);
    return interpreter;
  };

  const [commandTargets, ...sightingGroups] = await Promise.all([
    Promise.all(
      REPORTED_COMMANDS.map(async (command) => {
        const first = await launchers.firstOnPath(command);
        return {
          command,
          path: first ?? null,
          interpreter: first ? await behind(first) : null,
        };
      }),
    ),
    launchers
      .pathEntries()
      .then((entries) =>
        Promise.all(
          entries.map(async (entry) => ({ executable: await behind(entry), name: entry })),
        ),
      )
      .then((sightings) => sightings.filter((s): s is Sighting => s.executable !== null)),
    resolver.watch(
      Promise.resolve([
        ...(env.VIRTUAL_ENV
          ? [
              {
                executable: join(env.VIRTUAL_ENV, 'bin', 'python'),
                name: 'VIRTUAL_ENV (the active venv)',
              },
            ]
          : []),
        ...['.venv', 'venv', 'env'].map((name) => ({
          executable: join(projectDir, name, 'bin', 'python'),
          name: `${name} in ${projectDir}`,
        })),
      ]),
    ),
    resolver.watch(pyenvSightings(pyenvVersions)),
    resolver.watch(
      condaPrefixes(home, env).then((prefixes) =>
        prefixes.map((prefix) => ({
          executable: join(prefix, 'bin', 'python'),
          name: `conda ${prefix}`,
        })),
      ),
    ),
    resolver.watch(
      listDir(uvDir).then((installs) =>
        installs.map((install) => ({
          executable: join(uvDir, install, 'bin', 'python3'),
          name: `uv ${install}`,
        })),
      ),
    ),
    resolver.watch(
      Promise.resolve(
        FIXED_LOCATIONS.map((location) => ({ executable: location, name: location })),
      ),
    ),
    resolver.watch(
      Promise.resolve(
        options.extraPythons.map((extra) => ({
          executable: resolve(projectDir, extra),
          name: '--python',
        })),
      ),
    ),
    resolver.watch(logSightings(options)),
  ]);

  const commandSightings = commandTargets
    .filter((target) => target.interpreter !== null)
    .map((target) => ({ executable: target.interpreter!, name: `${target.command} on PATH` }));
  const merged = await mergeSightings([...commandSightings, ...sightingGroups.flat()], resolver);

  const commands: CommandResolution[] = commandTargets.map((target) => ({
    command: target.command,
    path: target.path,
    interpreter: target.interpreter ? (merged.canonical.get(target.interpreter) ?? null) : null,
  }));
  const named = [
    ...options.extraPythons.map((extra) => ({
      path: resolve(projectDir, extra),
      shown: extra,
      given: 'python',
      howToReveal: msg(gapWords.givenPythonHow),
    })),
    ...(options.logInterpreter && isAbsolute(options.logInterpreter)
      ? [
          {
            path: options.logInterpreter,
            shown: options.logInterpreter,
            given: 'log',
            howToReveal: msg(gapWords.logInterpreterHow),
          },
        ]
      : []),
  ];
  const gaps: Discovery['gaps'] = await Promise.all(
    named
      .filter(({ path }) => !merged.canonical.has(path) && !merged.brokenPaths.has(path))
      .map(async ({ path, shown, given, howToReveal }) => ({
        area: 'installs' as const,
        message: msg(gapWords.notRunnable, { shown, given, why: await whyNotRunnable(path) }),
        howToReveal,
      })),
  );
  const active = await activeVenv(env);
  if (active?.missing) gaps.push(deletedVenvGap(active.prefix));
  return {
    candidates: merged.candidates,
    commands,
    broken: merged.broken,
    activeVenv: active && { prefix: active.prefix, onPath: active.onPath },
    gaps,
  };
}

/** The installs the log's paths lie in, and the interpreter it shows running pip. */
async function logSightings(options: DiscoveryOptions): Promise<Sighting[]> {
  const found = await Promise.all((options.logPaths ?? []).map(interpreterOfPath));
  const interpreter = options.logInterpreter;
  return [
    ...[...new Set(found)]
      .filter((executable): executable is string => executable !== null)
      .map((executable) => ({ executable, name: LOG_PATH_SIGHTING })),
    ...(interpreter && isAbsolute(interpreter)
      ? [{ executable: interpreter, name: LOG_INTERPRETER_SIGHTING }]
      : []),
  ];
}

/**
 * VIRTUAL_ENV, and whether its bin folder is on PATH: compared by real path,
 * so a trailing slash or a symlink to the same folder counts.
 */
async function activeVenv(
  env: NodeJS.ProcessEnv,
): Promise<{ prefix: string; onPath: boolean; missing: boolean } | null> {
  if (!env.VIRTUAL_ENV) return null;
  const prefix = resolve(env.VIRTUAL_ENV);
  const bin = join(prefix, 'bin');
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  const realBin = await real(bin);
  const onPath = (await Promise.all(pathDirectories(env).map(real))).includes(realBin);
  const missing = await stat(prefix).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
  return { prefix, onPath, missing };
}

/** Why a --python path (or the log's interpreter) is no interpreter, in the words the gap shows. */
/** What a path that cannot run turned out to be: a key of gapWords.notRunnable's `why`. */
async function whyNotRunnable(
  path: string,
): Promise<'folder' | 'notExecutable' | 'unreachable' | 'danglingLink' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : 'notExecutable';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') return 'unreachable';
    const dangling = await lstat(path).then(
      (info) => info.isSymbolicLink(),
      () => false,
    );
    return dangling ? 'danglingLink' : 'missing';
  }
}

/** What a path turned out to be: an interpreter (with its identity), a broken venv, or nothing. */
type Resolved = ResolvedSighting;

/**
 * Resolves each path's identity once, as soon as a source names it, and
 * reports each interpreter the first time it is seen so probing can start.
 * A path that cannot run is looked at once more: in a venv, it may be the
 * venv's broken interpreter.
 */
class IdentityResolver {
  private readonly identities = new Map<string, Promise<Resolved>>();
  private readonly announced = new Set<string>();

  constructor(private readonly onFound?: (identity: string, executable: string) => void) {}

  resolve(path: string): Promise<Resolved> {
    let identity = this.identities.get(path);
    if (!identity) {
      identity = isRunnableFile(path).then(async (ok) => {
        if (!ok) {
          const broken = await brokenVenv(path);
          return broken && { broken };
        }
        const id = await interpreterIdentity(path);
        if (!this.announced.has(id)) {
          this.announced.add(id);
          this.onFound?.(id, path);
        }
        return { identity: id };
      });
      this.identities.set(path, identity);
    }
    return identity;
  }

  /** Starts resolving every path a source found, without waiting for the other sources. */
  watch<T extends Sighting[]>(source: Promise<T>): Promise<T> {
    return source.then((sightings) => {
      for (const sighting of sightings) void this.resolve(sighting.executable);
      return sightings;
    });
  }
}

/**
 * Merges every path that reaches the same interpreter, keeping the first one
 * seen as its name; the broken venvs among the paths are merged by folder.
 */
async function mergeSightings(sightings: Sighting[], resolver: IdentityResolver) {
  const resolved = await Promise.all(sightings.map((s) => resolver.resolve(s.executable)));
  return mergeResolved(sightings, resolved);
}

async function pyenvSightings(versionsDir: string): Promise<Sighting[]> {
  const versions = await listDir(versionsDir);
  const groups = await Promise.all(
    versions.map(async (version) => [
      { executable: join(versionsDir, version, 'bin', 'python'), name: `pyenv ${version}` },
      ...(await listDir(join(versionsDir, version, 'envs'))).map((venv) => ({
        executable: join(versionsDir, version, 'envs', venv, 'bin', 'python'),
        name: `pyenv virtualenv ${venv}`,
      })),
    ]),
  );
  return groups.flat();
}

/**
 * What the python, pip and pyenv shims on PATH run. Everything is looked up
 * once per scan: PATH's folders are listed once, each launcher is read once,
 * and pyenv's selected version is found once for all its shims.
 */
class LauncherResolver {
  private entries: Promise<string[]> | null = null;
  private readonly targets = new Map<string, Promise<string | null>>();
  private readonly launchers = new Map<string, Promise<Launcher>>();
  private readonly lookups = new Map<string, Promise<string | null>>();
  private pyenvVersions: Promise<string[] | null> | null = null;

  constructor(private readonly options: DiscoveryOptions) {}

  /** Every executable python*, pip* on PATH, in PATH order. */
  pathEntries(): Promise<string[]> {
    this.entries ??= Promise.all(
      pathDirectories(this.options.env).map(async (dir) => {
        const entries = await pythonLikeEntries(dir);
        const runnable = await Promise.all(entries.map(isRunnableFile));
        return entries.filter((_, index) => runnable[index]);
      }),
    ).then((groups) => groups.flat());
    return this.entries;
  }

  /** What a shell runs for `command`, skipping the folders a shim hands over from. */
  async firstOnPath(command: string, skipDirs: readonly string[] = []): Promise<string | null> {
    const skipped = new Set(skipDirs.map((dir) => resolve(dir)));
    const entries = await this.pathEntries();
    return (
      entries.find(
        (entry) => basename(entry) === command && !skipped.has(resolve(dirname(entry))),
      ) ?? null
    );
  }

  /** The interpreter a python, pip or shim on PATH runs; null when it cannot be told. */
  behind(path: string): Promise<string | null> {
    let target = this.targets.get(path);
    if (!target) {
      target = this.follow(path, []);
      this.targets.set(path, target);
    }
    return target;
  }

  /**
   * `chain` holds the launchers that led here: one met again is a loop that
   * never reaches a Python. The hops are not shared through `targets`, so
   * two launchers that lead to each other cannot wait on each other forever.
   */
  private async follow(
    path: string,
    chain: readonly string[],
    firstDirs: readonly string[] = [],
  ): Promise<string | null> {
    if (chain.includes(path)) return null;
    const via = [...chain, path];
    const launcher = await this.launcher(path);
    switch (launcher.kind) {
      case 'binary':
        return /^pip/.test(basename(path)) ? null : path;
      case 'script':
        return this.scriptInterpreter(launcher.interpreter, via, firstDirs);
      case 'pyenv-shim':
        return this.pyenvShimTarget(path, via);
      case 'unknown':
        return null;
    }
  }

  private launcher(path: string): Promise<Launcher> {
    let launcher = this.launchers.get(path);
    if (!launcher) {
      launcher = launcherTarget(path);
      this.launchers.set(path, launcher);
    }
    return launcher;
  }

  /**
   * A shebang's interpreter. A bare name (`#!/usr/bin/env python3`) is what
   * env finds on PATH, searched after `firstDirs`; that may be a pyenv shim
   * or another launcher, so it is followed in turn.
   */
  private async scriptInterpreter(
    interpreter: string,
    chain: readonly string[],
    firstDirs: readonly string[] = [],
  ): Promise<string | null> {
    if (interpreter.includes('/')) return interpreter;
    const found = await this.lookup(interpreter, firstDirs);
    return found ? this.follow(found, chain) : null;
  }

  /** Like execvp: the first runnable `name` in `firstDirs`, then in PATH's folders. */
  private lookup(name: string, firstDirs: readonly string[]): Promise<string | null> {
    const key = JSON.stringify([name, firstDirs]);
    let found = this.lookups.get(key);
    if (!found) {
      found = (async () => {
        for (const dir of [...firstDirs, ...pathDirectories(this.options.env)]) {
          const candidate = join(dir, name);
          if (await isRunnableFile(candidate)) return candidate;
        }
        return null;
      })();
      this.lookups.set(key, found);
    }
    return found;
  }

  /**
   * A pyenv shim runs its command from the first selected version that has
   * it, else from the next folder on PATH (`system`, always tried last),
   * leaving out pyenv's shims folder and the folder the shim itself ran from
   * (`pyenv which`). `pyenv exec` then puts the found command's folder first
   * on PATH, where a pip script's env shebang looks first.
   */
  private async pyenvShimTarget(shim: string, chain: readonly string[]): Promise<string | null> {
    const { env, projectDir } = this.options;
    this.pyenvVersions ??= pyenvSelectedVersions(projectDir, env);
    const versions = await this.pyenvVersions;
    // A selected version that is not installed makes pyenv refuse to run the shim at all.
    if (versions === null) return null;
    const command = basename(shim);
    for (const version of [...versions, 'system']) {
      const found =
        version === 'system'
          ? await this.firstOnPath(command, [join(pyenvRoot(env), 'shims'), dirname(shim)])
          : join(pyenvRoot(env), 'versions', version, 'bin', command);
      if (found === null || !(await isRunnableFile(found))) continue;
      return this.follow(found, chain, [dirname(found)]);
    }
    return null;
  }
}

async function condaPrefixes(home: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const prefixes = new Set<string>();
  if (env.CONDA_PREFIX) prefixes.add(env.CONDA_PREFIX);
  try {
    const listed = await readFile(join(home, '.conda', 'environments.txt'), 'utf8');
    for (const line of listed.split('\n')) if (line.trim() !== '') prefixes.add(line.trim());
  } catch {
    // No conda environments registered: nothing to add.
  }
  for (const root of [...CONDA_ROOTS.map((name) => join(home, name)), '/opt/conda']) {
    prefixes.add(root);
    for (const envName of await listDir(join(root, 'envs')))
      prefixes.add(join(root, 'envs', envName));
  }
  return [...prefixes];
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}
