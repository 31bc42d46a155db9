import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/useText';
import { backButton } from '../wording/navigationWords';
import { useAppStore } from '../state/store';
import { StepLayout } from '../components/StepLayout';
import { ScanProgressList } from '../components/ScanProgressList';
import { TechnicalCause } from '../components/TechnicalCause';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';

const words = defineMessages({
  intro: {
    id: 'ui.scan.intro',
    defaultMessage:
      'Pip Doctor asks each Python on this computer about itself, tries writing where pip installs, and looks for programs that hold its files. It only looks; nothing is changed.',
    description: 'Under the title of step 2, while the app checks the computer',
  },
  cancelling: {
    id: 'ui.scan.cancelling',
    defaultMessage: 'Cancelling…',
    description: 'The Cancel scan button while the scan stops',
  },
  cancel: {
    id: 'ui.scan.cancel',
    defaultMessage: 'Cancel scan',
    description: 'Button that stops the check of the computer',
  },
  again: {
    id: 'ui.scan.again',
    defaultMessage: 'Scan again',
    description: 'Button that checks the computer once more',
  },
  next: {
    id: 'ui.scan.next',
    defaultMessage: "See what's wrong",
    description: 'Main button of step 2: go on to what the check found',
  },
  doneTitle: {
    id: 'ui.scan.doneTitle',
    defaultMessage: 'Done',
    description: 'Title of the message when the check has finished',
  },
  doneBody: {
    id: 'ui.scan.doneBody',
    defaultMessage: 'The check is finished. Continue to see what it found.',
    description: 'The message when the check has finished',
  },
  cancelledTitle: {
    id: 'ui.scan.cancelledTitle',
    defaultMessage: 'Scan cancelled',
    description: 'Title of the message after the user stopped the check',
  },
  cancelledBody: {
    id: 'ui.scan.cancelledBody',
    defaultMessage: 'Nothing was changed. Scan again whenever you are ready.',
    description: 'The message after the user stopped the check; "Scan again" is a button',
  },
  failedTitle: {
    id: 'ui.scan.failedTitle',
    defaultMessage: 'The scan stopped',
    description: 'Title of the message when the check failed; the reason follows',
  },
});

export function ScanStep() {
  const intl = useIntl();
  const text = useText();
  const scan = useAppStore((state) => state.scan);
  const startScan = useAppStore((state) => state.startScan);
  const cancelScan = useAppStore((state) => state.cancelScan);
  const goTo = useAppStore((state) => state.goTo);
  const active = scan.status === 'running' || scan.status === 'cancelling';
  const again = () => void startScan({ withLog: scan.withLog });

  return (
    <StepLayout
      id="scan"
      heading={text(WIZARD_STEP_WORDS.scan.heading)}
      intro={intl.formatMessage(words.intro)}
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('start')}>
          <FormattedMessage {...backButton} />
        </Button>
      }
      forward={
        <>
          {active && (
            <Button
              disabled={scan.scanId === null || scan.status === 'cancelling'}
              onClick={() => void cancelScan()}
            >
              <FormattedMessage
                {...(scan.status === 'cancelling' ? words.cancelling : words.cancel)}
              />
            </Button>
          )}
          {(scan.status === 'cancelled' || scan.status === 'failed') && (
            <Button appearance="primary" onClick={again}>
              <FormattedMessage {...words.again} />
            </Button>
          )}
          {scan.status === 'done' && (
            <Button onClick={again}>
              <FormattedMessage {...words.again} />
            </Button>
          )}
          {!(scan.status === 'cancelled' || scan.status === 'failed') && (
            <Button
              appearance="primary"
              disabled={scan.status !== 'done'}
              onClick={() => goTo('findings')}
            >
              <FormattedMessage {...words.next} />
            </Button>
          )}
        </>
      }
    >
      <ScanProgressList />
      {scan.status === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>
              <FormattedMessage {...words.doneTitle} />
            </MessageBarTitle>
            <FormattedMessage {...words.doneBody} />
          </MessageBarBody>
        </MessageBar>
      )}
      {scan.status === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>
              <FormattedMessage {...words.cancelledTitle} />
            </MessageBarTitle>
            <FormattedMessage {...words.cancelledBody} />
          </MessageBarBody>
        </MessageBar>
      )}
      {scan.status === 'failed' && scan.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>
              <FormattedMessage {...words.failedTitle} />
            </MessageBarTitle>
            {text(scan.error.message)}
            <TechnicalCause cause={scan.error.cause} />
          </MessageBarBody>
        </MessageBar>
      )}
    </StepLayout>
  );
}
