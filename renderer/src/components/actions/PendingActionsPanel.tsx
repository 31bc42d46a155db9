import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
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
  const text = useText();
  if (pending.length === 0 && error === null) return null;
  return (
    <Section title="Pip Doctor was interrupted">
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
  const resumeAction = useAppStore((state) => state.resumeAction);
  const planUndo = useAppStore((state) => state.planUndo);
  const dismiss = useAppStore((state) => state.dismissPendingAction);
  const titleId = useId();
  const text = useText();
  const done = action.completedSteps.length;
  return (
    <Panel>
      <h3 id={titleId} className={styles.title}>
        {action.plan.title}
      </h3>
      <p className={styles.when}>
        Started {new Date(action.startedAt).toLocaleString()}
        {/* A record from an older version has no steps this version can read. */}
        {action.plan.steps.length > 0
          ? `; ${done} of ${action.plan.steps.length} steps done.`
          : '.'}
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
            Resume
          </Button>
        )}
        {action.choices.includes('undo') && (
          <Button
            aria-haspopup="dialog"
            aria-describedby={titleId}
            onClick={() => void planUndo(action.runId)}
          >
            Undo
          </Button>
        )}
        {action.choices.includes('mark-resolved') && (
          <Button
            appearance="subtle"
            aria-describedby={titleId}
            onClick={() => void dismiss(action.runId)}
          >
            Dismiss
          </Button>
        )}
      </div>
    </Panel>
  );
}
