import { makeStyles, tokens } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import { commandYouRan } from '../../../electron/shared/requestedInstall';

const useStyles = makeStyles({
  line: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  command: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * "You ran: pip install requests": what the fixes below are for, so a user
 * whose error names a dependency sees their own install, not the dependency's.
 */
export function YouRan({ log }: { log: LogFinding | null }) {
  const styles = useStyles();
  const command = commandYouRan(log);
  if (command === null) return null;
  return (
    <p className={styles.line}>
      {/* {command} is the pip install command the user ran, never translated. */}
      <FormattedMessage
        id="ui.fixes.youRan"
        defaultMessage="You ran: {command}"
        values={{ command: <code className={styles.command}>{command}</code> }}
      />
    </p>
  );
}
