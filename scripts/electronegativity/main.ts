import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge, readAccepted } from './acceptedFindings';
import { runElectronegativity } from './runElectronegativity';

/**
 * `npm run -s electronegativity` (part of `npm test`): Electronegativity
 * over electron/ and renderer/, for the Electron version the app pins. It
 * fails on any finding security/electronegativity-accepted.json does not
 * list with a reason, on an acceptance that no longer matches anything,
 * and on a file the tool could not parse.
 */
const REPO = join(__dirname, '..', '..');
const SCANNED = ['electron', 'renderer'] as const;

async function main(): Promise<number> {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const electronVersion = pkg.devDependencies.electron ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(electronVersion))
    throw new Error(`package.json must pin electron exactly; it says "${electronVersion}"`);
  const accepted = readAccepted(join(REPO, 'security', 'electronegativity-accepted.json'));
  const result = await runElectronegativity(
    REPO,
    SCANNED,
    electronVersion,
    accepted.excludedChecks.map((entry) => entry.check),
  );
  const verdict = judge(REPO, result.issues, accepted);
  const unparsed = result.errors.filter((error) => !error.tolerable);

  console.log(
    `Electronegativity, Electron ${electronVersion}, ${SCANNED.join('/ + ')}/: ` +
      `${result.atomicChecks} atomic and ${result.globalChecks} global checks, ` +
      `${result.issues.length} findings, ${verdict.accepted.length} accepted ` +
      `(security/electronegativity-accepted.json), ${verdict.unaccepted.length} not.`,
  );
  for (const { finding, acceptance } of verdict.accepted)
    console.log(
      `  accepted ${finding.id} ${finding.file}:${finding.location.line}: ${acceptance.reason}`,
    );
  for (const finding of verdict.unaccepted)
    console.error(
      `  FINDING ${finding.id} ${finding.file}:${finding.location.line}:${finding.location.column} ` +
        `(${finding.severity.name}, ${finding.confidence.name}): ${finding.description}`,
    );
  for (const entry of verdict.unused)
    console.error(
      `  STALE acceptance of ${entry.id} in ${entry.file} ("${entry.code}"): matches no finding; remove it`,
    );
  for (const error of unparsed) console.error(`  UNPARSED ${error.file}: ${error.message}`);
  return verdict.unaccepted.length + verdict.unused.length + unparsed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
