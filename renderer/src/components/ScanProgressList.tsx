import { ProgressBar, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { defineMessages, useIntl } from 'react-intl';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import { useText } from '../i18n/useText';
import { useAppStore } from '../state/store';
import type { ScanStatus } from '../state/scanSlice';
import { SCAN_STEPS, SCAN_STEP_LABELS } from '../wording/scanStepWords';
import type { ScanStepName } from '../wording/scanStepWords';
import { ScreenReaderOnly, ScreenReaderStatus } from './ScreenReaderStatus';
import { useListStyles } from './listStyles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    minHeight: '52px',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: { display: 'flex', width: '20px', justifyContent: 'center', flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase300 },
  waiting: { color: tokens.colorNeutralForeground3 },
  detail: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  done: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  pending: { color: tokens.colorNeutralForeground4, fontSize: '20px' },
});

/** What a step shows: a step still running when the scan was cancelled or failed has stopped. */
type ShownState = 'waiting' | 'running' | 'done' | 'stopped';

function shownState(state: 'waiting' | 'running' | 'done', scan: ScanStatus): ShownState {
  return state === 'running' && (scan === 'cancelled' || scan === 'failed') ? 'stopped' : state;
}

const words = defineMessages({
  waiting: {
    id: 'ui.scan.state.waiting',
    defaultMessage: 'waiting',
    description: 'Read by screen readers after a scan step’s name: the step has not started',
  },
  running: {
    id: 'ui.scan.state.running',
    defaultMessage: 'in progress',
    description: 'Read by screen readers after a scan step’s name: the step is running',
  },
  done: {
    id: 'ui.scan.state.done',
    defaultMessage: 'done',
    description: 'Read by screen readers after a scan step’s name: the step has finished',
  },
  stopped: {
    id: 'ui.scan.state.stopped',
    defaultMessage: 'stopped',
    description:
      'Read by screen readers after a scan step’s name: the scan stopped before it ended',
  },
  stepState: {
    id: 'ui.scan.stepState',
    defaultMessage: '{step}: {state}',
    description:
      'A line of the scan progress list as a screen reader reads it; {step} is its name, {state} "in progress", "done"…',
  },
  spokenFinished: {
    id: 'ui.scan.spoken.finished',
    defaultMessage: 'The check is finished. Continue to see what it found.',
    description: 'Read by screen readers when the check of the computer has finished',
  },
  spokenCancelled: {
    id: 'ui.scan.spoken.cancelled',
    defaultMessage: 'Scan cancelled. Nothing was changed.',
    description: 'Read by screen readers after the user stopped the check',
  },
  spokenFailed: {
    id: 'ui.scan.spoken.failed',
    defaultMessage: 'The scan stopped with an error.',
    description: 'Read by screen readers when the check failed',
  },
  spokenStepDone: {
    id: 'ui.scan.spoken.stepDone',
    defaultMessage: '{step}: done.',
    description: 'Read by screen readers as each scan step ends; {step} is its name',
  },
  spokenStepDoneDetail: {
    id: 'ui.scan.spoken.stepDoneDetail',
    defaultMessage: '{step}: done, {detail}.',
    description:
      'Read by screen readers as each scan step ends; {step} is its name, {detail} what it found ("3 Pythons")',
  },
  progress: {
    id: 'ui.scan.progressLabel',
    defaultMessage: 'Scan progress',
    description: 'Screen-reader name of the progress bar of the check',
  },
});

const STATE_WORDS: Record<ShownState, Message> = {
  waiting: msg(words.waiting),
  running: msg(words.running),
  done: msg(words.done),
  stopped: msg(words.stopped),
};

/** The words next to it say the same for screen readers, so the icon itself is hidden from them. */
function StepIcon({ state }: { state: ShownState }) {
  const styles = useStyles();
  switch (state) {
    case 'done':
      return <CheckmarkCircleFilled className={styles.done} />;
    case 'running':
      return <Spinner size="extra-tiny" aria-hidden="true" />;
    case 'stopped':
      return <DismissCircleRegular className={styles.pending} />;
    case 'waiting':
      return <CircleRegular className={styles.pending} />;
  }
}

/** What a screen reader hears as the scan moves: each step as it ends, then how it ended. */
function spokenStatus(
  status: ScanStatus,
  lastDone: { step: ScanStepName; detail: string | null } | null,
): Message | null {
  if (status === 'done') return msg(words.spokenFinished);
  if (status === 'cancelled') return msg(words.spokenCancelled);
  if (status === 'failed') return msg(words.spokenFailed);
  if (!lastDone) return null;
  const step = SCAN_STEP_LABELS[lastDone.step];
  return lastDone.detail
    ? msg(words.spokenStepDoneDetail, { step, detail: lastDone.detail })
    : msg(words.spokenStepDone, { step });
}

/** What each of the scan's five steps is doing, with a spoken note as each one ends. */
export function ScanProgressList() {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const listStyles = useListStyles();
  const progress = useAppStore((state) => state.scan.progress);
  const status = useAppStore((state) => state.scan.status);
  const finished = SCAN_STEPS.filter((step) => progress[step].state === 'done');
  const last = finished.at(-1);
  const lastDetail = last ? progress[last].detail : null;
  const spoken = spokenStatus(
    status,
    last ? { step: last, detail: lastDetail && text(lastDetail) } : null,
  );
  const announcement = spoken === null ? '' : text(spoken);
  return (
    <>
      <ProgressBar
        value={finished.length / SCAN_STEPS.length}
        thickness="large"
        aria-label={intl.formatMessage(words.progress)}
      />
      <ol className={listStyles.list}>
        {SCAN_STEPS.map((step) => {
          const { detail } = progress[step];
          const state = shownState(progress[step].state, status);
          return (
            <li key={step} className={styles.item}>
              <span className={styles.icon} aria-hidden="true">
                <StepIcon state={state} />
              </span>
              <span className={styles.text}>
                <span
                  className={mergeClasses(
                    styles.label,
                    (state === 'waiting' || state === 'stopped') && styles.waiting,
                  )}
                >
                  {/* Seen as the name alone, heard as one sentence a language may reorder. */}
                  <span aria-hidden="true">{text(SCAN_STEP_LABELS[step])}</span>
                  <ScreenReaderOnly>
                    {text(
                      msg(words.stepState, {
                        step: SCAN_STEP_LABELS[step],
                        state: STATE_WORDS[state],
                      }),
                    )}
                  </ScreenReaderOnly>
                </span>
                {detail && <span className={styles.detail}>{text(detail)}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      <ScreenReaderStatus message={announcement} />
    </>
  );
}
