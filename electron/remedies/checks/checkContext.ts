import { mkdir } from 'node:fs/promises';
import type { SystemProbe } from '../../platform/systemProbe';
import type { CheckKind, CheckOf } from '../planning/recipe';
import type { StepRecord } from '../run/replayJournal';
import type { StepContext } from '../steps/stepContext';
import type { Message } from '../../shared/i18n/message';

export interface VerifyContext {
  probe: SystemProbe;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  selfPid: number;
  /** A folder of the app's to run Python in: a project folder's own `requests.py` must not shadow the real one. */
  scratchDir: string;
  recordOf(stepId: string): StepRecord | undefined;
  /** For checks that run a planned command (reg query). */
  stepContext: StepContext;
}

export interface CheckResult {
  ok: boolean;
  detail: Message;
  /** The problem is a program holding files: a restart would release them. */
  held?: boolean;
}

/** One check kind: a fresh look at one thing the action changed. */
export type CheckRunner<K extends CheckKind> = (
  check: CheckOf<K>,
  ctx: VerifyContext,
) => Promise<CheckResult>;

export async function scratch(ctx: VerifyContext): Promise<string> {
  await mkdir(ctx.scratchDir, { recursive: true });
  return ctx.scratchDir;
}
