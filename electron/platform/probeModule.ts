import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INTERPRETER_PROBE_SCRIPT } from './interpreterProbeScript';
import { PROBE_MARKER } from './systemProbe';

/**
 * The probe as an importable module in the user's cache folder. Passed with
 * `-c`, Python compiles the snippet on every scan (2–3 ms of CPU each, times
 * every interpreter); imported as a module, each Python version compiles it
 * once and then loads its own cached bytecode, which Python itself checks
 * against the source. The folder is named by the snippet's hash, so a new
 * version of the app never runs an old probe.
 */
const installed = new Map<string, Promise<string | null>>();
const MODULE_FILE = `${PROBE_MARKER}.py`;

export async function probeModuleDir(cacheRoot: string): Promise<string | null> {
  const known = installed.get(cacheRoot);
  if (known) {
    const dir = await known;
    // The cache may be emptied while the app runs; importing a module gone since would crash
    // every probe. One stat per probe tells, and the module is put back once for all callers.
    if (dir === null || (await isFile(join(dir, MODULE_FILE)))) return dir;
    const current = installed.get(cacheRoot);
    if (current && current !== known) return current;
  }
  const fresh = install(cacheRoot);
  installed.set(cacheRoot, fresh);
  return fresh;
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** The arguments that run the probe: imported from `dir`, or as `-c` source when there is none. */
export function probeArguments(dir: string | null): string[] {
  if (dir === null) return ['-c', INTERPRETER_PROBE_SCRIPT];
  // The folder comes in argv, never spliced into the code: any path is safe.
  return ['-c', `import sys; sys.path[0:1] = [sys.argv[1]]; import ${PROBE_MARKER}`, dir];
}

async function install(cacheRoot: string): Promise<string | null> {
  const hash = createHash('sha256').update(INTERPRETER_PROBE_SCRIPT).digest('hex').slice(0, 16);
  const dir = join(cacheRoot, `probe-${hash}`);
  const file = join(dir, MODULE_FILE);
  try {
    if ((await readFile(file, 'utf8').catch(() => null)) === INTERPRETER_PROBE_SCRIPT) return dir;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Written aside and renamed, so a Python never imports half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, INTERPRETER_PROBE_SCRIPT, { mode: 0o600 });
    await rename(temporary, file);
    return dir;
  } catch {
    // A read-only or missing home: the probe still works, passed as source.
    return null;
  }
}
