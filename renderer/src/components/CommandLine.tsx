import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useAppStore } from '../state/store';
import { ScreenReaderStatus } from './ScreenReaderStatus';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  code: {
    flex: 1,
    minWidth: 0,
    margin: 0,
    paddingTop: '5px',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  copy: { flexShrink: 0 },
});

const COPIED_FOR_MS = 2000;

/** Enough of a command to tell the Copy buttons of one screen apart when they are listed by name. */
const NAMED_LENGTH = 60;

/**
 * "Copy command: python -m venv .venv": a screen reader's button list says
 * which command. It starts with the visible label ("Copy", then "Copied"), so
 * speech input that says what it sees still finds the button.
 */
export function copyButtonName(command: string, copied: boolean): string {
  const oneLine = command.replace(/\s+/g, ' ').trim();
  const shown = oneLine.length > NAMED_LENGTH ? `${oneLine.slice(0, NAMED_LENGTH - 1)}…` : oneLine;
  return `${copied ? 'Copied' : 'Copy'} command: ${shown}`;
}

/** One exact command, as the user would type it, with a copy button beside it. */
export function CommandLine({ command }: { command: string }) {
  const styles = useStyles();
  const copyText = useAppStore((state) => state.copyText);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <div className={styles.row}>
      <pre className={styles.code}>{command}</pre>
      <Button
        className={styles.copy}
        size="small"
        appearance="subtle"
        icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
        aria-label={copyButtonName(command, copied === true)}
        onClick={async () => setCopied(await copyText(command))}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
      <ScreenReaderStatus
        message={copied === true ? 'Copied' : copied === false ? 'Could not copy' : ''}
      />
    </div>
  );
}
