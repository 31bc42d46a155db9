import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ActionOutcome, ActionPlan } from '../../../../electron/shared/contract';
import type { Message } from '../../../../electron/shared/i18n/message';
import { useText } from '../../i18n/useText';
import type { ActionSession } from '../../state/actionSession';
import { useAppStore } from '../../state/store';
import { runButtonLabel } from '../../wording/actionWords';
import { ActionOutcomeView } from './ActionOutcomeView';
import { InstallAgain, InstallAgainButtons, installAgainRunId } from './InstallAgain';
import { PlanChoicesForm } from './PlanChoicesForm';
import { PlanDetails } from './PlanDetails';
import { RunProgress } from './RunProgress';
import { ProblemMessage } from './ProblemMessage';
import { useReturnFocus } from './useReturnFocus';

const useStyles = makeStyles({
  // Commands and paths are long: wider than Fluent's default 600px, still inside the window.
  // At 200 % zoom the window is 400 CSS px high: the body scrolls inside the dialog, and the
  // title and the buttons stay on screen, so "Do it" is never seen without its plan.
  surface: {
    maxWidth: 'min(760px, calc(100vw - 48px))',
    maxHeight: 'calc(100dvh - 24px)',
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
  },
  body: { maxHeight: '100%', minHeight: 0, gridTemplateRows: 'auto minmax(0, 1fr) auto' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minHeight: 0,
    overflowY: 'auto',
    // Where the plan scrolls on under the buttons, a line says there is more.
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  quiet: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * One fix from plan to outcome, in a modal dialog: focus moves in when it
 * opens and back to the button that opened it when it closes. While the
 * fix runs the dialog cannot be dismissed, only the run cancelled.
 */
export function ActionDialog() {
  const styles = useStyles();
  const session = useAppStore((state) => state.actionSession);
  const closeActionSession = useAppStore((state) => state.closeActionSession);
  const text = useText();
  useReturnFocus(session !== null);
  return (
    <Dialog
      open={session !== null}
      // Escape and the backdrop ask to close; while a fix runs, closeActionSession says no.
      onOpenChange={(_, data) => {
        if (!data.open) closeActionSession();
      }}
    >
      <DialogSurface className={styles.surface}>
        {session !== null && (
          <DialogBody className={styles.body}>
            <DialogTitle>{dialogTitle(session, text)}</DialogTitle>
            <DialogContent className={styles.content}>
              <SessionContent session={session} />
            </DialogContent>
            <DialogActions>
              <SessionButtons session={session} />
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}

function dialogTitle(session: ActionSession, text: (message: Message) => string): string {
  switch (session.origin.kind) {
    case 'remedy':
      return text(session.origin.title);
    case 'undo':
      return 'Undo a fix';
    case 'resume':
      return 'Resume a fix that did not finish';
  }
}

function SessionContent({ session }: { session: ActionSession }) {
  const styles = useStyles();
  const { origin, plan, run } = session;
  if (run !== null && plan.status === 'ready') {
    switch (run.status) {
      case 'running':
        return <RunProgress plan={plan.plan} run={run} />;
      case 'finished':
        return <FinishedRun session={session} plan={plan.plan} outcome={run.outcome} />;
      case 'failed':
        return <ProblemMessage title="The fix did not start" error={run.error} />;
    }
  }
  return (
    <>
      {origin.kind === 'remedy' && <PlanChoicesForm origin={origin} choices={session.choices} />}
      {plan.status === 'loading' && (
        <Spinner size="tiny" labelPosition="after" label="Making the plan…" />
      )}
      {plan.status === 'incomplete' && <p className={styles.quiet}>{plan.reason}</p>}
      {plan.status === 'failed' && (
        <ProblemMessage title="Pip Doctor cannot make this plan" error={plan.error} />
      )}
      {plan.status === 'ready' && <PlanDetails plan={plan.plan} />}
    </>
  );
}

/**
 * A finished fix, and after one that worked, the user's install again: below
 * the fix while it is offered, above it once it ran (the newest news
 * first). Keyed, so moving them keeps them mounted and focus where it is.
 */
function FinishedRun({
  session,
  plan,
  outcome,
}: {
  session: ActionSession;
  plan: ActionPlan;
  outcome: ActionOutcome;
}) {
  const againFor = installAgainRunId(session);
  const ranAgain = useAppStore((state) => againFor !== null && state.rerun?.runId === againFor);
  const fix = (
    <ActionOutcomeView
      key="fix"
      plan={plan}
      outcome={outcome}
      nextAfter={session.origin.kind === 'remedy' ? session.origin.remedy : null}
    />
  );
  if (againFor === null) return fix;
  const again = <InstallAgain key="again" runId={againFor} />;
  return <>{ranAgain ? [again, fix] : [fix, again]}</>;
}

function SessionButtons({ session }: { session: ActionSession }) {
  const runPlan = useAppStore((state) => state.runPlan);
  const cancelAction = useAppStore((state) => state.cancelAction);
  const planUndo = useAppStore((state) => state.planUndo);
  const closeActionSession = useAppStore((state) => state.closeActionSession);
  const checkAgain = useCheckAgain();
  const text = useText();
  const { run, plan } = session;

  if (run?.status === 'running') {
    return (
      <Button disabled={run.cancelling} onClick={() => void cancelAction()}>
        {run.cancelling ? 'Cancelling…' : 'Cancel'}
      </Button>
    );
  }
  if (run?.status === 'finished') {
    const { outcome } = run;
    const undo = outcome.undoAvailable && session.origin.kind !== 'undo' && (
      <Button onClick={() => void planUndo(run.runId)}>Undo</Button>
    );
    // After a fix that worked, the next thing is the user's own install: the one primary button.
    const againFor = installAgainRunId(session);
    if (againFor !== null) return <InstallAgainButtons runId={againFor} secondary={undo} />;
    return (
      <>
        {undo}
        {checkAgain && <Button onClick={checkAgain}>Check again</Button>}
        <Button appearance="primary" onClick={closeActionSession}>
          Close
        </Button>
      </>
    );
  }
  if (run?.status === 'failed') {
    return (
      <Button appearance="primary" onClick={closeActionSession}>
        Close
      </Button>
    );
  }
  return (
    <>
      <Button
        appearance="primary"
        disabled={plan.status !== 'ready'}
        onClick={() => void runPlan()}
      >
        {runButtonLabel(session, text)}
      </Button>
      <Button onClick={closeActionSession}>Cancel</Button>
    </>
  );
}

/** A new scan (with the same error) after a fix: the machine changed, and so may the cause. */
function useCheckAgain(): (() => void) | null {
  const withLog = useAppStore((state) => state.scan.withLog);
  const hasScan = useAppStore((state) => state.scan.diagnosis !== null);
  const startScan = useAppStore((state) => state.startScan);
  const goTo = useAppStore((state) => state.goTo);
  const closeActionSession = useAppStore((state) => state.closeActionSession);
  if (!hasScan) return null;
  return () => {
    closeActionSession();
    void startScan({ withLog });
    goTo('scan');
  };
}
