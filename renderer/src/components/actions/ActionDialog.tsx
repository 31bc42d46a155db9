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
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
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
  // "Close 1 program" is read at a glance: a longer Cancel beside it (German, Russian) must not
  // break it over two lines at 200 % zoom, as the pseudo-locale showed.
  primary: { whiteSpace: 'nowrap', flexShrink: 0 },
});

const words = defineMessages({
  undoTitle: {
    id: 'ui.actionDialog.undoTitle',
    defaultMessage: 'Undo a fix',
    description: 'Title of the dialog that plans taking back a fix Pip Doctor made',
  },
  resumeTitle: {
    id: 'ui.actionDialog.resumeTitle',
    defaultMessage: 'Resume a fix that did not finish',
    description: 'Title of the dialog that plans going on with a fix that was interrupted',
  },
  notStarted: {
    id: 'ui.actionDialog.notStarted',
    defaultMessage: 'The fix did not start',
    description: 'Title of a red bar: the fix could not be started; the reason follows',
  },
  planning: {
    id: 'ui.actionDialog.planning',
    defaultMessage: 'Making the plan…',
    description: 'Beside a spinner while Pip Doctor works out the steps of a fix',
  },
  noPlan: {
    id: 'ui.actionDialog.noPlan',
    defaultMessage: 'Pip Doctor cannot make this plan',
    description:
      'Title of a red bar: the steps of the fix could not be worked out; the reason follows',
  },
  cancelling: {
    id: 'ui.actionDialog.cancelling',
    defaultMessage: 'Cancelling…',
    description: 'The Cancel button while a running fix is being stopped',
  },
  cancel: {
    id: 'ui.actionDialog.cancel',
    defaultMessage: 'Cancel',
    description:
      'Button: stops the running fix, or closes the dialog before anything ran (Windows wording)',
  },
  undo: {
    id: 'ui.actionDialog.undo',
    defaultMessage: 'Undo',
    description: 'Button: plans taking back the fix that just ran (Windows wording)',
  },
  checkAgain: {
    id: 'ui.actionDialog.checkAgain',
    defaultMessage: 'Check again',
    description: 'Button: scans the computer again after a fix',
  },
  close: {
    id: 'ui.actionDialog.close',
    defaultMessage: 'Close',
    description: 'Button: closes the dialog',
  },
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
  const intl = useIntl();
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
            <DialogTitle>{dialogTitle(intl, session, text)}</DialogTitle>
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

function dialogTitle(
  intl: IntlShape,
  session: ActionSession,
  text: (message: Message) => string,
): string {
  switch (session.origin.kind) {
    case 'remedy':
      return text(session.origin.title);
    case 'undo':
      return intl.formatMessage(words.undoTitle);
    case 'resume':
      return intl.formatMessage(words.resumeTitle);
  }
}

function SessionContent({ session }: { session: ActionSession }) {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const { origin, plan, run } = session;
  if (run !== null && plan.status === 'ready') {
    switch (run.status) {
      case 'running':
        return <RunProgress plan={plan.plan} run={run} />;
      case 'finished':
        return <FinishedRun session={session} plan={plan.plan} outcome={run.outcome} />;
      case 'failed':
        return <ProblemMessage title={intl.formatMessage(words.notStarted)} error={run.error} />;
    }
  }
  return (
    <>
      {origin.kind === 'remedy' && <PlanChoicesForm origin={origin} choices={session.choices} />}
      {plan.status === 'loading' && (
        <Spinner size="tiny" labelPosition="after" label={intl.formatMessage(words.planning)} />
      )}
      {plan.status === 'incomplete' && <p className={styles.quiet}>{text(plan.reason)}</p>}
      {plan.status === 'failed' && (
        <ProblemMessage title={intl.formatMessage(words.noPlan)} error={plan.error} />
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
  const text = useText();
  const runPlan = useAppStore((state) => state.runPlan);
  const cancelAction = useAppStore((state) => state.cancelAction);
  const planUndo = useAppStore((state) => state.planUndo);
  const closeActionSession = useAppStore((state) => state.closeActionSession);
  const checkAgain = useCheckAgain();
  const intl = useIntl();
  const styles = useStyles();
  const { run, plan } = session;

  if (run?.status === 'running') {
    return (
      <Button disabled={run.cancelling} onClick={() => void cancelAction()}>
        {intl.formatMessage(run.cancelling ? words.cancelling : words.cancel)}
      </Button>
    );
  }
  if (run?.status === 'finished') {
    const { outcome } = run;
    const undo = outcome.undoAvailable && session.origin.kind !== 'undo' && (
      <Button onClick={() => void planUndo(run.runId)}>{intl.formatMessage(words.undo)}</Button>
    );
    // After a fix that worked, the next thing is the user's own install: the one primary button.
    const againFor = installAgainRunId(session);
    if (againFor !== null) return <InstallAgainButtons runId={againFor} secondary={undo} />;
    return (
      <>
        {undo}
        {checkAgain && <Button onClick={checkAgain}>{intl.formatMessage(words.checkAgain)}</Button>}
        <Button appearance="primary" onClick={closeActionSession}>
          {intl.formatMessage(words.close)}
        </Button>
      </>
    );
  }
  if (run?.status === 'failed') {
    return (
      <Button appearance="primary" onClick={closeActionSession}>
        {intl.formatMessage(words.close)}
      </Button>
    );
  }
  return (
    <>
      <Button
        appearance="primary"
        className={styles.primary}
        disabled={plan.status !== 'ready'}
        onClick={() => void runPlan()}
      >
        {text(runButtonLabel(session))}
      </Button>
      <Button onClick={closeActionSession}>{intl.formatMessage(words.cancel)}</Button>
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
