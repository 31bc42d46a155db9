import type { PythonInstall, RunningProcess } from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { isInside } from '../../shared/paths';

/**
 * The pids that hold files of the install, or the exact file the log names:
 * asked once per scan, carried as PythonInstall.heldBy by everything after.
 */
export function heldByOf(
  install: Pick<PythonInstall, 'id'>,
  processes: readonly RunningProcess[],
  log: LogFinding | null,
): number[] {
  return processes
    .filter(
      (process) =>
        process.holds.length > 0 &&
        ((log?.path && process.holds.some((path) => isInside(path, log.path!))) ||
          process.installId === install.id),
    )
    .map((process) => process.pid);
}
