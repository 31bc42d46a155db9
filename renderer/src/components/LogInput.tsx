import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ClipboardPasteRegular, DocumentRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/useText';
import { useAppStore } from '../state/store';
import { formatSize } from '../logFile/readLogFile';
import { MAX_LOG_TEXT } from '../logFile/logTextLimit';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  textarea: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    minHeight: '220px',
    maxHeight: '50vh',
  },
  row: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  source: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

// pip's own words, which pip prints in English whatever the language.
const EXAMPLE_ERROR =
  "ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python312\\\\…'";

const words = defineMessages({
  label: {
    id: 'ui.log.label',
    defaultMessage: 'The error pip printed',
    description: 'Label of the big text box on step 1',
  },
  hint: {
    id: 'ui.log.hint',
    defaultMessage: 'Everything from the first ERROR line to the end is enough.',
    description: 'Under the text box; "ERROR" is the word pip prints, keep it in English',
  },
  paste: {
    id: 'ui.log.paste',
    defaultMessage: 'Paste',
    description: 'Button that pastes the clipboard into the text box',
  },
  openFile: {
    id: 'ui.log.openFile',
    defaultMessage: 'Open a log file…',
    description: 'Button that opens a file chooser for a saved pip log',
  },
  fileInputLabel: {
    id: 'ui.log.fileInputLabel',
    defaultMessage: 'Log file',
    description: 'Screen-reader name of the hidden file chooser',
  },
});

const wordsWithValues = defineMessages<{
  placeholder: { example: string };
  readFrom: { file: string; size: string };
  fileTooLarge: { limit: string };
  textTooLarge: { limit: string };
}>({
  placeholder: {
    id: 'ui.log.placeholder',
    defaultMessage: 'For example: {example}',
    description:
      'Grey example text in the empty box; {example} is an error as pip prints it (always English), on a new line of its own',
  },
  readFrom: {
    id: 'ui.log.readFrom',
    defaultMessage: 'Read from {file} ({size}).',
    description:
      'Beside the buttons after a log file was opened; {file} is its name, {size} its size ("2 kB")',
  },
  fileTooLarge: {
    id: 'ui.log.fileTooLarge',
    defaultMessage:
      'This file is larger than {limit}, the most Pip Doctor reads. It read the last {limit}, where pip prints its error.',
    description: 'Warning after opening a huge log file; {limit} is a size ("20.0 MB")',
  },
  textTooLarge: {
    id: 'ui.log.textTooLarge',
    defaultMessage:
      'That was more than {limit}, the most Pip Doctor reads. It kept the last {limit}, where pip prints its error.',
    description: 'Warning after pasting a huge text; {limit} is a size ("20.0 MB")',
  },
});

/** The pasted error, or a chosen log file (dropping one anywhere works too: DropOverlay). */
export function LogInput() {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const limit = formatSize(MAX_LOG_TEXT, intl);
  const logText = useAppStore((state) => state.logText);
  const source = useAppStore((state) => state.logSource);
  const fileError = useAppStore((state) => state.fileError);
  const setLogText = useAppStore((state) => state.setLogText);
  const loadLogFile = useAppStore((state) => state.loadLogFile);
  const pasteClipboard = useAppStore((state) => state.pasteClipboard);
  const fileInput = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // The first thing to do on this step is paste: Ctrl+V works the moment the window opens.
  // After the first frame is drawn: focusing forces a style pass over the whole page, which
  // would otherwise delay the window's first picture (npm run bench measures it).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => box.current?.focus());
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const paste = async () => {
    // Like Ctrl+V, show the end of what was pasted: pip prints its error last.
    if (await pasteClipboard()) box.current?.scrollTo({ top: box.current.scrollHeight });
  };

  return (
    <div className={styles.root}>
      <Field label={intl.formatMessage(words.label)} hint={intl.formatMessage(words.hint)}>
        <Textarea
          ref={box}
          textarea={{ className: styles.textarea }}
          value={logText}
          onChange={(_, data) => setLogText(data.value)}
          resize="vertical"
          spellCheck={false}
          // The catalogs keep no line breaks in a message: the example's own line starts in the value.
          placeholder={intl.formatMessage(wordsWithValues.placeholder, {
            example: `\n${EXAMPLE_ERROR}`,
          })}
        />
      </Field>
      <div className={styles.row}>
        <Button icon={<ClipboardPasteRegular />} onClick={() => void paste()}>
          <FormattedMessage {...words.paste} />
        </Button>
        <Button icon={<DocumentRegular />} onClick={() => fileInput.current?.click()}>
          <FormattedMessage {...words.openFile} />
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".log,.txt,text/plain"
          hidden
          aria-label={intl.formatMessage(words.fileInputLabel)}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void loadLogFile(file);
            event.target.value = ''; // choosing the same file again must read it again
          }}
        />
        {source.kind === 'file' && (
          <span className={styles.source}>
            <FormattedMessage
              {...wordsWithValues.readFrom}
              values={{ file: source.name, size: formatSize(source.sizeBytes, intl) }}
            />
          </span>
        )}
      </div>
      {source.truncated && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <FormattedMessage
              {...(source.kind === 'file'
                ? wordsWithValues.fileTooLarge
                : wordsWithValues.textTooLarge)}
              values={{ limit }}
            />
          </MessageBarBody>
        </MessageBar>
      )}
      {fileError && (
        <MessageBar intent="error">
          <MessageBarBody>{text(fileError)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
