import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { defineMessages, FormattedMessage } from 'react-intl';
import { scanIsStale } from '../state/staleScan';
import { useAppStore } from '../state/store';

const words = defineMessages({
  title: {
    id: 'ui.stale.title',
    defaultMessage: 'Your error changed — check again',
    description: 'Title of a warning: the user edited the pasted error after the check',
  },
  body: {
    id: 'ui.stale.body',
    defaultMessage:
      'What you see here is for the error you pasted before. Fixes and the report wait for a new check.',
    description: 'Warning on steps 3 to 5 after the user edited the pasted error',
  },
  checkAgain: {
    id: 'ui.stale.checkAgain',
    defaultMessage: 'Check again',
    description: 'Button that checks the computer again with the error as it is now',
  },
});

/**
 * Says, on every step that shows a scan's findings, that the error was
 * edited since the scan: what is shown answers the earlier error, and the
 * fixes and the report wait for a new scan. "Check again" scans with the
 * error as it is now.
 */
export function StaleScanBanner() {
  const stale = useAppStore(scanIsStale);
  const startScan = useAppStore((state) => state.startScan);
  const goTo = useAppStore((state) => state.goTo);
  if (!stale) return null;
  const checkAgain = () => {
    void startScan({ withLog: true });
    goTo('scan');
  };
  return (
    <MessageBar intent="warning" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>
          <FormattedMessage {...words.title} />
        </MessageBarTitle>
        <FormattedMessage {...words.body} />
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={checkAgain}>
          <FormattedMessage {...words.checkAgain} />
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
