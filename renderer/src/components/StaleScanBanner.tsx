import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { scanIsStale } from '../state/staleScan';
import { useAppStore } from '../state/store';

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
        <MessageBarTitle>Your error changed — check again</MessageBarTitle>
        What you see here is for the error you pasted before. Fixes and the report wait for a new
        check.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={checkAgain}>
          Check again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
