import { createPosixSystemProbe } from '../../../electron/platform/posix/posixSystemProbe';

/**
 * Run by the tests in a child process, where the machine can be made
 * unusual without touching the test's own: as uid 65534 (root may write
 * anywhere), or in a private mount namespace with a tiny or read-only mount.
 * The environment under test comes as JSON and is applied here, after tsx
 * has started: tsx keeps its own cache in TMPDIR (and creates it).
 * Prints one JSON line.
 * Usage: tsx printTempDir.ts <env-json>               the TempDirCheck for that environment
 *        tsx printTempDir.ts <env-json> --scan <dir>  discovery and every interpreter's probe first, as a scan runs them
 */
async function main(): Promise<void> {
  const [envJson, mode, projectDir] = process.argv.slice(2);
  Object.assign(process.env, JSON.parse(envJson ?? '{}') as Record<string, string>);
  const probe = createPosixSystemProbe(process.env);
  if (mode !== '--scan') {
    console.log(JSON.stringify({ tempDir: await probe.checkTempDir(process.env) }));
    return;
  }
  const discovery = await probe.discoverInterpreters({
    projectDir: projectDir!,
    extraPythons: [],
    env: process.env,
  });
  const facts = await Promise.all(
    discovery.candidates.map((candidate) => probe.probeInterpreter(candidate.executable)),
  );
  const tempDir = await probe.checkTempDir(process.env);
  console.log(
    JSON.stringify({
      probed: facts.map((fact) => ({ executable: fact.executable, status: fact.status })),
      tempDir,
    }),
  );
  // The open-files reader's threads, started with discovery, would keep the process alive.
  process.exit(0);
}

void main();
