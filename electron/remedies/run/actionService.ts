import { randomBytes } from 'node:crypto';
import type { Diagnosis } from '../../shared/model/diagnosis';
import type { SystemProbe } from '../../platform/systemProbe';
import type {
  ActionOutcome,
  ActionPlan,
  ActionProgress,
  Command,
  PendingAction,
  RecentAction,
} from '../../shared/actionModel';
import type { ElevationFacts } from '../../platform/elevation';
import { ActionJournal } from './journal';
import { buildRecipe } from '../planning/buildRecipe';
import type { PlanRequest } from '../../shared/planRequest';
import { osTraits } from '../../platform/osTraits';
import { trustedSystemRoot } from '../../platform/windows/trustedSystemRoot';
import type { Platform } from '../../shared/model/platform';
import { locateProgram } from '../../platform/posix/locateProgram';
import { precheckRecipe } from './precheck';
import type { Recipe } from '../planning/recipe';
import { isUndone } from './replayJournal';
import { runRecipe } from './runRecipe';
import { undoableStepIds, undoRecipe } from '../planning/undoPlan';
import { UserFacingError } from '../../shared/userFacingError';

export interface ActionServiceOptions {
  probe: SystemProbe;
  /** The app's data folder (Electron's userData); the journal lives in its `actions` folder. */
  dataDir: string;
  /** The user's environment: commands run in it, and PATH decides where pkexec and chown are found. */
  env: NodeJS.ProcessEnv;
  /** Where the project's `.venv` goes. */
  projectDir: string;
  homeDir: string;
  onProgress(progress: ActionProgress): void;
  /** Where pip finds packages: main's setting, never the renderer's (tests: a local folder and --no-index). */
  pipSourceArgs?: string[];
  /** Windows: the Windows folder, for programs by absolute path; when unset, the checked %SystemRoot%. */
  systemRoot?: string;
  /** A plan from an older scan is refused. Default 30 minutes. */
  maxScanAgeMs?: number;
  now?: () => Date;
  selfPid?: number;
  /** Windows: the app window's handle when a step asks UAC (main's window; null from the CLI). */
  ownerWindow?: () => string | null;
}

const DEFAULT_MAX_SCAN_AGE_MS = 30 * 60_000;
/** Plans shown but not run are forgotten past this many: a plan is run soon after it is shown, or not at all. */
const KEEP_PLANS = 16;

interface ActiveRun {
  runId: string;
  controller: AbortController;
  consents: Map<string, (agreed: boolean) => void>;
}

/**
 * What main's IPC handlers call: plans from the latest scan, runs by plan id
 * (exactly the plan the user saw, once), cancel, consent, undo, and what the
 * journal says on start. One action runs at a time: two pip runs or an
 * install beside a close would get in each other's way.
 */
export class ActionService {
  readonly journal: ActionJournal;
  private latest: { scanId: string; diagnosis: Diagnosis } | null = null;
  private readonly plans = new Map<string, Recipe>();
  private readonly pickedFolders = new Map<string, string>();
  private active: ActiveRun | null = null;

  constructor(private readonly options: ActionServiceOptions) {
    this.journal = new ActionJournal(options.dataDir);
  }

  /** The scan plans are built from; a newer one makes earlier plans stale. */
  useDiagnosis(scanId: string, diagnosis: Diagnosis): void {
    this.latest = { scanId, diagnosis };
  }

  /** A folder main's own dialog returned; the renderer gets only its id. */
  registerPickedFolder(path: string): string {
    const id = `folder-${randomBytes(8).toString('hex')}`;
    this.pickedFolders.set(id, path);
    return id;
  }

  /**
   * A plan from the latest scan. The request was parsed once, against the
   * contract's strict schema, by the IPC layer: ids and a package name only.
   */
  async plan(request: PlanRequest): Promise<ActionPlan> {
    const latest = this.latest;
    if (latest === null || latest.scanId !== request.scanId) {
      throw new UserFacingError(
        'That scan is not the latest one. Scan again, then choose the fix again.',
        `scan ${request.scanId} is not the latest`,
      );
    }
    const { diagnosis } = latest;
    const runId = newRunId();
    const os = osTraits(diagnosis.platform);
    const recipe = await buildRecipe({
      diagnosis,
      scanId: latest.scanId,
      request,
      runId,
      runFolder: os.paths.join(this.options.dataDir, 'actions', runId),
      os,
      local: diagnosis.platform === this.options.probe.platform,
      projectDir: this.options.projectDir,
      homeDir: this.options.homeDir,
      env: this.options.env,
      elevation: await this.elevationFacts(diagnosis),
      pipSourceArgs: this.options.pipSourceArgs ?? [],
      // Windows grants by SID (account names are localised): the scan read it from the token.
      userSid: diagnosis.user.sid,
      probe: this.options.probe,
      selfPid: this.selfPid,
      pickedFolder: (id) => this.pickedFolders.get(id) ?? null,
    });
    this.remember(recipe);
    return recipe.plan;
  }

  /** Runs the plan with this id, exactly as shown; progress goes to onProgress. */
  async run(planId: string): Promise<ActionOutcome> {
    const recipe = this.plans.get(planId);
    if (!recipe) {
      throw new UserFacingError(
        'That plan is no longer known (it ran already, or the app restarted). Choose the fix again.',
        `unknown plan ${planId}`,
      );
    }
    this.refuseWhileBusy();
    this.refuseForeign(recipe);
    if (recipe.plan.undoOf === null) this.refuseStale(recipe);
    if (recipe.plan.steps.length === 0) {
      throw new UserFacingError(
        'This plan has nothing for Pip Doctor to run; follow its instructions instead.',
        'plan without steps',
      );
    }
    await precheckRecipe(recipe);
    // A plan runs once: a second click must not install twice or close a reused pid.
    this.plans.delete(planId);
    return this.execute(recipe, null);
  }

  /** Goes on with an action the journal says did not finish. */
  async resume(runId: string): Promise<ActionOutcome> {
    const pending = (await this.pendingActions()).find((entry) => entry.runId === runId);
    if (!pending || !pending.choices.includes('resume')) {
      throw new UserFacingError(
        'There is nothing to continue for that action.',
        `run ${runId} is not pending`,
      );
    }
    const history = await this.journal.history(runId);
    this.refuseWhileBusy();
    this.refuseForeign(history!.recipe);
    return this.execute(history!.recipe, history);
  }

  /** The plan that would undo an action, to be shown and then run by its id like any plan. */
  async planUndo(runId: string): Promise<ActionPlan> {
    const histories = await this.journal.histories();
    const history = histories.get(runId);
    if (!history || history.recipe.plan.undoOf !== null) {
      throw new UserFacingError(
        'Pip Doctor has no record of that action to undo.',
        `no run ${runId}`,
      );
    }
    if (isUndone(history, histories))
      throw new UserFacingError('That action has been undone already.', `run ${runId} undone`);
    this.refuseForeign(history.recipe);
    const undoRunId = newRunId();
    const recipe = await undoRecipe(history, {
      runId: undoRunId,
      runFolder: this.journal.runFolder(undoRunId),
      elevation: await this.elevationFacts(this.latest?.diagnosis ?? null),
      env: this.options.env,
      signal: new AbortController().signal,
    });
    this.remember(recipe);
    return recipe.plan;
  }

  /** True when the action was running and is now stopping; its outcome says `cancelled`. */
  cancel(runId: string): boolean {
    if (this.active?.runId !== runId || this.active.controller.signal.aborted) return false;
    this.active.controller.abort();
    return true;
  }

  /** The user's answer to a `consent-needed` event; false when nothing was waiting for it. */
  answerConsent(runId: string, stepId: string, agreed: boolean): boolean {
    const resolve = this.active?.runId === runId ? this.active.consents.get(stepId) : undefined;
    if (!resolve) return false;
    resolve(agreed);
    return true;
  }

  pendingActions(): Promise<PendingAction[]> {
    return this.journal.pendingActions();
  }

  /** The latest actions (undo runs excluded), newest first, with whether Undo is still possible. */
  async recentActions(limit = 20): Promise<RecentAction[]> {
    const histories = await this.journal.histories();
    return [...histories.values()]
      .filter((run) => run.recipe.plan.undoOf === null)
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
      .slice(0, limit)
      .map((run) => {
        const undone = isUndone(run, histories);
        return {
          runId: run.runId,
          plan: run.recipe.plan,
          startedAt: run.startedAt,
          outcome: run.outcome,
          undone,
          undoAvailable: !undone && undoableStepIds(run).length > 0,
        };
      });
  }

  /** The user says the action needs nothing more; it is no longer offered. */
  async markResolved(runId: string): Promise<void> {
    if (!(await this.journal.history(runId))) {
      throw new UserFacingError('Pip Doctor has no record of that action.', `no run ${runId}`);
    }
    await this.journal.append({ type: 'resolved', runId });
  }

  private async execute(
    recipe: Recipe,
    history: Awaited<ReturnType<ActionJournal['history']>>,
  ): Promise<ActionOutcome> {
    const active: ActiveRun = {
      runId: recipe.plan.id,
      controller: new AbortController(),
      consents: new Map(),
    };
    this.active = active;
    try {
      return await runRecipe(
        recipe,
        history,
        {
          journal: this.journal,
          probe: this.options.probe,
          env: this.options.env,
          selfPid: this.selfPid,
          emit: (progress) => this.options.onProgress(progress),
          waitForConsent: (runId, stepId, question, items, command) =>
            this.waitForConsent(active, runId, stepId, question, items, command),
        },
        active.controller.signal,
      );
    } finally {
      this.active = null;
    }
  }

  private waitForConsent(
    active: ActiveRun,
    runId: string,
    stepId: string,
    question: string,
    items: string[],
    command: Command | null,
  ): Promise<boolean> {
    return new Promise((resolve) => {
      const signal = active.controller.signal;
      const settle = (agreed: boolean) => {
        active.consents.delete(stepId);
        signal.removeEventListener('abort', onAbort);
        resolve(agreed);
      };
      const onAbort = () => settle(false);
      signal.addEventListener('abort', onAbort, { once: true });
      active.consents.set(stepId, settle);
      this.options.onProgress({ type: 'consent-needed', runId, stepId, question, items, command });
    });
  }

  private refuseWhileBusy(): void {
    if (this.active) {
      throw new UserFacingError(
        'Another fix is running. Wait for it to finish, or cancel it.',
        `busy with ${this.active.runId}`,
      );
    }
  }

  private refuseForeign(recipe: Recipe): void {
    if (recipe.platform !== this.options.probe.platform) {
      throw new UserFacingError(
        'That plan was made for another system.',
        `plan for ${recipe.platform} on ${this.options.probe.platform}`,
      );
    }
  }

  private refuseStale(recipe: Recipe): void {
    if (this.latest?.scanId !== recipe.plan.scanId) {
      throw new UserFacingError(
        'A newer scan replaced the one this plan was made from. Choose the fix again.',
        `plan scan ${recipe.plan.scanId}, latest ${this.latest?.scanId ?? 'none'}`,
      );
    }
    const age = this.now().getTime() - Date.parse(recipe.scannedAt);
    const maxAge = this.options.maxScanAgeMs ?? DEFAULT_MAX_SCAN_AGE_MS;
    if (!(age <= maxAge)) {
      throw new UserFacingError(
        `The scan this plan was made from is ${Math.round(age / 60_000)} minutes old; the computer may have changed since. Scan again, then choose the fix again.`,
        `scan age ${age} ms > ${maxAge} ms`,
      );
    }
  }

  private async elevationFacts(diagnosis: Diagnosis | null): Promise<ElevationFacts> {
    const platform = diagnosis?.platform ?? this.options.probe.platform;
    return {
      platform,
      elevated: diagnosis?.elevated ?? false,
      systemRoot: await this.systemRoot(platform),
      pkexecPath:
        osTraits(platform).elevation === 'pkexec'
          ? locateProgram('pkexec', this.options.env)
          : null,
      ownerWindow: this.options.ownerWindow?.() ?? null,
    };
  }

  /**
   * Windows programs run from the folder Windows reports, never from a
   * %SystemRoot% that points elsewhere (trustedSystemRoot.ts); a configured
   * root (tests, a recorded machine) is taken as given.
   */
  private async systemRoot(platform: Platform): Promise<string> {
    if (this.options.systemRoot) return this.options.systemRoot;
    // Another system's plan is only shown, never run (refuseForeign): there is no Windows to ask.
    const local = platform === this.options.probe.platform;
    if (osTraits(platform).elevation !== 'uac' || !local) {
      return this.options.env.SystemRoot ?? 'C:\\Windows';
    }
    return trustedSystemRoot(this.options.env, await this.options.probe.systemDirectory());
  }

  private remember(recipe: Recipe): void {
    this.plans.set(recipe.plan.id, recipe);
    while (this.plans.size > KEEP_PLANS) this.plans.delete(this.plans.keys().next().value!);
  }

  private get selfPid(): number {
    return this.options.selfPid ?? process.pid;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function newRunId(): string {
  return `act-${randomBytes(8).toString('hex')}`;
}
