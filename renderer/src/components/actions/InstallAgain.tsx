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
import { defineMessages, useIntl } from 'react-intl';
import type { NoMessageValues } from 'react-intl';
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

const words = defineMessages<{
  starting: NoMessageValues;
  running: NoMessageValues;
  stopping: NoMessageValues;
  notStarted: NoMessageValues;
  offerHeading: NoMessageValues;
  offer: { package: string; where: string };
  workingOut: NoMessageValues;
  pipPrints: NoMessageValues;
  waitingForPip: NoMessageValues;
  worked: NoMessageValues;
  stillFails: NoMessageValues;
  stopped: NoMessageValues;
  spoken: { title: string; summary: string };
  stoppingButton: NoMessageValues;
  stop: NoMessageValues;
  done: NoMessageValues;
  checkNewError: NoMessageValues;
  close: NoMessageValues;
  runAgain: NoMessageValues;
}>({
  starting: {
    id: 'ui.installAgain.starting',
    defaultMessage: 'Starting your install…',
    description: "Beside a spinner while the user's pip install is started again",
  },
  running: {
    id: 'ui.installAgain.running',
    defaultMessage: 'Running your install…',
    description: "Heading while the user's pip install runs again; pip's output follows",
  },
  stopping: {
    id: 'ui.installAgain.stopping',
    defaultMessage: 'Stopping your install…',
    description: "Heading while the user's pip install is being stopped",
  },
  notStarted: {
    id: 'ui.installAgain.notStarted',
    defaultMessage: 'Your install did not start',
    description:
      "Title of a red bar: the user's pip install could not be started; the reason follows",
  },
  offerHeading: {
    id: 'ui.installAgain.offerHeading',
    defaultMessage: 'Next: run your install again',
    description:
      "After a fix that worked: heading of the offer to run the user's pip install again",
  },
  offer: {
    id: 'ui.installAgain.offer',
    defaultMessage:
      'Pip Doctor can run your install of {package} now, {where}, and show you what pip prints. It runs:',
    description:
      'The offer to run the install again; {package} is a package name, {where} says where it installs (such as "in the virtual environment .venv"). The command follows',
  },
  workingOut: {
    id: 'ui.installAgain.workingOut',
    defaultMessage: 'Working out your install…',
    description: 'Beside a spinner while Pip Doctor works out which pip command to run again',
  },
  pipPrints: {
    id: 'ui.installAgain.pipPrints',
    defaultMessage: 'What pip prints',
    description: "Screen reader name of the box with pip's output",
  },
  waitingForPip: {
    id: 'ui.installAgain.waitingForPip',
    defaultMessage: 'Waiting for pip…',
    description: "In pip's output box before pip printed anything",
  },
  worked: {
    id: 'ui.installAgain.worked',
    defaultMessage: 'Your install worked',
    description: "Title of a green bar: the user's pip install ran again and succeeded",
  },
  stillFails: {
    id: 'ui.installAgain.stillFails',
    defaultMessage: 'Your install still fails',
    description: "Title of a red bar: the user's pip install ran again and failed",
  },
  stopped: {
    id: 'ui.installAgain.stopped',
    defaultMessage: 'You stopped your install',
    description: 'Title of a bar: the user stopped their pip install',
  },
  spoken: {
    id: 'ui.installAgain.spoken',
    defaultMessage: '{title}. {summary}',
    description:
      'Read out by screen readers when the install ends: {title} is the headline ("Your install worked"), {summary} the sentence under it',
  },
  stoppingButton: {
    id: 'ui.installAgain.stoppingButton',
    defaultMessage: 'Stopping…',
    description: 'The Stop button while the install is being stopped',
  },
  stop: {
    id: 'ui.installAgain.stop',
    defaultMessage: 'Stop the install',
    description: "Button: stops the user's pip install while it runs",
  },
  done: {
    id: 'ui.installAgain.done',
    defaultMessage: 'Done',
    description: 'Button after the install worked: goes on to the summary of what was done',
  },
  checkNewError: {
    id: 'ui.installAgain.checkNewError',
    defaultMessage: 'Check the new error',
    description: 'Button after the install failed again: reads its new error',
  },
  close: {
    id: 'ui.installAgain.close',
    defaultMessage: 'Close',
    description: 'Button: closes the dialog',
  },
  runAgain: {
    id: 'ui.installAgain.runAgain',
    defaultMessage: 'Run my install again',
    description: "Button: runs the user's pip install again now that the fix worked",
  },
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
  const intl = useIntl();
  if (rerun === null) return <Offer runId={runId} />;
  switch (rerun.status) {
    case 'starting':
      return (
        <Spinner size="tiny" labelPosition="after" label={intl.formatMessage(words.starting)} />
      );
    case 'running':
      return (
        <Running title={intl.formatMessage(rerun.cancelling ? words.stopping : words.running)}>
          <CommandLine command={rerun.started.commandLine} />
          <PipOutput text={rerun.output} />
        </Running>
      );
    case 'finished':
      return <Finished rerun={rerun} />;
    case 'failed':
      return <ProblemMessage title={intl.formatMessage(words.notStarted)} error={rerun.error} />;
  }
}

/** What would run, exactly, before the user starts it. */
function Offer({ runId }: { runId: string }) {
  const styles = useStyles();
  const text = useText();
  const shown = useAppStore((state) => state.rerunPlan);
  const load = useAppStore((state) => state.loadInstallAgainPlan);
  useEffect(() => void load(runId), [load, runId]);
  const intl = useIntl();
  const plan = shown?.runId === runId ? shown : null;
  return (
    <section className={styles.section}>
      <h3 className={styles.heading}>{intl.formatMessage(words.offerHeading)}</h3>
      {plan?.status === 'ready' ? (
        <>
          <p className={styles.text}>
            {intl.formatMessage(words.offer, {
              package: plan.plan.packageName,
              where: text(plan.plan.where),
            })}
          </p>
          <CommandLine command={plan.plan.commandLine} />
        </>
      ) : plan?.status === 'failed' ? (
        <p className={styles.text}>{text(plan.error.message)}</p>
      ) : (
        <Spinner size="tiny" labelPosition="after" label={intl.formatMessage(words.workingOut)} />
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
  const intl = useIntl();
  useEffect(() => {
    const element = box.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [text]);
  return (
    // A log region: screen readers may follow it; focusable because it scrolls.
    <pre
      ref={box}
      role="log"
      aria-label={intl.formatMessage(words.pipPrints)}
      tabIndex={0}
      className={styles.output}
    >
      {text === '' ? intl.formatMessage(words.waitingForPip) : text}
    </pre>
  );
}

const HEADLINES = {
  succeeded: { title: words.worked, intent: 'success' },
  failed: { title: words.stillFails, intent: 'error' },
  cancelled: { title: words.stopped, intent: 'info' },
} as const;

function Finished({ rerun }: { rerun: Extract<RerunState, { status: 'finished' }> }) {
  const styles = useStyles();
  const heading = useFocusOnMount<HTMLSpanElement>();
  const intl = useIntl();
  const text = useText();
  const headline = HEADLINES[rerun.outcome.status];
  const title = intl.formatMessage(headline.title);
  const summary = text(rerun.outcome.summary);
  return (
    <section className={styles.section}>
      <MessageBar intent={headline.intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle ref={heading} tabIndex={-1} className={styles.title}>
            {title}
          </MessageBarTitle>
          {summary}
        </MessageBarBody>
      </MessageBar>
      <CommandLine command={rerun.outcome.commandLine} />
      <PipOutput text={rerun.output || rerun.outcome.output} />
      <ScreenReaderStatus message={intl.formatMessage(words.spoken, { title, summary })} />
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
  const intl = useIntl();
  if (rerun?.status === 'starting' || rerun?.status === 'running') {
    const cancelling = rerun.status === 'running' && rerun.cancelling;
    return (
      <Button
        disabled={rerun.status === 'starting' || cancelling}
        onClick={() => void cancelInstallAgain()}
      >
        {intl.formatMessage(cancelling ? words.stoppingButton : words.stop)}
      </Button>
    );
  }
  if (rerun?.status === 'finished' && rerun.outcome.status === 'succeeded') {
    return (
      <Button appearance="primary" onClick={finish}>
        {intl.formatMessage(words.done)}
      </Button>
    );
  }
  if (rerun?.status === 'finished' && rerun.outcome.status === 'failed') {
    return (
      <>
        <Button appearance="primary" onClick={checkNewError}>
          {intl.formatMessage(words.checkNewError)}
        </Button>
        <Button onClick={closeActionSession}>{intl.formatMessage(words.close)}</Button>
      </>
    );
  }
  // Nothing to run (the log names no package): the dialog ends as any other.
  if (rerun === null && planFailed) {
    return (
      <>
        {secondary}
        <Button appearance="primary" onClick={closeActionSession}>
          {intl.formatMessage(words.close)}
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
        {intl.formatMessage(words.runAgain)}
      </Button>
      {secondary}
      <Button onClick={closeActionSession}>{intl.formatMessage(words.close)}</Button>
    </>
  );
}
