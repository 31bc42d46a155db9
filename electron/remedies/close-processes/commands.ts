import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { Shell } from '../../shared/model/diagnosis';

/** Ending one process by its pid, in each shell. */
const STOP: Readonly<Record<Shell, (pid: number) => string>> = {
  powershell: (pid) => `Stop-Process -Id ${pid}`,
  bash: (pid) => `kill ${pid}`,
  cmd: (pid) => `taskkill /PID ${pid}`,
};

export function closeProcessesCommands({ os, holders }: RemedyFacts): string[] {
  return holders.map((process) => STOP[os.shell](process.pid));
}
