import { Button } from '@fluentui/react-components';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/useText';
import { useAppStore } from '../state/store';
import { StepLayout } from '../components/StepLayout';
import { LogInput } from '../components/LogInput';
import { LogFindingCard } from '../components/LogFindingCard';
import { PendingActionsPanel } from '../components/actions/PendingActionsPanel';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';

const words = defineMessages({
  intro: {
    id: 'ui.start.intro',
    defaultMessage:
      'Paste the error pip printed, or drop a log file anywhere on this window. Pip Doctor then looks at your computer and explains what went wrong. Nothing is changed and nothing leaves your computer.',
    description: 'Under the title of step 1. "Pip Doctor" is the app’s name: keep it',
  },
  checkWithoutLog: {
    id: 'ui.start.checkWithoutLog',
    defaultMessage: "I don't have the error, just check my Python",
    description: 'Secondary button on step 1: check the computer without a pasted error',
  },
  check: {
    id: 'ui.start.check',
    defaultMessage: 'Check my computer',
    description: 'Main button on step 1: check the computer with the pasted error',
  },
});

export function StartStep() {
  const intl = useIntl();
  const text = useText();
  const startScan = useAppStore((state) => state.startScan);
  const goTo = useAppStore((state) => state.goTo);
  const hasError = useAppStore((state) => state.logText.trim() !== '');

  const check = (withLog: boolean) => {
    void startScan({ withLog });
    goTo('scan');
  };

  return (
    <StepLayout
      id="start"
      // The paste box takes focus on arrival (LogInput), not the heading.
      focusHeading={false}
      heading={text(WIZARD_STEP_WORDS.start.heading)}
      intro={intl.formatMessage(words.intro)}
      forward={
        <>
          <Button appearance="subtle" onClick={() => check(false)}>
            <FormattedMessage {...words.checkWithoutLog} />
          </Button>
          <Button appearance="primary" disabled={!hasError} onClick={() => check(true)}>
            <FormattedMessage {...words.check} />
          </Button>
        </>
      }
    >
      <PendingActionsPanel />
      <LogInput />
      <LogFindingCard />
    </StepLayout>
  );
}
