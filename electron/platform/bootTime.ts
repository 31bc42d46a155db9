import { uptime } from 'node:os';

/**
 * When the machine last started, to the minute: a later start means it has
 * restarted since. From the uptime rather than a boot id so it is the same
 * on every OS; rounding absorbs the jitter of two readings of the clock.
 */
export function currentBootTime(): Date {
  const minute = 60_000;
  return new Date(Math.round((Date.now() - uptime() * 1000) / minute) * minute);
}

/** Whether `now` is a later boot than `then` (ISO times from currentBootTime). */
export function restartedSince(then: string, now: Date): boolean | null {
  const before = Date.parse(then);
  if (Number.isNaN(before)) return null;
  // Two minutes of slack: NTP may step the clock between the readings.
  return now.getTime() - before > 2 * 60_000;
}
