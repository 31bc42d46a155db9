import { readdirSync, readlinkSync } from 'node:fs';

/**
 * The processes that have `path` open, read straight from /proc: an
 * independent look, so a test does not take the app's own check on trust.
 */
export function pidsHolding(path: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readdirSync(`/proc/${pid}/fd`).some((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
          } catch {
            return false;
          }
        });
      } catch {
        return false;
      }
    })
    .map(Number);
}
