import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape, NoMessageValues } from 'react-intl';
import type { ActionPlan } from '../../../../electron/shared/contract';
import type { RunState } from '../../state/actionSession';
import { stepStatusSpoken } from '../../wording/actionWords';
import { ScreenReaderStatus } from '../ScreenReaderStatus';
import { ActionStepList } from './ActionStepList';
import { ConsentPrompt } from './ConsentPrompt';
import { useFocusOnMount } from './useFocusOnMount';
import { useText } from '../../i18n/useText';
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

const words = defineMessages<{
  checking: NoMessageValues;
  checkingSpoken: NoMessageValues;
  working: { plan: string };
  cancelling: { plan: string };
  question: { question: string };
  stepMoved: { step: string; status: string };
}>({
  checking: {
    id: 'ui.runProgress.checking',
    defaultMessage: 'Checking that it worked…',
    description: 'Beside a spinner once the steps ran and the fix is being checked',
  },
  checkingSpoken: {
    id: 'ui.runProgress.checkingSpoken',
    defaultMessage: 'Checking that it worked.',
    description: 'Read out by screen readers once the fix is being checked',
  },
  working: {
    id: 'ui.runProgress.working',
    defaultMessage: 'Working on it: {plan}',
    description: 'Heading while a fix runs; {plan} says in a sentence what the fix does',
  },
  cancelling: {
    id: 'ui.runProgress.cancelling',
    defaultMessage: 'Cancelling: {plan}',
    description:
      'Heading while a running fix is being stopped; {plan} says in a sentence what the fix does',
  },
  question: {
    id: 'ui.runProgress.question',
    defaultMessage: 'Question: {question}',
    description:
      'Read out by screen readers when the fix asks the user something; {question} is the question',
  },
  stepMoved: {
    id: 'ui.runProgress.stepMoved',
    defaultMessage: '{step}: {status}.',
    description:
      'Read out by screen readers when a step of the fix moves on: {step} is its title, {status} where it is ("done", "running")',
  },
});

type Running = Extract<RunState, { status: 'running' }>;

/** The run as it goes: each step's state, a question when one is asked, then the check. */
export function RunProgress({ plan, run }: { plan: ActionPlan; run: Running }) {
  const styles = useStyles();
  const text = useText();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const intl = useIntl();
  return (
    <div className={styles.progress}>
      <h3 ref={heading} tabIndex={-1} className={styles.heading}>
        {intl.formatMessage(run.cancelling ? words.cancelling : words.working, {
          plan: text(plan.title),
        })}
      </h3>
      <ActionStepList plan={plan} steps={run.steps} askingAt={run.consent?.stepId ?? null} />
      {run.consent !== null && <ConsentPrompt consent={run.consent} />}
      {run.verifying && (
        <Spinner size="tiny" labelPosition="after" label={intl.formatMessage(words.checking)} />
      )}
      <ScreenReaderStatus message={spokenProgress(intl, plan, run, text)} />
    </div>
  );
}

/** What a screen reader hears as the run moves: the newest change, in words. */
function spokenProgress(
  intl: IntlShape,
  plan: ActionPlan,
  run: Running,
  text: (message: Message) => string,
): string {
  if (run.consent !== null)
    return intl.formatMessage(words.question, { question: text(run.consent.question) });
  if (run.verifying) return intl.formatMessage(words.checkingSpoken);
  const moved = plan.steps.filter((step) => run.steps[step.id]?.status !== 'waiting');
  const latest = moved.at(-1);
  if (!latest) return '';
  return text(stepStatusSpoken(text(latest.title), run.steps[latest.id]!.status));
}
