import type { StateCreator } from 'zustand';
import type {
  ActionOutcome,
  ActionPlan,
  PendingAction,
  Reply,
} from '../../../electron/shared/contract';
import type { Recommendation } from '../../../electron/shared/model/diagnosis';
import { invoke, onActionProgress } from '../bridge/pipDoctorBridge';
import type { ActionSession, PlanChoices, PlanState } from './actionSession';
import { applyActionProgress, startedRun } from './actionSession';
import type { AppState } from './appState';
import { scanIsStale } from './staleScan';
import { loggedPackage, planRequestFor } from './planChoices';

export interface ActionSlice {
  /** The fix the dialog shows; null when the dialog is closed. */
  actionSession: ActionSession | null;
  /** Opens the dialog on a remedy of the latest scan and asks main for its plan. */
  openRemedy(fix: Recommendation): Promise<void>;
  setPackageName(name: string): void;
  chooseVenvFolder(): Promise<void>;
  useProjectFolder(): void;
  /** Ticks or unticks one program: all the pids of its group at once. */
  setHolderTicked(pids: readonly number[], ticked: boolean): void;
  /** Runs the plan on screen, exactly as shown. */
  runPlan(): Promise<void>;
  answerConsent(agreed: boolean): Promise<void>;
  cancelAction(): Promise<void>;
  /** Opens the dialog on main's plan for undoing that run. */
  planUndo(runId: string): Promise<void>;
  /** Opens the dialog on main's rebuilt plan for an action the journal says did not finish. */
  resumeAction(pending: PendingAction): Promise<void>;
  /** Closes the dialog; a running action cannot be closed, only cancelled. */
  closeActionSession(): void;
}

/** Typing a package name remakes the plan once the typing pauses. */
const REPLAN_DELAY_MS = 300;

export const createActionSlice: StateCreator<AppState, [], [], ActionSlice> = (set, get) => {
  let sessions = 0;
  // Replies can come back out of order; only the latest plan request may set the plan.
  let latestPlanRequest = 0;
  let replanTimer: ReturnType<typeof setTimeout> | undefined;
  let stopListening: (() => void) | null = null;

  const patchSession = (id: number, patch: Partial<ActionSession>) => {
    const current = get().actionSession;
    if (current?.id === id) set({ actionSession: { ...current, ...patch } });
  };
  const openSession = (origin: ActionSession['origin'], plan: PlanState): number => {
    clearTimeout(replanTimer);
    const diagnosis = get().scan.diagnosis;
    const choices: PlanChoices = {
      packageName: diagnosis ? loggedPackage(diagnosis) : '',
      folder: null,
      holders: null,
      unticked: [],
    };
    const id = ++sessions;
    set({ actionSession: { id, origin, choices, plan, run: null } });
    return id;
  };

  const requestPlan = async () => {
    const session = get().actionSession;
    const scanId = get().scan.scanId;
    if (!session || session.origin.kind !== 'remedy' || session.run !== null || !scanId) return;
    const request = ++latestPlanRequest;
    const ask = planRequestFor(scanId, session.origin, session.choices);
    if (!ask.ok)
      return patchSession(session.id, { plan: { status: 'incomplete', reason: ask.reason } });
    patchSession(session.id, { plan: { status: 'loading' } });
    const reply = await invoke('action:plan', ask.request);
    if (request !== latestPlanRequest) return;
    patchSession(session.id, { plan: planStateOf(reply) });
  };
  const replanSoon = () => {
    const session = get().actionSession;
    if (!session) return;
    // The plan on screen no longer matches the choices: it must not be run.
    patchSession(session.id, { plan: { status: 'loading' } });
    clearTimeout(replanTimer);
    replanTimer = setTimeout(() => void requestPlan(), REPLAN_DELAY_MS);
  };
  const changeChoices = (patch: Partial<PlanChoices>, when: 'now' | 'soon') => {
    const session = get().actionSession;
    if (!session || session.run !== null) return;
    patchSession(session.id, { choices: { ...session.choices, ...patch } });
    if (when === 'soon') replanSoon();
    else void requestPlan();
  };

  /** Streams the run's progress into the session until main gives its outcome. */
  const follow = async (
    id: number,
    plan: ActionPlan,
    start: () => Promise<Reply<unknown>>,
    doneAlready: readonly string[],
  ) => {
    stopListening?.();
    patchSession(id, { run: startedRun(plan, doneAlready) });
    const unsubscribe = onActionProgress((event) => {
      const session = get().actionSession;
      if (session?.id !== id || session.run === null) return;
      set({ actionSession: { ...session, run: applyActionProgress(session.run, event) } });
    });
    stopListening = unsubscribe;
    const started = await start();
    const result: Reply<ActionOutcome> = started.ok
      ? await invoke('action:result', { runId: plan.id })
      : started;
    unsubscribe();
    if (stopListening === unsubscribe) stopListening = null;
    patchSession(id, {
      run: result.ok
        ? { status: 'finished', runId: plan.id, outcome: result.value }
        : { status: 'failed', runId: plan.id, error: result.error },
    });
    // A run that stopped half-way is in the journal's list now; one that finished left it.
    void get().loadPendingActions();
  };

  /**
   * Main checks the machine again before it builds a Resume or an Undo (the
   * journal holds facts to check, not commands). Right after the app
   * starts there is no scan yet: one is taken first, without a log.
   */
  const scanFirstIfNone = async (): Promise<Reply<unknown> | null> => {
    if (get().scan.scanId !== null) return null;
    const started = await invoke('scan:start', { logId: null });
    if (!started.ok) return started;
    const scanned = await invoke('scan:result', { scanId: started.value.scanId });
    return scanned.ok ? null : scanned;
  };

  const runningSession = () => {
    const session = get().actionSession;
    return session?.run?.status === 'running' ? { session, run: session.run } : null;
  };

  return {
    actionSession: null,

    openRemedy: async (fix) => {
      const scanId = get().scan.scanId;
      if (
        get().actionSession?.run?.status === 'running' ||
        fix.installId === null ||
        !scanId ||
        scanIsStale(get())
      )
        return;
      const origin = {
        kind: 'remedy',
        remedy: fix.id,
        installId: fix.installId,
        title: fix.title,
        packageUse: fix.action?.packageUse ?? 'none',
      } as const;
      // The programs to tick are there when the dialog opens, so focus can start on the first.
      const holders =
        fix.id === 'close-processes'
          ? await invoke('action:holders', { scanId, installId: fix.installId })
          : null;
      const id = openSession(origin, { status: 'loading' });
      if (holders !== null) {
        if (!holders.ok)
          return patchSession(id, { plan: { status: 'failed', error: holders.error } });
        const { choices } = get().actionSession!;
        patchSession(id, { choices: { ...choices, holders: holders.value.holders } });
      }
      await requestPlan();
    },

    setPackageName: (packageName) => changeChoices({ packageName }, 'soon'),
    useProjectFolder: () => changeChoices({ folder: null }, 'now'),
    setHolderTicked: (pids, ticked) => {
      const unticked = (get().actionSession?.choices.unticked ?? []).filter(
        (other) => !pids.includes(other),
      );
      changeChoices({ unticked: ticked ? unticked : [...unticked, ...pids] }, 'now');
    },
    chooseVenvFolder: async () => {
      const id = get().actionSession?.id;
      const reply = await invoke('folder:choose', {});
      if (get().actionSession?.id !== id) return;
      if (!reply.ok) return patchSession(id!, { plan: { status: 'failed', error: reply.error } });
      // Cancel in the dialog keeps the folder as it was.
      if (reply.value !== null) changeChoices({ folder: reply.value }, 'now');
    },

    runPlan: async () => {
      const session = get().actionSession;
      if (!session || session.plan.status !== 'ready' || session.run?.status === 'running') return;
      const plan = session.plan.plan;
      const { origin } = session;
      // A resume runs the plan main rebuilt and this dialog shows, from where the action stopped.
      if (origin.kind === 'resume') {
        const runId = origin.pending.runId;
        return follow(
          session.id,
          plan,
          () => invoke('action:resume', { runId }),
          origin.pending.completedSteps,
        );
      }
      await follow(session.id, plan, () => invoke('action:run', { planId: plan.id }), []);
    },

    answerConsent: async (agreed) => {
      const running = runningSession();
      if (!running?.run.consent) return;
      const { stepId } = running.run.consent;
      patchSession(running.session.id, { run: { ...running.run, consent: null } });
      await invoke('action:consent', { runId: running.run.runId, stepId, agreed });
    },

    cancelAction: async () => {
      const running = runningSession();
      if (!running || running.run.cancelling) return;
      patchSession(running.session.id, { run: { ...running.run, cancelling: true } });
      await invoke('action:cancel', { runId: running.run.runId });
    },

    planUndo: async (runId) => {
      if (runningSession()) return;
      const id = openSession({ kind: 'undo', of: runId }, { status: 'loading' });
      const notScanned = await scanFirstIfNone();
      if (notScanned !== null && !notScanned.ok)
        return patchSession(id, { plan: { status: 'failed', error: notScanned.error } });
      patchSession(id, { plan: planStateOf(await invoke('action:undo', { runId })) });
    },

    resumeAction: async (pending) => {
      if (runningSession()) return;
      // The journal holds no commands: main builds the plan again from a fresh scan, and that is what is shown and run.
      const id = openSession({ kind: 'resume', pending }, { status: 'loading' });
      const notScanned = await scanFirstIfNone();
      if (notScanned !== null && !notScanned.ok)
        return patchSession(id, { plan: { status: 'failed', error: notScanned.error } });
      patchSession(id, {
        plan: planStateOf(await invoke('action:resume-plan', { runId: pending.runId })),
      });
    },

    closeActionSession: () => {
      // While the user's install runs again, the dialog stays: only Stop ends it.
      const rerun = get().rerun?.status;
      if (runningSession() || rerun === 'starting' || rerun === 'running') return;
      clearTimeout(replanTimer);
      set({ actionSession: null });
    },
  };
};

function planStateOf(reply: Reply<ActionPlan>): PlanState {
  return reply.ok
    ? { status: 'ready', plan: reply.value }
    : { status: 'failed', error: reply.error };
}
