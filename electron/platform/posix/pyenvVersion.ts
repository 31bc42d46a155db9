import { open, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

export function pyenvRoot(env: NodeJS.ProcessEnv): string {
  return env.PYENV_ROOT ?? join(env.HOME ?? homedir(), '.pyenv');
}

/** pyenv reads at most this much of each line of a version file. */
const LINE_BYTES = 1024;

/**
 * The versions a pyenv shim would try in `projectDir`, in order, resolved to
 * installed versions the way `pyenv version-name` does: PYENV_VERSION
 * (colon-separated), else the nearest `.python-version` in the folder or a
 * parent (the first that exists, even if empty), else the global `version`
 * file; each name as written, without a `python-` in front, or else the
 * newest installed release it is a prefix of ("3.12" runs 3.12.10).
 * `system` stays as it is: the shim hands over to the next command on PATH.
 *
 * Null when a selected version is not installed: pyenv then refuses to run
 * the shim at all ("version `3.99' is not installed").
 */
export async function pyenvSelectedVersions(
  projectDir: string,
  env: NodeJS.ProcessEnv,
): Promise<string[] | null> {
  const names = env.PYENV_VERSION
    ? env.PYENV_VERSION.split(':').filter((name) => name !== '')
    : await versionFileNames(projectDir, env);
  if (names.length === 0 || (names.length === 1 && names[0] === 'system')) return ['system'];
  const installed = await installedVersions(env);
  const resolved: string[] = [];
  for (const name of names) {
    const version = resolvePyenvName(name, installed);
    if (version === null) return null;
    resolved.push(version);
  }
  return resolved;
}

/** One selected name as pyenv resolves it among the installed versions; null when none fits. */
export function resolvePyenvName(name: string, installed: InstalledVersions): string | null {
  if (name === 'system') return name;
  const bare = name.startsWith('python-') ? name.slice('python-'.length) : name;
  for (const candidate of [name, bare]) if (installed.names.includes(candidate)) return candidate;
  for (const candidate of [name, bare]) {
    const newest = newestWithPrefix(candidate, installed.releases);
    if (newest) return newest;
  }
  return null;
}

export interface InstalledVersions {
  /** Every name under versions/, pyenv-virtualenv's links included: each can be selected as written. */
  names: string[];
  /** The real installs among them, which a prefix such as "3.12" resolves to. */
  releases: string[];
}

/**
 * The newest installed release whose name continues `prefix` at a `.` or
 * `-` ("3.12" takes 3.12.1 and 3.12.10, never 3.120), as `pyenv latest`
 * picks: development builds, pre-releases and free-threaded (`t`) builds
 * only when asked for, numbers compared as numbers.
 */
export function newestWithPrefix(prefix: string, installed: readonly string[]): string | null {
  const freeThreaded = /\dt$/.test(prefix);
  const stem = freeThreaded ? prefix.slice(0, -1) : prefix;
  const candidates = installed.filter(
    (version) =>
      (version.startsWith(`${stem}.`) || version.startsWith(`${stem}-`)) &&
      !/-(dev|src|latest)$/.test(version) &&
      !/(a|b|rc)\d+$/.test(version) &&
      /\dt$/.test(version) === freeThreaded,
  );
  return candidates.sort(compareVersionsDescending)[0] ?? null;
}

function compareVersionsDescending(a: string, b: string): number {
  const left = a.split(/[.-]/);
  const right = b.split(/[.-]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const [x, y] = [left[i] ?? '', right[i] ?? ''];
    const [m, n] = [Number.parseInt(x, 10), Number.parseInt(y, 10)];
    const order = Number.isNaN(m) || Number.isNaN(n) ? y.localeCompare(x) : n - m;
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The names in the version file pyenv would read: the first word of each
 * line, comments left out. A name that leads out of pyenv's versions folder
 * ("../../tmp/x") is ignored, as pyenv does since CVE-2022-35861: a cloned
 * project's .python-version must not make a scan run a program of its choice.
 */
async function versionFileNames(projectDir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const versionsDir = join(pyenvRoot(env), 'versions');
  const insideVersions = (name: string) => resolve(versionsDir, name).startsWith(versionsDir + sep);
  for (let dir = projectDir; ; dir = dirname(dir)) {
    const local = await readVersionFile(join(dir, '.python-version'));
    if (local !== null) return local.filter(insideVersions);
    if (dirname(dir) === dir) break;
  }
  return ((await readVersionFile(join(pyenvRoot(env), 'version'))) ?? []).filter(insideVersions);
}

/** null when the file does not exist (the search goes on); its names, maybe none, when it does. */
async function readVersionFile(path: string): Promise<string[] | null> {
  let text: string;
  try {
    // Bounded: a huge or binary file named .python-version must not be read whole.
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.slice(0, LINE_BYTES).trim().split(/\s+/)[0] ?? '')
    .filter((word) => word !== '' && !word.startsWith('#'));
}

async function installedVersions(env: NodeJS.ProcessEnv): Promise<InstalledVersions> {
  try {
    const entries = await readdir(join(pyenvRoot(env), 'versions'), { withFileTypes: true });
    return {
      names: entries.map((entry) => entry.name),
      // As `pyenv versions --bare --skip-envs`: pyenv-virtualenv's envs are links into
      // versions/*/envs, not releases a prefix resolves to.
      releases: entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
    };
  } catch {
    return { names: [], releases: [] };
  }
}
