import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ActionPlan, ActionStep, Command } from '../../../../electron/shared/contract';
import { readableCommandText } from '../../wording/commandText';
import { CommandLine } from '../CommandLine';
import { useText } from '../../i18n/useText';
import { FormattedMessage, defineMessages } from 'react-intl';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: { margin: 0, overflowWrap: 'anywhere' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  stepTitle: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  changes: { margin: 0, overflowWrap: 'anywhere' },
  runs: { margin: 0, overflowWrap: 'anywhere' },
  quiet: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  script: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  warnings: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * The plan before anything changes (DESIGN.md rule 6): in a sentence, then
 * each step with what it changes and the exact command, then the warnings.
 */
export function PlanDetails({ plan }: { plan: ActionPlan }) {
  const styles = useStyles();
  const text = useText();
  return (
    <div className={styles.plan}>
      <h3 className={styles.heading}>What Pip Doctor will do</h3>
      <p className={styles.summary}>{text(plan.title)}</p>
      <ol className={styles.steps}>
        {plan.steps.map((step) => (
          <li key={step.id}>
            <div className={styles.step}>
              <PlanStep step={step} />
            </div>
          </li>
        ))}
      </ol>
      {plan.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Before you go on</MessageBarTitle>
            <ul className={styles.warnings}>
              {plan.warnings.map((warning) => (
                <li key={JSON.stringify(warning)}>{text(warning)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.undoable && (
        <p className={styles.quiet}>
          You can undo this afterwards: Pip Doctor writes down what it changes.
        </p>
      )}
    </div>
  );
}

const planFieldWords = defineMessages<{ asksFirst: { question: string } }>({
  asksFirst: {
    id: 'plan.step.asksFirst',
    defaultMessage: 'Before this step it asks you: “{question}”',
    description:
      'Under a plan step that asks a yes/no question before it runs; {question} is that question.',
  },
});

function PlanStep({ step }: { step: ActionStep }) {
  const styles = useStyles();
  const text = useText();
  return (
    <>
      <span className={styles.stepTitle}>
        {text(step.title)}
        {step.elevated && (
          <Badge appearance="tint" color="warning">
            Needs administrator rights
          </Badge>
        )}
        {step.confirmation !== null && (
          <Badge appearance="tint" color="informative">
            Asks you first
          </Badge>
        )}
      </span>
      {step.changes !== null && <p className={styles.changes}>{text(step.changes)}</p>}
      {step.confirmation !== null && (
        <p className={styles.quiet}>
          <FormattedMessage
            {...planFieldWords.asksFirst}
            values={{ question: text(step.confirmation) }}
          />
        </p>
      )}
      {step.byUser ? (
        <p className={styles.quiet}>
          You sign out or restart; Pip Doctor continues next time you open it.
        </p>
      ) : step.command === null ? (
        <p className={styles.quiet}>Pip Doctor does this itself; there is no command to run.</p>
      ) : (
        <StepCommand step={step} command={step.command} />
      )}
    </>
  );
}

/**
 * The command in words a person can check. A command that carries a
 * PowerShell script as -EncodedCommand shows what it runs (the program, or
 * that it is a script) and keeps the script one click away: base64 on
 * screen reads like malware and pushes the button out of sight.
 */
function StepCommand({ step, command }: { step: ActionStep; command: Command }) {
  const styles = useStyles();
  if (step.script === null) return <CommandLine command={readableCommandText(command)} />;
  const who = step.elevated ? ' as administrator' : '';
  return (
    <>
      {step.readable !== null ? (
        <>
          <p className={styles.runs}>Runs{who}:</p>
          <CommandLine command={readableCommandText(step.readable)} />
        </>
      ) : (
        <p className={styles.runs}>
          Runs a PowerShell script{who}: every line is under “Show script”.
        </p>
      )}
      <Accordion collapsible>
        <AccordionItem value="script">
          <AccordionHeader size="small">Show script</AccordionHeader>
          <AccordionPanel>
            <pre className={styles.script}>{step.script}</pre>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
