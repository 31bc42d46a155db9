/**
 * A model id as an ICU `select` key: ICU keys cannot hold hyphens, so
 * "user-site" selects as "userSite" and "timed-out" as "timedOut".
 */
export function selectKey(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}
