import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ActionPlan } from '../../../../electron/shared/contract';
import type { RunState } from '../../state/actionSession';
import { STEP_STATUS_WORDS } from '../../wording/actionWords';
import { ScreenReaderStatus } from '../ScreenReaderStatus';
import { ActionStepList } from './ActionStepList';
import { ConsentPrompt } from './ConsentPrompt';
import { useFocusOnMount } from './useFocusOnMount';
import { useText } from '../../i18n/useText';
import { FormattedMessage, defineMessages } from 'react-intl';
import type { Message } from '../../../../electron/shared/i18n/message';

const useStyles = makeStyles({
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

type Running = Extract<RunState, { status: 'running' }>;

const planFieldWords = defineMessages<{ heading: { cancelling: 'yes' | 'no'; title: string } }>({
  heading: {
    id: 'plan.progress.heading',
    defaultMessage:
      '{cancelling, select, yes {Cancelling: {title}} other {Working on it: {title}}}',
    description: "Heading while a fix runs; {title} is the fix's title.",
  },
});

/** The run as it goes: each step's state, a question when one is asked, then the check. */
export function RunProgress({ plan, run }: { plan: ActionPlan; run: Running }) {
  const styles = useStyles();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const text = useText();
  return (
    <div className={styles.progress}>
      <h3 ref={heading} tabIndex={-1} className={styles.heading}>
        <FormattedMessage
          {...planFieldWords.heading}
          values={{ cancelling: run.cancelling ? 'yes' : 'no', title: text(plan.title) }}
        />
      </h3>
      <ActionStepList plan={plan} steps={run.steps} askingAt={run.consent?.stepId ?? null} />
      {run.consent !== null && <ConsentPrompt consent={run.consent} />}
      {run.verifying && (
        <Spinner size="tiny" labelPosition="after" label="Checking that it worked…" />
      )}
      <ScreenReaderStatus message={spokenProgress(plan, run, text)} />
    </div>
  );
}

/** What a screen reader hears as the run moves: the newest change, in words. */
function spokenProgress(
  plan: ActionPlan,
  run: Running,
  text: (message: Message) => string,
): string {
  if (run.consent !== null) return `Question: ${run.consent.question}`;
  if (run.verifying) return 'Checking that it worked.';
  const moved = plan.steps.filter((step) => run.steps[step.id]?.status !== 'waiting');
  const latest = moved.at(-1);
  if (!latest) return '';
  return `${text(latest.title)}: ${STEP_STATUS_WORDS[run.steps[latest.id]!.status]}.`;
}
