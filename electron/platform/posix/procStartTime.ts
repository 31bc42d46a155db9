import { readFileSync } from 'node:fs';
import { isVanished } from './procErrors';
import { CLOCK_TICKS_PER_SECOND, parseStat } from './procProcessTable';

/**
 * A process's start time read from /proc at the last moment before it is
 * signalled. Synchronous on purpose: the caller reads and then calls kill()
 * in the same turn of the event loop, so no other work of the app runs in
 * between (stat is served without the process's memory-map lock, so this
 * read cannot hang). 'gone' when no process has the pid; null when its stat
 * cannot be read or understood.
 */
export type StartTimeReader = (pid: number) => string | 'gone' | null;

/** The reader for this machine; null where there is no /proc (macOS), whose kernel dates processes only through ps. */
export function procStartTimeReader(): StartTimeReader | null {
  let bootTimeSeconds: number;
  try {
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!btime) return null;
    bootTimeSeconds = Number(btime[1]);
  } catch {
    return null;
  }
  return (pid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch (error) {
      return isVanished(error) ? 'gone' : null;
    }
    const fields = parseStat(stat);
    if (!fields) return null;
    return new Date(
      bootTimeSeconds * 1000 + (fields.startTicks * 1000) / CLOCK_TICKS_PER_SECOND,
    ).toISOString();
  };
}
