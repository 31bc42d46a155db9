import { Button } from '@fluentui/react-components';
import { useAppStore } from '../state/store';
import { StepLayout } from '../components/StepLayout';
import { LogInput } from '../components/LogInput';
import { LogFindingCard } from '../components/LogFindingCard';
import { PendingActionsPanel } from '../components/actions/PendingActionsPanel';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';

export function StartStep() {
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
      heading={WIZARD_STEP_WORDS.start.heading}
      intro="Paste the error pip printed, or drop a log file anywhere on this window. Pip Doctor then looks at your computer and explains what went wrong. Nothing is changed and nothing leaves your computer."
      forward={
        <>
          <Button appearance="subtle" onClick={() => check(false)}>
            I don&apos;t have the error, just check my Python
          </Button>
          <Button appearance="primary" disabled={!hasError} onClick={() => check(true)}>
            Check my computer
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
