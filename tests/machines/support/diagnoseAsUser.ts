import { join } from 'node:path';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { parseCliDiagnosis } from '../../support/cliDiagnosis';
import { REPO } from '../../support/repoPaths';
import type { Machine, Run } from './machine';

/**
 * The headless engine run by the machine's user the way the README says
 * (`npm run -s diagnose -- ...` is `node scripts/run-cli.mjs diagnose ...`
 * from the checkout, node_modules/.bin first on PATH, INIT_CWD the folder
 * the user stood in), in the user's own shell environment: whatever that
 * shell has (a bad TMPDIR, VIRTUAL_ENV, a hanging python3) the engine has too.
 */
const NODE_BIN = join(REPO, 'node_modules', '.bin');

export function runDiagnose(
  machine: Machine,
  options: { log?: string; json: boolean },
): Promise<Run> {
  const args = [
    join(NODE_BIN, 'node'),
    'scripts/run-cli.mjs',
    'diagnose',
    ...(options.json ? ['--json'] : []),
    ...(options.log ? ['--log', options.log] : []),
    '--project',
    machine.project,
  ];
  return machine.run(args, {
    cwd: REPO,
    env: { ...machine.env, PATH: `${NODE_BIN}:${machine.env.PATH}`, INIT_CWD: machine.project },
  });
}

/** The Diagnosis document, parsed with the app's own schema; a crash fails with what it printed. */
export async function diagnoseAsUser(machine: Machine, log?: string): Promise<Diagnosis> {
  const run = await runDiagnose(machine, { log, json: true });
  if (run.code !== 0)
    throw new Error(
      `diagnose exited with ${run.code}:\n${run.stderr}\n${run.stdout.slice(0, 2000)}`,
    );
  return parseCliDiagnosis(run.stdout);
}
