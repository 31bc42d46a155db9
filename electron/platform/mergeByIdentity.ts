import type { InterpreterCandidate } from './systemProbe';

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
