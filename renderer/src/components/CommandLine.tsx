import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
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

const words = defineMessages({
  copy: {
    id: 'ui.commandLine.copy',
    defaultMessage: 'Copy',
    description: 'Button beside a command: copies it to the clipboard (Windows wording)',
  },
  copied: {
    id: 'ui.commandLine.copied',
    defaultMessage: 'Copied',
    description: 'The Copy button for two seconds after the command was copied',
  },
  notCopied: {
    id: 'ui.commandLine.notCopied',
    defaultMessage: 'Could not copy',
    description: 'Read out by screen readers when the clipboard refused the command',
  },
});

const sentences = defineMessages<{ copy: { command: string }; copied: { command: string } }>({
  copy: {
    id: 'ui.commandLine.copyNamed',
    defaultMessage: 'Copy command: {command}',
    description:
      'The Copy button as a screen reader names it; must start with the word on the button. {command} is the command (never translated)',
  },
  copied: {
    id: 'ui.commandLine.copiedNamed',
    defaultMessage: 'Copied command: {command}',
    description:
      'The Copy button as a screen reader names it once copied; must start with the word on the button. {command} is the command',
  },
});

const COPIED_FOR_MS = 2000;

/** Enough of a command to tell the Copy buttons of one screen apart when they are listed by name. */
const NAMED_LENGTH = 60;

/**
 * "Copy command: python -m venv .venv": a screen reader's button list says
 * which command. It starts with the visible label ("Copy", then "Copied"), so
 * speech input that says what it sees still finds the button.
 */
export function copyButtonName(intl: IntlShape, command: string, copied: boolean): string {
  // The command is code, not words: shortening it on whitespace and length is safe in any language.
  const oneLine = command.replace(/\s+/g, ' ').trim();
  const shown = oneLine.length > NAMED_LENGTH ? `${oneLine.slice(0, NAMED_LENGTH - 1)}…` : oneLine;
  return intl.formatMessage(copied ? sentences.copied : sentences.copy, { command: shown });
}

/** One exact command, as the user would type it, with a copy button beside it. */
export function CommandLine({ command }: { command: string }) {
  const styles = useStyles();
  const intl = useIntl();
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
        aria-label={copyButtonName(intl, command, copied === true)}
        onClick={async () => setCopied(await copyText(command))}
      >
        {intl.formatMessage(copied ? words.copied : words.copy)}
      </Button>
      <ScreenReaderStatus
        message={copied === null ? '' : intl.formatMessage(copied ? words.copied : words.notCopied)}
      />
    </div>
  );
}
