import type { BrokenInstall, InterpreterCandidate } from './systemProbe';

/** A path that may run Python, and how it was found ("pip on PATH", "pyenv 3.12.1"). */
export interface Sighting {
  executable: string;
  name: string;
}

/**
 * Merges every sighting that reaches the same interpreter into one
 * candidate carrying all its names; the first path seen is the one run.
 * `identities[i]` is the identity of `sightings[i]`, or null when that path
 * is no interpreter. Both backends decide identities their own way (a venv's
 * pyvenv.cfg, a Store alias's package) and merge the same way.
 */
export function mergeByIdentity(
  sightings: readonly Sighting[],
  identities: ReadonlyArray<string | null>,
): { candidates: InterpreterCandidate[]; canonical: Map<string, string> } {
  const byIdentity = new Map<
    string,
    { identity: string; executable: string; names: Set<string> }
  >();
  const canonical = new Map<string, string>();
  sightings.forEach(({ executable, name }, index) => {
    const identity = identities[index];
    if (!identity) return;
    let entry = byIdentity.get(identity);
    if (!entry) {
      entry = { identity, executable, names: new Set() };
      byIdentity.set(identity, entry);
    }
    entry.names.add(name);
    canonical.set(executable, entry.executable);
  });
  return {
    candidates: [...byIdentity.values()].map(({ identity, executable, names }) => ({
      identity,
      executable,
      names: [...names],
    })),
    canonical,
  };
}

/** A venv that cannot start, as one path showed it, before the names it was found under are added. */
export type BrokenVenv = Omit<BrokenInstall, 'names'>;

/**
 * Merges the sightings that showed a broken venv (`broken[i]` for
 * `sightings[i]`, null for the others) into one BrokenInstall per venv
 * folder, carrying every name it was found under. `folderKey` spells the
 * folder the way this OS compares it.
 */
export function mergeBrokenVenvs(
  sightings: readonly Sighting[],
  broken: ReadonlyArray<BrokenVenv | null>,
  folderKey: (prefix: string) => string = (prefix) => prefix,
): { broken: BrokenInstall[]; brokenPaths: Set<string> } {
  const byFolder = new Map<string, BrokenInstall>();
  const brokenPaths = new Set<string>();
  sightings.forEach(({ executable, name }, index) => {
    const venv = broken[index];
    if (!venv) return;
    brokenPaths.add(executable);
    const key = folderKey(venv.prefix);
    const entry = byFolder.get(key) ?? { ...venv, names: [] };
    if (!entry.names.includes(name)) entry.names.push(name);
    byFolder.set(key, entry);
  });
  return { broken: [...byFolder.values()], brokenPaths };
}

/** What looking at one sighting's path gave: the interpreter's identity, a broken venv, or nothing. */
export type ResolvedSighting = { identity: string } | { broken: BrokenVenv } | null;

/** Both merges at once, from what each sighting resolved to. */
export function mergeResolved(
  sightings: readonly Sighting[],
  resolved: readonly ResolvedSighting[],
  folderKey?: (prefix: string) => string,
) {
  const merged = mergeByIdentity(
    sightings,
    resolved.map((found) => (found && 'identity' in found ? found.identity : null)),
  );
  const broken = mergeBrokenVenvs(
    sightings,
    resolved.map((found) => (found && 'broken' in found ? found.broken : null)),
    folderKey,
  );
  return { ...merged, ...broken };
}
