import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { WarningFilled } from '@fluentui/react-icons';
import { useId } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { ConsentQuestion } from '../../state/actionSession';
import { useAppStore } from '../../state/store';
import { commandText } from '../../wording/commandText';
import { CommandLine } from '../CommandLine';
import { useFocusOnMount } from './useFocusOnMount';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  question: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  icon: { flexShrink: 0, fontSize: '20px', color: tokens.colorStatusWarningForeground1 },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const words = defineMessages<{ keep: { count: number }; force: { count: number } }>({
  keep: {
    id: 'ui.consentPrompt.keep',
    defaultMessage: '{count, plural, one {No, leave it running} other {No, leave them running}}',
    description:
      'Button (the default): do not close the listed programs by force; {count} is how many programs',
  },
  force: {
    id: 'ui.consentPrompt.force',
    defaultMessage:
      '{count, plural, one {Yes, close it by force} other {Yes, close them by force}}',
    description:
      'Button: close the listed programs by force (unsaved work in them is lost); {count} is how many programs',
  },
});

/**
 * A question the run waits for (closing by force). No is the default: it
 * has the focus, and Enter or Space on arrival keeps the programs running.
 */
export function ConsentPrompt({ consent }: { consent: ConsentQuestion }) {
  const styles = useStyles();
  const questionId = useId();
  const answerConsent = useAppStore((state) => state.answerConsent);
  const keepRunning = useFocusOnMount<HTMLButtonElement>();
  const intl = useIntl();
  const text = useText();
  const count = consent.items.length;
  return (
    <div role="group" aria-labelledby={questionId} className={styles.box}>
      <p id={questionId} className={styles.question}>
        <WarningFilled className={styles.icon} aria-hidden="true" />
        {text(consent.question)}
      </p>
      <ul className={styles.items}>
        {consent.items.map((item, index) => (
          <li key={index}>{text(item)}</li>
        ))}
      </ul>
      {consent.command !== null && <CommandLine command={commandText(consent.command)} />}
      <div className={styles.buttons}>
        <Button ref={keepRunning} appearance="primary" onClick={() => void answerConsent(false)}>
          {intl.formatMessage(words.keep, { count })}
        </Button>
        <Button onClick={() => void answerConsent(true)}>
          {intl.formatMessage(words.force, { count })}
        </Button>
      </div>
    </div>
  );
}
