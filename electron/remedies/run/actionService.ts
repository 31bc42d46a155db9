import { randomBytes } from 'node:crypto';
import type { CloseGrace } from './liveTargets';
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
import type { Platform } from '../../shared/model/platform';
import { ActionJournal } from './journal';
import { buildRecipe } from '../planning/buildRecipe';
import type { PlanRequest } from '../../shared/planRequest';
import { osTraits } from '../../platform/osTraits';
import { systemProgram } from '../../platform/posix/systemProgram';
import { trustedSystemRoot } from '../../platform/windows/trustedSystemRoot';
import { precheckRecipe } from './precheck';
import type { Recipe } from '../planning/recipe';
import { isFinished, isUndone, stepsOf } from './replayJournal';
import type { RunHistory } from './replayJournal';
import { runRecipe } from './runRecipe';
import { undoableStepIds, undoRecipe } from '../planning/undoPlan';
import type { UndoContext } from '../planning/undoPlan';
import { UserFacingError } from '../../shared/userFacingError';
import type { PlanFacts } from './planFacts';
import { factsOf, recordedRequest } from './planFacts';
import type { FreshScan } from './rebuildRun';
import {
  freshScanFor,
  rebuildContext,
  refuseDiffering,
  refuseGone,
  refuseOld,
  scanFactsFor,
} from './rebuildRun';
import { recordedPlan } from './recordedPlan';
import type { RerunBasis } from '../run-again/rerunCommand';
import type { ChangeSummary } from '../../shared/changeModel';
import { sessionChanges } from './sessionChanges';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';

const refusals = defineMessages({
  notLatestScan: {
    id: 'error.action.notLatestScan',
    defaultMessage: 'That scan is not the latest one. Scan again, then choose the fix again.',
  },
  unknownPlan: {
    id: 'error.action.unknownPlan',
    defaultMessage:
      'That plan is no longer known (it ran already, or the app restarted). Choose the fix again.',
  },
  nothingToRun: {
    id: 'error.action.nothingToRun',
    defaultMessage: 'This plan has nothing for Pip Doctor to run; follow its instructions instead.',
  },
  nothingToContinue: {
    id: 'error.action.nothingToContinue',
    defaultMessage: 'There is nothing to continue for that action.',
  },
  unknownUndone: {
    id: 'error.action.unknownUndone',
    defaultMessage: 'Pip Doctor has no record of the action this undo was for.',
  },
  resumeNotShown: {
    id: 'error.action.resumeNotShown',
    defaultMessage:
      'Pip Doctor shows what it will run before it continues a fix. Choose Resume again.',
    description: 'Resume: the button that continues an interrupted fix',
  },
  nothingToUndo: {
    id: 'error.action.nothingToUndo',
    defaultMessage: 'Pip Doctor has no record of that action to undo.',
  },
  undoneAlready: {
    id: 'error.action.undoneAlready',
    defaultMessage: 'That action has been undone already.',
  },
  unknownAction: {
    id: 'error.action.unknownAction',
    defaultMessage: 'Pip Doctor has no record of that action.',
  },
  rerunNeedsCheckedFix: {
    id: 'error.rerun.needsCheckedFix',
    defaultMessage:
      'Pip Doctor runs your install again only after a fix it made and checked in this session. Choose the fix again, or run your install yourself.',
  },
  busy: {
    id: 'error.action.busy',
    defaultMessage: 'Another fix is running. Wait for it to finish, or cancel it.',
  },
  foreignPlan: {
    id: 'error.action.foreignPlan',
    defaultMessage: 'That plan was made for another system.',
  },
  legacyRecord: {
    id: 'error.action.legacyRecord',
    defaultMessage:
      'This fix was written down by an older version of Pip Doctor in a form this version cannot check, so it will not continue or undo it. Dismiss it; if the problem is still there, scan and choose the fix again.',
  },
  staleScan: {
    id: 'error.action.staleScan',
    defaultMessage: 'A newer scan replaced the one this plan was made from. Choose the fix again.',
  },
  oldScan: {
    id: 'error.action.oldScan',
    defaultMessage:
      '{minutes, plural, one {The scan this plan was made from is # minute old; the computer may have changed since. Scan again, then choose the fix again.} other {The scan this plan was made from is # minutes old; the computer may have changed since. Scan again, then choose the fix again.}}',
  },
});

export interface ActionServiceOptions {
  probe: SystemProbe;
  /** The app's data folder (Electron's userData); the journal lives in its `actions` folder. */
  dataDir: string;
  /**
   * The folder taken as `/` when pkexec is looked for in the system's own
   * folders (default '/'): tests put a stand-in pkexec, root's as a real one
   * is, in a small system of their own.
   */
  posixSystemRoot?: string;
  /** The user's environment: commands run in it. Programs run as root never come from its PATH (posix/systemProgram.ts). */
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
  /** When programs asked to close have had their time; unset, the fixed GRACEFUL_WAIT_MS. */
  closeGrace?: CloseGrace;
  /** Windows: the app window's handle when a step asks UAC (main's window; null from the CLI). */
  ownerWindow?: () => string | null;
}

const DEFAULT_MAX_SCAN_AGE_MS = 30 * 60_000;
/** Plans shown but not run are forgotten past this many: a plan is run soon after it is shown, or not at all. */
const KEEP_PLANS = 16;

/** A plan main built and showed: run only as this object, once. */
interface ShownPlan {
  recipe: Recipe;
  /** What the journal gets of it. */
  facts: PlanFacts;
  /** A recorded run built again for Resume: it goes on from its journal. */
  resumes: boolean;
}

/** A fix whose checks passed in this session: "Run my install again" is built from it. */
type CheckedRun = Omit<RerunBasis, 'pipSourceArgs'>;

interface ActiveRun {
  runId: string;
  controller: AbortController;
  consents: Map<string, (agreed: boolean) => void>;
}

/**
 * What main's IPC handlers call: plans from the latest scan, runs by plan id
 * (exactly the plan the user saw, once), cancel, consent, undo, and what the
 * journal says on start. One action runs at a time: two pip runs or an
 * install beside a close would get in each other's way. Resume and Undo
 * never run what the journal says: they build the plan again with the
 * remedies' own builders from its facts and a fresh scan, show it, and run
 * that same object (DESIGN.md rule 10).
 */
export class ActionService {
  readonly journal: ActionJournal;
  private latest: FreshScan | null = null;
  private readonly plans = new Map<string, ShownPlan>();
  private readonly pickedFolders = new Map<string, string>();
  private active: ActiveRun | null = null;
  private readonly checkedRuns = new Map<string, CheckedRun>();
  /** The runs started in this session, oldest first: what the report says Pip Doctor changed. */
  private readonly sessionRuns: string[] = [];

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
        msg(refusals.notLatestScan),
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
      recorded: null,
    });
    const recorded = recordedRequest(request, (id) => this.pickedFolders.get(id) ?? null);
    this.remember({ recipe, facts: factsOf(recipe, recorded), resumes: false });
    return recipe.plan;
  }

  /** Runs the plan with this id, exactly as shown; progress goes to onProgress. */
  async run(planId: string): Promise<ActionOutcome> {
    const shown = this.plans.get(planId);
    if (!shown) {
      throw new UserFacingError(msg(refusals.unknownPlan), `unknown plan ${planId}`);
    }
    if (shown.resumes) return this.resume(planId);
    const { recipe } = shown;
    this.refuseWhileBusy();
    this.refuseForeign(recipe);
    if (recipe.plan.undoOf === null) this.refuseStale(recipe);
    if (recipe.plan.steps.length === 0) {
      throw new UserFacingError(msg(refusals.nothingToRun), 'plan without steps');
    }
    await precheckRecipe(recipe);
    // A plan runs once: a second click must not install twice or close a reused pid.
    this.plans.delete(planId);
    return this.execute(shown, null);
  }

  /**
   * The plan Resume would run: the interrupted action built again by its
   * remedy's builder from the journal's facts and the latest scan, refused
   * when those facts no longer hold. Shown, then run by resume(runId).
   */
  async planResume(runId: string): Promise<ActionPlan> {
    const pending = (await this.pendingActions()).find((entry) => entry.runId === runId);
    if (!pending || !pending.choices.includes('resume')) {
      throw new UserFacingError(msg(refusals.nothingToContinue), `run ${runId} is not pending`);
    }
    const histories = await this.journal.histories();
    const history = histories.get(runId)!;
    const facts = this.verifiableFacts(history);
    const scan = freshScanFor(this.latest, this.now(), this.maxScanAgeMs);
    refuseOld(facts, this.now());
    refuseGone(facts, scan);
    let recipe: Recipe;
    if (facts.undoOf === null) {
      const os = osTraits(scan.diagnosis.platform);
      recipe = await buildRecipe(
        rebuildContext(
          {
            runId,
            runFolder: this.journal.runFolder(runId),
            os,
            local: true,
            projectDir: this.options.projectDir,
            homeDir: this.options.homeDir,
            env: this.options.env,
            elevation: await this.elevationFacts(scan.diagnosis),
            pipSourceArgs: this.options.pipSourceArgs ?? [],
            userSid: scan.diagnosis.user.sid,
            probe: this.options.probe,
            selfPid: this.selfPid,
          },
          facts,
          scan,
        ),
      );
    } else {
      const original = histories.get(facts.undoOf);
      if (!original) {
        throw new UserFacingError(msg(refusals.unknownUndone), `no run ${facts.undoOf}`);
      }
      recipe = await undoRecipe(original, await this.undoContext(runId, original, scan));
    }
    refuseDiffering(facts, recipe);
    const finished = stepsOf(history)
      .filter((step) => isFinished(history, step.id))
      .map((step) => step.id);
    await precheckRecipe(recipe, new Set(finished));
    this.remember({ recipe, facts, resumes: true });
    return recipe.plan;
  }

  /** Goes on with an interrupted action: exactly the plan planResume built and showed, once. */
  async resume(runId: string): Promise<ActionOutcome> {
    const shown = this.plans.get(runId);
    if (!shown?.resumes) {
      throw new UserFacingError(msg(refusals.resumeNotShown), `no resume plan shown for ${runId}`);
    }
    const history = await this.journal.history(runId);
    if (history === null) {
      throw new UserFacingError(
        msg(refusals.nothingToContinue),
        `run ${runId} is not in the journal`,
      );
    }
    this.refuseWhileBusy();
    this.refuseForeign(shown.recipe);
    this.plans.delete(runId);
    return this.execute(shown, history);
  }

  /** The plan that would undo an action, to be shown and then run by its id like any plan. */
  async planUndo(runId: string): Promise<ActionPlan> {
    const histories = await this.journal.histories();
    const history = histories.get(runId);
    if (!history || (history.facts !== null && history.facts.undoOf !== null)) {
      throw new UserFacingError(msg(refusals.nothingToUndo), `no run ${runId}`);
    }
    if (isUndone(history, histories))
      throw new UserFacingError(msg(refusals.undoneAlready), `run ${runId} undone`);
    const facts = this.verifiableFacts(history);
    const scan = freshScanFor(this.latest, this.now(), this.maxScanAgeMs);
    // An old action may still be undone; its Python must still be there.
    refuseGone(facts, scan);
    const undoRunId = newRunId();
    const recipe = await undoRecipe(history, await this.undoContext(undoRunId, history, scan));
    this.remember({ recipe, facts: factsOf(recipe, facts.request), resumes: false });
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
      .filter((run) => run.facts?.undoOf === null)
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
      .slice(0, limit)
      .map((run) => {
        const undone = isUndone(run, histories);
        return {
          runId: run.runId,
          plan: recordedPlan(run.runId, run.facts),
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
      throw new UserFacingError(msg(refusals.unknownAction), `no run ${runId}`);
    }
    await this.journal.append({ type: 'resolved', runId });
  }

  /**
   * What "Run my install again" is built from: a fix of this session that
   * ran to the end and whose checks passed. Only main's own record counts,
   * never the journal file (any program of the user may rewrite it).
   */
  rerunBasis(runId: string): RerunBasis {
    const checked = this.checkedRuns.get(runId);
    if (!checked) {
      throw new UserFacingError(
        msg(refusals.rerunNeedsCheckedFix),
        `run ${runId} is not a checked fix of this session`,
      );
    }
    return { ...checked, pipSourceArgs: this.options.pipSourceArgs ?? [] };
  }

  /**
   * Runs other work that uses pip (the user's install again) as the one
   * thing running: refused while a fix runs, and no fix starts meanwhile.
   * cancel(id) stops it like a fix.
   */
  runAside<T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.refuseWhileBusy();
    const active: ActiveRun = { runId: id, controller: new AbortController(), consents: new Map() };
    this.active = active;
    return work(active.controller.signal).finally(() => {
      if (this.active === active) this.active = null;
    });
  }

  /** What this session's runs changed, oldest first, as the journal records it. */
  async changesThisSession(): Promise<ChangeSummary[]> {
    const histories = await this.journal.histories();
    const runs = this.sessionRuns.flatMap((runId) => histories.get(runId) ?? []);
    return sessionChanges(runs, histories);
  }

  private async execute(shown: ShownPlan, history: RunHistory | null): Promise<ActionOutcome> {
    const { recipe } = shown;
    const active: ActiveRun = {
      runId: recipe.plan.id,
      controller: new AbortController(),
      consents: new Map(),
    };
    this.active = active;
    // run() and resume() refused a stale plan: the latest scan is the one this fix is for.
    const scanned = this.latest?.diagnosis ?? null;
    if (!this.sessionRuns.includes(recipe.plan.id)) this.sessionRuns.push(recipe.plan.id);
    try {
      const outcome = await runRecipe(
        recipe,
        shown.facts,
        history,
        {
          journal: this.journal,
          probe: this.options.probe,
          env: this.options.env,
          selfPid: this.selfPid,
          closeGrace: this.options.closeGrace,
          emit: (progress) => this.options.onProgress(progress),
          waitForConsent: (runId, stepId, question, items, command) =>
            this.waitForConsent(active, runId, stepId, question, items, command),
        },
        active.controller.signal,
      );
      if (outcome.status === 'succeeded' && outcome.verification.ok === true && scanned) {
        this.checkedRuns.set(recipe.plan.id, {
          recipe,
          scanned,
          plannedPackage: shown.facts.request.packageName,
        });
      }
      return outcome;
    } finally {
      this.active = null;
    }
  }

  private waitForConsent(
    active: ActiveRun,
    runId: string,
    stepId: string,
    question: Message,
    items: Message[],
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
      throw new UserFacingError(msg(refusals.busy), `busy with ${this.active.runId}`);
    }
  }

  private refuseForeign(recipe: { platform: Recipe['platform'] }): void {
    if (recipe.platform !== this.options.probe.platform) {
      throw new UserFacingError(
        msg(refusals.foreignPlan),
        `plan for ${recipe.platform} on ${this.options.probe.platform}`,
      );
    }
  }

  /** The run's facts, refused in plain words when an older app wrote commands instead. */
  private verifiableFacts(run: RunHistory): PlanFacts {
    if (run.facts === null) {
      throw new UserFacingError(
        msg(refusals.legacyRecord),
        `run ${run.runId} has a legacy planned line`,
      );
    }
    this.refuseForeign(run.facts);
    return run.facts;
  }

  private async undoContext(
    undoRunId: string,
    original: RunHistory,
    scan: FreshScan,
  ): Promise<UndoContext> {
    return {
      runId: undoRunId,
      runFolder: this.journal.runFolder(undoRunId),
      originalRunFolder: this.journal.runFolder(original.runId),
      elevation: await this.elevationFacts(scan.diagnosis),
      env: this.options.env,
      signal: new AbortController().signal,
      scan: scanFactsFor(original, scan, this.options),
    };
  }

  private get maxScanAgeMs(): number {
    return this.options.maxScanAgeMs ?? DEFAULT_MAX_SCAN_AGE_MS;
  }

  private refuseStale(recipe: Recipe): void {
    if (this.latest?.scanId !== recipe.plan.scanId) {
      throw new UserFacingError(
        msg(refusals.staleScan),
        `plan scan ${recipe.plan.scanId}, latest ${this.latest?.scanId ?? 'none'}`,
      );
    }
    const age = this.now().getTime() - Date.parse(recipe.scannedAt);
    const maxAge = this.maxScanAgeMs;
    if (!(age <= maxAge)) {
      throw new UserFacingError(
        msg(refusals.oldScan, { minutes: Math.round(age / 60_000) }),
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
      ...this.pkexec(platform),
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

  /** pkexec from the system's own folders, never from PATH, and only if only root can change it. */
  private pkexec(platform: Platform): Pick<ElevationFacts, 'pkexecPath' | 'pkexecProblem'> {
    if (osTraits(platform).elevation !== 'pkexec') return { pkexecPath: null };
    const pkexec = systemProgram('pkexec', this.options.posixSystemRoot);
    if (pkexec.kind === 'found') return { pkexecPath: pkexec.path };
    return pkexec.kind === 'missing'
      ? { pkexecPath: null }
      : {
          pkexecPath: null,
          pkexecProblem: { path: pkexec.path, reason: pkexec.reason },
        };
  }

  private remember(shown: ShownPlan): void {
    this.plans.set(shown.recipe.plan.id, shown);
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
