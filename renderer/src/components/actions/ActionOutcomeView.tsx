import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { ActionOutcome, ActionPlan } from '../../../../electron/shared/contract';
import type { StepProgress } from '../../state/actionSession';
import { outcomeHeadline } from '../../wording/actionWords';
import { ScreenReaderStatus } from '../ScreenReaderStatus';
import { ActionStepList } from './ActionStepList';
import { InstructionList } from './InstructionList';
import { NextFix } from './NextFix';
import { useFocusOnMount } from './useFocusOnMount';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: {
    margin: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  text: { overflowWrap: 'anywhere' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const words = defineMessages({
  steps: {
    id: 'ui.actionOutcome.steps',
    defaultMessage: 'What each step did',
    description: "Screen reader name of the list of a finished fix's steps and how each ended",
  },
  next: {
    id: 'ui.actionOutcome.next',
    defaultMessage: 'What you do next',
    description:
      'Heading of what the user does themselves after the fix (activate the environment…)',
  },
});

const sentences = defineMessages<{ spoken: { title: string; text: string } }>({
  spoken: {
    id: 'ui.actionOutcome.spoken',
    defaultMessage: '{title}. {text}',
    description:
      'Read out by screen readers when a fix ends: {title} is the headline ("The fix worked"), {text} the sentence under it',
  },
});

/**
 * How the fix ended, checked afresh: ✓ when the check passed, otherwise what
 * stopped it and the fix to try next. A refused prompt or a cancel is said
 * calmly: it was the user's choice.
 */
export function ActionOutcomeView({
  plan,
  outcome,
  nextAfter,
}: {
  plan: ActionPlan;
  outcome: ActionOutcome;
  /** The remedy this was, when the next one of the scan may be offered. */
  nextAfter: ActionPlan['remedy'] | null;
}) {
  const styles = useStyles();
  const format = useText();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const intl = useIntl();
  const { title, tone } = outcomeHeadline(outcome);
  const text = format(
    outcome.status === 'succeeded' ? outcome.verification.detail : outcome.summary,
  );
  const steps: Record<string, StepProgress> = Object.fromEntries(
    outcome.steps.map((report) => [report.stepId, { status: report.status, report }]),
  );
  return (
    <div className={styles.outcome}>
      <MessageBar intent={tone} layout="multiline">
        <MessageBarBody>
          <h3 ref={heading} tabIndex={-1} className={styles.title}>
            {format(title)}
          </h3>
          <span className={styles.text}>{text}</span>
        </MessageBarBody>
      </MessageBar>
      <section className={styles.section} aria-label={intl.formatMessage(words.steps)}>
        <ActionStepList plan={plan} steps={steps} />
      </section>
      {outcome.instructions.length > 0 && (
        <section className={styles.section}>
          <h3 className={styles.heading}>{intl.formatMessage(words.next)}</h3>
          <InstructionList instructions={outcome.instructions} />
        </section>
      )}
      {outcome.status !== 'succeeded' && nextAfter !== null && <NextFix after={nextAfter} />}
      <ScreenReaderStatus
        message={intl.formatMessage(sentences.spoken, { title: format(title), text })}
      />
    </div>
  );
}
