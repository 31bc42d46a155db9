import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useAppStore } from '../state/store';
import { StepLayout } from '../components/StepLayout';
import { ScanProgressList } from '../components/ScanProgressList';
import { TechnicalCause } from '../components/TechnicalCause';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';
import { useText } from '../i18n/useText';

export function ScanStep() {
  const scan = useAppStore((state) => state.scan);
  const text = useText();
  const startScan = useAppStore((state) => state.startScan);
  const cancelScan = useAppStore((state) => state.cancelScan);
  const goTo = useAppStore((state) => state.goTo);
  const active = scan.status === 'running' || scan.status === 'cancelling';
  const again = () => void startScan({ withLog: scan.withLog });

  return (
    <StepLayout
      id="scan"
      heading={WIZARD_STEP_WORDS.scan.heading}
      intro="Pip Doctor asks each Python on this computer about itself, tries writing where pip installs, and looks for programs that hold its files. It only looks; nothing is changed."
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('start')}>
          Back
        </Button>
      }
      forward={
        <>
          {active && (
            <Button
              disabled={scan.scanId === null || scan.status === 'cancelling'}
              onClick={() => void cancelScan()}
            >
              {scan.status === 'cancelling' ? 'Cancelling…' : 'Cancel scan'}
            </Button>
          )}
          {(scan.status === 'cancelled' || scan.status === 'failed') && (
            <Button appearance="primary" onClick={again}>
              Scan again
            </Button>
          )}
          {scan.status === 'done' && <Button onClick={again}>Scan again</Button>}
          {!(scan.status === 'cancelled' || scan.status === 'failed') && (
            <Button
              appearance="primary"
              disabled={scan.status !== 'done'}
              onClick={() => goTo('findings')}
            >
              See what&apos;s wrong
            </Button>
          )}
        </>
      }
    >
      <ScanProgressList />
      {scan.status === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Done</MessageBarTitle>
            The check is finished. Continue to see what it found.
          </MessageBarBody>
        </MessageBar>
      )}
      {scan.status === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Scan cancelled</MessageBarTitle>
            Nothing was changed. Scan again whenever you are ready.
          </MessageBarBody>
        </MessageBar>
      )}
      {scan.status === 'failed' && scan.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The scan stopped</MessageBarTitle>
            {text(scan.error.message)}
            <TechnicalCause cause={scan.error.cause} />
          </MessageBarBody>
        </MessageBar>
      )}
    </StepLayout>
  );
}
