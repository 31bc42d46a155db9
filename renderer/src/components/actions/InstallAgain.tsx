import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ActionSession } from '../../state/actionSession';
import type { RerunState } from '../../state/rerunSlice';
import { useAppStore } from '../../state/store';
import { CommandLine } from '../CommandLine';
import { ScreenReaderStatus } from '../ScreenReaderStatus';
import { ProblemMessage } from './ProblemMessage';
import { useFocusOnMount } from './useFocusOnMount';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  text: { margin: 0, overflowWrap: 'anywhere' },
  output: {
    margin: 0,
    maxHeight: '220px',
    overflow: 'auto',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  title: { display: 'block', ':focus': { outline: 'none' } },
  // The next step's name is read at a glance: never broken over two lines.
  primary: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** The fix's run whose install may be run again: finished, checked, and not an undo. */
export function installAgainRunId(session: ActionSession): string | null {
  const { run, origin } = session;
  if (origin.kind === 'undo' || run?.status !== 'finished') return null;
  const { outcome } = run;
  return outcome.status === 'succeeded' && outcome.verification.ok === true ? run.runId : null;
}

/** The install again for this fix, or null before it was asked for. */
function useRerunOf(runId: string): RerunState | null {
  const rerun = useAppStore((state) => state.rerun);
  return rerun?.runId === runId ? rerun : null;
}

/**
 * After a fix that worked: the user's own install, run by the app the way
 * that now works, with pip's output as it comes, then its result: the end,
 * or the new error to check.
 */
export function InstallAgain({ runId }: { runId: string }) {
  const rerun = useRerunOf(runId);
  if (rerun === null) return <Offer runId={runId} />;
  switch (rerun.status) {
    case 'starting':
      return <Spinner size="tiny" labelPosition="after" label="Starting your install…" />;
    case 'running':
      return (
        <Running title={rerun.cancelling ? 'Stopping your install…' : 'Running your install…'}>
          <CommandLine command={rerun.started.commandLine} />
          <PipOutput text={rerun.output} />
        </Running>
      );
    case 'finished':
      return <Finished rerun={rerun} />;
    case 'failed':
      return <ProblemMessage title="Your install did not start" error={rerun.error} />;
  }
}

/** What would run, exactly, before the user starts it. */
function Offer({ runId }: { runId: string }) {
  const styles = useStyles();
  const text = useText();
  const shown = useAppStore((state) => state.rerunPlan);
  const load = useAppStore((state) => state.loadInstallAgainPlan);
  useEffect(() => void load(runId), [load, runId]);
  const plan = shown?.runId === runId ? shown : null;
  return (
    <section className={styles.section}>
      <h3 className={styles.heading}>Next: run your install again</h3>
      {plan?.status === 'ready' ? (
        <>
          <p className={styles.text}>
            Pip Doctor can run your install of {plan.plan.packageName} now, {text(plan.plan.where)},
            and show you what pip prints. It runs:
          </p>
          <CommandLine command={plan.plan.commandLine} />
        </>
      ) : plan?.status === 'failed' ? (
        <p className={styles.text}>{text(plan.error.message)}</p>
      ) : (
        <Spinner size="tiny" labelPosition="after" label="Working out your install…" />
      )}
    </section>
  );
}

function Running({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className={styles.section}>
      <h3 ref={heading} tabIndex={-1} className={styles.heading}>
        {title}
      </h3>
      {children}
      <ScreenReaderStatus message={title} />
    </section>
  );
}

/** pip's output, kept scrolled to its newest line while it grows. */
function PipOutput({ text }: { text: string }) {
  const styles = useStyles();
  const box = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [text]);
  return (
    // A log region: screen readers may follow it; focusable because it scrolls.
    <pre ref={box} role="log" aria-label="What pip prints" tabIndex={0} className={styles.output}>
      {text === '' ? 'Waiting for pip…' : text}
    </pre>
  );
}

const HEADLINES = {
  succeeded: { title: 'Your install worked', intent: 'success' },
  failed: { title: 'Your install still fails', intent: 'error' },
  cancelled: { title: 'You stopped your install', intent: 'info' },
} as const;

function Finished({ rerun }: { rerun: Extract<RerunState, { status: 'finished' }> }) {
  const styles = useStyles();
  const heading = useFocusOnMount<HTMLSpanElement>();
  const text = useText();
  const { title, intent } = HEADLINES[rerun.outcome.status];
  const summary = text(rerun.outcome.summary);
  return (
    <section className={styles.section}>
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle ref={heading} tabIndex={-1} className={styles.title}>
            {title}
          </MessageBarTitle>
          {summary}
        </MessageBarBody>
      </MessageBar>
      <CommandLine command={rerun.outcome.commandLine} />
      <PipOutput text={rerun.output || rerun.outcome.output} />
      <ScreenReaderStatus message={`${title}. ${summary}`} />
    </section>
  );
}

/**
 * The dialog's buttons once a fix worked: one primary at a time, the next
 * thing to do. Run my install again; while it runs, Cancel; when it
 * worked, Done (the report); when it failed, Check the new error.
 */
export function InstallAgainButtons({ runId, secondary }: { runId: string; secondary: ReactNode }) {
  const rerun = useRerunOf(runId);
  const runInstallAgain = useAppStore((state) => state.runInstallAgain);
  const cancelInstallAgain = useAppStore((state) => state.cancelInstallAgain);
  const checkNewError = useAppStore((state) => state.checkNewError);
  const finish = useAppStore((state) => state.finish);
  const closeActionSession = useAppStore((state) => state.closeActionSession);
  const planFailed = useAppStore(
    (state) => state.rerunPlan?.runId === runId && state.rerunPlan.status === 'failed',
  );
  const styles = useStyles();
  if (rerun?.status === 'starting' || rerun?.status === 'running') {
    const cancelling = rerun.status === 'running' && rerun.cancelling;
    return (
      <Button
        disabled={rerun.status === 'starting' || cancelling}
        onClick={() => void cancelInstallAgain()}
      >
        {cancelling ? 'Stopping…' : 'Stop the install'}
      </Button>
    );
  }
  if (rerun?.status === 'finished' && rerun.outcome.status === 'succeeded') {
    return (
      <Button appearance="primary" onClick={finish}>
        Done
      </Button>
    );
  }
  if (rerun?.status === 'finished' && rerun.outcome.status === 'failed') {
    return (
      <>
        <Button appearance="primary" onClick={checkNewError}>
          Check the new error
        </Button>
        <Button onClick={closeActionSession}>Close</Button>
      </>
    );
  }
  // Nothing to run (the log names no package): the dialog ends as any other.
  if (rerun === null && planFailed) {
    return (
      <>
        {secondary}
        <Button appearance="primary" onClick={closeActionSession}>
          Close
        </Button>
      </>
    );
  }
  return (
    <>
      <Button
        appearance="primary"
        className={styles.primary}
        onClick={() => void runInstallAgain(runId)}
      >
        Run my install again
      </Button>
      {secondary}
      <Button onClick={closeActionSession}>Close</Button>
    </>
  );
}
