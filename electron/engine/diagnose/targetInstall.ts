import type { Diagnosis, PythonInstall, TargetReason } from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { isInside } from '../../shared/paths';
import { LOG_INTERPRETER_SIGHTING } from '../../platform/systemProbe';

export interface TargetFacts {
  installs: PythonInstall[];
  pipOnPath: Diagnosis['pipOnPath'];
  log: LogFinding | null;
  /** VIRTUAL_ENV, when set. */
  activeVenv: { prefix: string; onPath: boolean } | null;
}

export interface Target {
  install: PythonInstall | null;
  because: TargetReason | null;
}

/**
 * The install pip failed in (DESIGN.md rule 11), from the most telling fact
 * down: the failing path in the log (also in an install on no PATH, or a
 * broken one), the interpreter the log shows, the active venv, and only then
 * what `pip` on PATH runs. A broken install can be the target: reporting it
 * broken is the answer, not blaming another Python.
 */
export function targetInstall({ installs, pipOnPath, log, activeVenv }: TargetFacts): Target {
  const usable = installs.filter(
    (install) => install.status === 'ok' || install.status === 'broken',
  );
  const logPaths = [log?.path, log?.secondPath].filter((path): path is string => !!path);
  for (const path of logPaths) {
    const byPath = usable
      .map((install) => ({ install, depth: depthOfMatch(install, path) }))
      .filter((candidate) => candidate.depth > 0)
      .sort((a, b) => b.depth - a.depth)[0];
    if (byPath) return { install: byPath.install, because: 'log-path' };
  }
  if (log?.interpreter) {
    const byInterpreter = usable.find((install) => runsAs(install, log.interpreter!));
    if (byInterpreter) return { install: byInterpreter, because: 'log-interpreter' };
  }
  if (activeVenv) {
    const venv = usable.find(
      (install) =>
        install.prefix !== null &&
        isInside(install.prefix, activeVenv.prefix) &&
        isInside(activeVenv.prefix, install.prefix),
    );
    if (venv) return { install: venv, because: 'virtual-env' };
  }
  const ok = installs.filter((install) => install.status === 'ok');
  for (const command of ['pip', 'pip3', 'python3', 'python']) {
    const id = pipOnPath.find((entry) => entry.command === command)?.installId;
    const install = ok.find((candidate) => candidate.id === id);
    if (install)
      return { install, because: command.startsWith('pip') ? 'pip-on-path' : 'python-on-path' };
  }
  return ok[0] ? { install: ok[0], because: 'only-install' } : { install: null, because: null };
}

/**
 * How closely the install owns the path: the length of the deepest of its
 * folders (or, for a venv or a broken install, its prefix) that holds it;
 * 0 when none does. The deepest wins: /usr/lib/python3 holds a venv's files
 * only when the venv lives inside it.
 */
function depthOfMatch(install: PythonInstall, path: string): number {
  const folders = install.folders.map((folder) => folder.path);
  if (install.prefix !== null && (install.kind === 'venv' || install.status === 'broken'))
    folders.push(install.prefix);
  return Math.max(0, ...folders.filter((folder) => isInside(path, folder)).map((f) => f.length));
}

/** The log names this interpreter: discovery found it from the log, or by that very path. */
function runsAs(install: PythonInstall, interpreter: string): boolean {
  return install.names.includes(LOG_INTERPRETER_SIGHTING) || install.executable === interpreter;
}
