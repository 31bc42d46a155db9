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
import { defineMessages, useIntl } from 'react-intl';
import type { NoMessageValues } from 'react-intl';
import type { ActionPlan, ActionStep, Command } from '../../../../electron/shared/contract';
import { readableCommandText } from '../../wording/commandText';
import { CommandLine } from '../CommandLine';
import { useText } from '../../i18n/useText';

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

const words = defineMessages<{
  heading: NoMessageValues;
  beforeYouGoOn: NoMessageValues;
  undoable: NoMessageValues;
  needsAdmin: NoMessageValues;
  asksFirst: NoMessageValues;
  asksYou: { question: string };
  byUser: NoMessageValues;
  noCommand: NoMessageValues;
  runs: NoMessageValues;
  runsAsAdmin: NoMessageValues;
  runsScript: { button: string };
  runsScriptAsAdmin: { button: string };
  showScript: NoMessageValues;
}>({
  heading: {
    id: 'ui.planDetails.heading',
    defaultMessage: 'What Pip Doctor will do',
    description: 'Heading of the plan of a fix, before anything runs',
  },
  beforeYouGoOn: {
    id: 'ui.planDetails.beforeYouGoOn',
    defaultMessage: 'Before you go on',
    description: "Title of the plan's warnings",
  },
  undoable: {
    id: 'ui.planDetails.undoable',
    defaultMessage: 'You can undo this afterwards: Pip Doctor writes down what it changes.',
    description: 'Under a plan that can be taken back',
  },
  needsAdmin: {
    id: 'ui.planDetails.needsAdmin',
    defaultMessage: 'Needs administrator rights',
    description: 'Badge on a step that Windows will ask administrator rights for',
  },
  asksFirst: {
    id: 'ui.planDetails.asksFirst',
    defaultMessage: 'Asks you first',
    description: 'Badge on a step that asks the user a question before it runs',
  },
  asksYou: {
    id: 'ui.planDetails.asksYou',
    defaultMessage: 'Before this step it asks you: “{question}”',
    description: "The question a step asks before it runs; use the language's own quotation marks",
  },
  byUser: {
    id: 'ui.planDetails.byUser',
    defaultMessage: 'You sign out or restart; Pip Doctor continues next time you open it.',
    description: 'A step the user does: sign out of Windows or restart (Windows wording)',
  },
  noCommand: {
    id: 'ui.planDetails.noCommand',
    defaultMessage: 'Pip Doctor does this itself; there is no command to run.',
    description: 'A step with no command to show',
  },
  runs: {
    id: 'ui.planDetails.runs',
    defaultMessage: 'Runs:',
    description: 'Above the command a step runs',
  },
  runsAsAdmin: {
    id: 'ui.planDetails.runsAsAdmin',
    defaultMessage: 'Runs as administrator:',
    description: 'Above the command a step runs with administrator rights',
  },
  runsScript: {
    id: 'ui.planDetails.runsScript',
    defaultMessage: 'Runs a PowerShell script: every line is under “{button}”.',
    description:
      "A step that runs a script; {button} is the name of the button below that shows it (Show script); use the language's own quotation marks",
  },
  runsScriptAsAdmin: {
    id: 'ui.planDetails.runsScriptAsAdmin',
    defaultMessage: 'Runs a PowerShell script as administrator: every line is under “{button}”.',
    description:
      "A step that runs a script with administrator rights; {button} is the name of the button below that shows it (Show script); use the language's own quotation marks",
  },
  showScript: {
    id: 'ui.planDetails.showScript',
    defaultMessage: 'Show script',
    description: 'Opens the PowerShell script a step runs',
  },
});

/**
 * The plan before anything changes (DESIGN.md rule 6): in a sentence, then
 * each step with what it changes and the exact command, then the warnings.
 */
export function PlanDetails({ plan }: { plan: ActionPlan }) {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  return (
    <div className={styles.plan}>
      <h3 className={styles.heading}>{intl.formatMessage(words.heading)}</h3>
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
            <MessageBarTitle>{intl.formatMessage(words.beforeYouGoOn)}</MessageBarTitle>
            <ul className={styles.warnings}>
              {plan.warnings.map((warning) => (
                <li key={JSON.stringify(warning)}>{text(warning)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {plan.undoable && <p className={styles.quiet}>{intl.formatMessage(words.undoable)}</p>}
    </div>
  );
}

function PlanStep({ step }: { step: ActionStep }) {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  return (
    <>
      <span className={styles.stepTitle}>
        {text(step.title)}
        {step.elevated && (
          <Badge appearance="tint" color="warning">
            {intl.formatMessage(words.needsAdmin)}
          </Badge>
        )}
        {step.confirmation !== null && (
          <Badge appearance="tint" color="informative">
            {intl.formatMessage(words.asksFirst)}
          </Badge>
        )}
      </span>
      {step.changes !== null && <p className={styles.changes}>{text(step.changes)}</p>}
      {step.confirmation !== null && (
        <p className={styles.quiet}>
          {intl.formatMessage(words.asksYou, { question: text(step.confirmation) })}
        </p>
      )}
      {step.byUser ? (
        <p className={styles.quiet}>{intl.formatMessage(words.byUser)}</p>
      ) : step.command === null ? (
        <p className={styles.quiet}>{intl.formatMessage(words.noCommand)}</p>
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
  const intl = useIntl();
  if (step.script === null) return <CommandLine command={readableCommandText(command)} />;
  return (
    <>
      {step.readable !== null ? (
        <>
          <p className={styles.runs}>
            {intl.formatMessage(step.elevated ? words.runsAsAdmin : words.runs)}
          </p>
          <CommandLine command={readableCommandText(step.readable)} />
        </>
      ) : (
        <p className={styles.runs}>
          {intl.formatMessage(step.elevated ? words.runsScriptAsAdmin : words.runsScript, {
            button: intl.formatMessage(words.showScript),
          })}
        </p>
      )}
      <Accordion collapsible>
        <AccordionItem value="script">
          <AccordionHeader size="small">{intl.formatMessage(words.showScript)}</AccordionHeader>
          <AccordionPanel>
            <pre className={styles.script}>{step.script}</pre>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
