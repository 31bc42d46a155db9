import { ProgressBar, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useAppStore } from '../state/store';
import type { ScanStatus } from '../state/scanSlice';
import { SCAN_STEPS, SCAN_STEP_LABELS } from '../wording/scanStepWords';
import type { ScanStepName } from '../wording/scanStepWords';
import { ScreenReaderOnly, ScreenReaderStatus } from './ScreenReaderStatus';
import { useListStyles } from './listStyles';
import { useText } from '../i18n/useText';

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

const STATE_WORDS: Record<ShownState, string> = {
  waiting: 'waiting',
  running: 'in progress',
  done: 'done',
  stopped: 'stopped',
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
): string {
  if (status === 'done') return 'The check is finished. Continue to see what it found.';
  if (status === 'cancelled') return 'Scan cancelled. Nothing was changed.';
  if (status === 'failed') return 'The scan stopped with an error.';
  if (!lastDone) return '';
  return `${SCAN_STEP_LABELS[lastDone.step]}: done${lastDone.detail ? `, ${lastDone.detail}` : ''}.`;
}

/** What each of the scan's five steps is doing, with a spoken note as each one ends. */
export function ScanProgressList() {
  const styles = useStyles();
  const listStyles = useListStyles();
  const progress = useAppStore((state) => state.scan.progress);
  const status = useAppStore((state) => state.scan.status);
  const text = useText();
  const finished = SCAN_STEPS.filter((step) => progress[step].state === 'done');
  const last = finished.at(-1);
  const lastDetail = last ? progress[last].detail : null;
  const announcement = spokenStatus(
    status,
    last ? { step: last, detail: lastDetail && text(lastDetail) } : null,
  );
  return (
    <>
      <ProgressBar
        value={finished.length / SCAN_STEPS.length}
        thickness="large"
        aria-label="Scan progress"
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
                  {SCAN_STEP_LABELS[step]}
                  <ScreenReaderOnly>: {STATE_WORDS[state]}</ScreenReaderOnly>
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
