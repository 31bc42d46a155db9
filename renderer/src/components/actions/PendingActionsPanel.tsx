import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { NoMessageValues } from 'react-intl';
import type { PendingAction } from '../../../../electron/shared/contract';
import { useAppStore } from '../../state/store';
import { Panel } from '../Panel';
import { Section } from '../Section';
import { TechnicalCause } from '../TechnicalCause';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, overflowWrap: 'anywhere' },
  when: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const words = defineMessages<{
  title: NoMessageValues;
  resume: NoMessageValues;
  undo: NoMessageValues;
  dismiss: NoMessageValues;
  started: { when: string };
  startedWithSteps: { when: string; done: number; total: number };
}>({
  title: {
    id: 'ui.pendingActions.title',
    defaultMessage: 'Pip Doctor was interrupted',
    description:
      'Heading over fixes that did not finish (the app was closed, or the computer went off)',
  },
  resume: {
    id: 'ui.pendingActions.resume',
    defaultMessage: 'Resume',
    description: 'Button: goes on with a fix that did not finish (opens its plan first)',
  },
  undo: {
    id: 'ui.pendingActions.undo',
    defaultMessage: 'Undo',
    description:
      'Button: takes back what an unfinished fix changed (opens its plan first; Windows wording)',
  },
  dismiss: {
    id: 'ui.pendingActions.dismiss',
    defaultMessage: 'Dismiss',
    description: 'Button: leaves the unfinished fix as it is and stops offering it',
  },
  started: {
    id: 'ui.pendingActions.started',
    defaultMessage: 'Started {when}.',
    description: 'When an unfinished fix started; {when} is a date and time',
  },
  startedWithSteps: {
    id: 'ui.pendingActions.startedWithSteps',
    defaultMessage: 'Started {when}; {done} of {total, plural, one {# step} other {# steps}} done.',
    description:
      'When an unfinished fix started ({when} is a date and time) and how many of its steps ran: {done} of {total}',
  },
});

/**
 * Fixes the journal says did not finish (the app was closed, crashed or the
 * power went): where each stopped, and the choice to go on, undo what it
 * did, or leave it be. Offered first thing, before anything new is started.
 * The card has words only: Resume and Undo open the dialog on the plan main
 * built again from a fresh scan, with the exact commands that will run.
 */
export function PendingActionsPanel() {
  const styles = useStyles();
  const pending = useAppStore((state) => state.pendingActions);
  const error = useAppStore((state) => state.pendingError);
  const intl = useIntl();
  const text = useText();
  if (pending.length === 0 && error === null) return null;
  return (
    <Section title={intl.formatMessage(words.title)}>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {text(error.message)}
            <TechnicalCause cause={error.cause} />
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.list}>
        {pending.map((action) => (
          <PendingActionCard key={action.runId} action={action} />
        ))}
      </div>
    </Section>
  );
}

function PendingActionCard({ action }: { action: PendingAction }) {
  const styles = useStyles();
  const text = useText();
  const resumeAction = useAppStore((state) => state.resumeAction);
  const planUndo = useAppStore((state) => state.planUndo);
  const dismiss = useAppStore((state) => state.dismissPendingAction);
  const titleId = useId();
  const intl = useIntl();
  const when = intl.formatDate(action.startedAt, { dateStyle: 'medium', timeStyle: 'short' });
  const total = action.plan.steps.length;
  return (
    <Panel>
      <h3 id={titleId} className={styles.title}>
        {text(action.plan.title)}
      </h3>
      <p className={styles.when}>
        {/* A record from an older version has no steps this version can read. */}
        {total > 0
          ? intl.formatMessage(words.startedWithSteps, {
              when,
              done: action.completedSteps.length,
              total,
            })
          : intl.formatMessage(words.started, { when })}
      </p>
      <p className={styles.text}>{text(action.explanation)}</p>
      <div className={styles.buttons}>
        {action.choices.includes('resume') && (
          <Button
            appearance="primary"
            aria-haspopup="dialog"
            aria-describedby={titleId}
            onClick={() => void resumeAction(action)}
          >
            {intl.formatMessage(words.resume)}
          </Button>
        )}
        {action.choices.includes('undo') && (
          <Button
            aria-haspopup="dialog"
            aria-describedby={titleId}
            onClick={() => void planUndo(action.runId)}
          >
            {intl.formatMessage(words.undo)}
          </Button>
        )}
        {action.choices.includes('mark-resolved') && (
          <Button
            appearance="subtle"
            aria-describedby={titleId}
            onClick={() => void dismiss(action.runId)}
          >
            {intl.formatMessage(words.dismiss)}
          </Button>
        )}
      </div>
    </Panel>
  );
}
