import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActionOutcomeSchema, ActionPlanSchema } from '../../../electron/shared/actionModel';
import type { ActionOutcome, ActionPlan } from '../../../electron/shared/actionModel';
import type { PlanRequest } from '../../../electron/shared/planRequest';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { REPO } from '../../support/repoPaths';

const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SCRIPT = join(__dirname, 'runActionInChild.ts');

export interface ChildJob {
  dataDir: string;
  homeDir: string;
  pipSourceArgs: string[];
  scanId: string;
  diagnosis: Diagnosis;
  request: PlanRequest;
  pauseAt: string | null;
  consent: boolean;
}

export interface ChildRun {
  child: ChildProcess;
  /** Resolves with the plan once printed. */
  plan: Promise<ActionPlan>;
  /** Resolves when the child says it paused at the step. */
  paused: Promise<void>;
  /** Resolves with the outcome (rejects if the child dies first). */
  outcome: Promise<ActionOutcome>;
}

/** Starts runActionInChild.ts, optionally through a prefix command (setpriv to change user). */
export function runActionInChild(job: ChildJob, jobFile: string, via: string[] = []): ChildRun {
  writeFileSync(jobFile, JSON.stringify(job), { mode: 0o644 });
  const command = [...via, process.execPath, TSX_CLI, SCRIPT, jobFile];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    waiters.forEach((check) => check());
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const waitFor = <T>(key: string, parse: (value: unknown) => T) => {
    const promise = new Promise<T>((resolve, reject) => {
      const check = () => {
        const line = lines().find((entry) => key in entry);
        if (line) resolve(parse(line[key]));
      };
      waiters.push(check);
      check();
      child.on('exit', (code, signal) => {
        check();
        reject(new Error(`child exited (${code ?? signal}) before "${key}": ${stderr}`));
      });
    });
    // A test awaits only the answers it needs; the others must not surface as unhandled.
    promise.catch(() => undefined);
    return promise;
  };
  return {
    child,
    plan: waitFor('plan', (value) => ActionPlanSchema.parse(value)),
    paused: waitFor('paused', () => undefined),
    outcome: waitFor('outcome', (value) => ActionOutcomeSchema.parse(value)),
  };
}
