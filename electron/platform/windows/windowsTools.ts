import { msg } from '../../shared/i18n/message';
import { gapWords } from '../gapWords';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Gap } from '../../shared/model/diagnosis';
import type { CommandRunner } from './commandRunner';
import { systemRootOf } from './commandRunner';
import { system32Program } from './powershell';
import { searchPath } from './pathSearch';
import { parsePyList } from './pyLauncherList';
import type { PyLauncherEntry } from './pyLauncherList';
import { parseRegExport, parseRegistryQuery } from './registryPythons';
import type { RegistryListing } from './registryPythons';
import { workingFolder } from './workingFolder';
import type { WindowsFiles } from './windowsFiles';
import { parseWhereOutput } from './whereOutput';

/**
 * The native tools discovery runs: where.exe, py.exe and reg.exe, each a
 * ~10 ms program (PowerShell would cost a second to start, and its one run
 * per scan comes later, once the interpreters have answered). All run in
 * parallel through the one runner, by absolute path.
 */

interface ToolDeps {
  run: CommandRunner;
  files: WindowsFiles;
}

const TOOL_TIMEOUT_MS = 10_000;
const TOOL_OUTPUT_BYTES = 1024 * 1024;

/**
 * Every file each command reaches on PATH, in PATH order, from one
 * where.exe run. where.exe writes in the console code page, so a non-ASCII
 * folder name can arrive as U+FFFD, or, worse, as other letters when its
 * bytes happen to be valid UTF-8 (GBK pairs often are). So a command's
 * answer is used only when every line decodes and names a file that exists;
 * otherwise, and when where.exe could not run, PATH is read directly.
 */
export async function resolveCommands(
  env: NodeJS.ProcessEnv,
  deps: ToolDeps,
  commands: readonly string[],
): Promise<Map<string, string[]>> {
  const run = await deps.run(system32Program(systemRootOf(env), 'where.exe'), [...commands], {
    timeoutMs: TOOL_TIMEOUT_MS,
    maxOutputBytes: TOOL_OUTPUT_BYTES,
    env,
  });
  // Exit 1 only says some pattern had no match; the others are still listed.
  const usable =
    run.spawnError === null && !run.timedOut && (run.exitCode === 0 || run.exitCode === 1);
  const hits = usable ? parseWhereOutput(run.stdout, commands) : null;
  const resolved = new Map<string, string[]>();
  await Promise.all(
    commands.map(async (command) => {
      const found = hits?.get(command);
      const trusted =
        found !== undefined &&
        found.every((hit) => hit.decodable) &&
        (await Promise.all(found.map((hit) => deps.files.exists(hit.path)))).every(Boolean);
      resolved.set(
        command,
        trusted ? found.map((hit) => hit.path) : await searchPath(command, env, deps.files),
      );
    }),
  );
  return resolved;
}

/** `py -0p`: the launcher's own list; nothing when it fails (the registry is read anyway). */
export async function runPyList(
  py: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  deps: ToolDeps,
): Promise<PyLauncherEntry[]> {
  const run = await deps.run(py, ['-0p'], {
    timeoutMs: TOOL_TIMEOUT_MS,
    maxOutputBytes: TOOL_OUTPUT_BYTES,
    env,
    cwd,
  });
  if (run.spawnError || run.timedOut || run.exitCode !== 0) return [];
  return parsePyList(run.stdout, cwd).filter((entry) => !entry.executable.includes('\uFFFD'));
}

const REGISTRY_VIEWS = [
  { key: 'HKCU\\Software\\Python', flags: [], where: 'HKCU' },
  { key: 'HKLM\\Software\\Python', flags: ['/reg:64'], where: 'HKLM (64-bit view)' },
  { key: 'HKLM\\Software\\Python', flags: ['/reg:32'], where: 'HKLM (32-bit view)' },
];

/**
 * PEP 514 registrations of every company, from HKCU and both views of HKLM
 * (a 32-bit all-users Python registers under Wow6432Node). Read with
 * `reg export`, which writes UTF-16: `reg query` writes in the console code
 * page, which mangles a per-user Python under a non-English user name. A
 * hive without a Python key makes reg.exe exit 1: no Pythons there. Only
 * when no folder can be worked in are the hives queried instead.
 */
export async function readRegistryPythons(
  env: NodeJS.ProcessEnv,
  deps: ToolDeps,
): Promise<{ sightings: Array<{ executable: string; name: string }>; gaps: Gap[] }> {
  const folder = await workingFolder(env).catch(() => null);
  const listings = await Promise.all(
    REGISTRY_VIEWS.map((view, index) =>
      folder === null
        ? queryRegistryView(view, env, deps)
        : exportRegistryView(view, join(folder, `view-${index}.reg`), env, deps),
    ),
  ).finally(() =>
    folder === null
      ? undefined
      : rm(folder, { recursive: true, force: true }).catch(() => undefined),
  );
  const pythons = listings.flatMap((listing) => listing?.pythons ?? []);
  const undecodable = listings.flatMap((listing) => listing?.undecodable ?? []);
  const gaps: Gap[] =
    undecodable.length === 0
      ? []
      : [
          {
            area: 'installs',
            message: msg(gapWords.registryUnreadable, { count: undecodable.length }),
            howToReveal: msg(gapWords.registryHow),
          },
        ];
  return {
    sightings: pythons.map((python) => ({
      executable: python.executable!,
      name: `registry ${python.where} ${python.company}\\${python.tag}`,
    })),
    gaps,
  };
}

type RegistryView = (typeof REGISTRY_VIEWS)[number];

function reg(env: NodeJS.ProcessEnv, args: string[], deps: ToolDeps) {
  return deps.run(system32Program(systemRootOf(env), 'reg.exe'), args, {
    timeoutMs: TOOL_TIMEOUT_MS,
    maxOutputBytes: TOOL_OUTPUT_BYTES,
    env,
  });
}

async function exportRegistryView(
  view: RegistryView,
  file: string,
  env: NodeJS.ProcessEnv,
  deps: ToolDeps,
): Promise<RegistryListing | null> {
  const run = await reg(env, ['export', view.key, file, '/y', ...view.flags], deps);
  if (run.spawnError || run.timedOut) return null;
  if (run.exitCode !== 0) return { pythons: [], undecodable: [] };
  const bytes = await readFile(file).catch(() => null);
  return bytes === null ? null : parseRegExport(bytes, view.where, env);
}

async function queryRegistryView(
  view: RegistryView,
  env: NodeJS.ProcessEnv,
  deps: ToolDeps,
): Promise<RegistryListing | null> {
  const run = await reg(env, ['query', view.key, '/s', ...view.flags], deps);
  if (run.spawnError || run.timedOut) return null;
  return parseRegistryQuery(run.stdout, view.where, env);
}
