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
import { useAppStore } from '../state/store';
import { formatSize } from '../logFile/readLogFile';
import { MAX_LOG_TEXT } from '../logFile/logTextLimit';
import { useText } from '../i18n/useText';

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

const LIMIT = formatSize(MAX_LOG_TEXT);

/** The pasted error, or a chosen log file (dropping one anywhere works too: DropOverlay). */
export function LogInput() {
  const styles = useStyles();
  const logText = useAppStore((state) => state.logText);
  const source = useAppStore((state) => state.logSource);
  const fileError = useAppStore((state) => state.fileError);
  const text = useText();
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
      <Field
        label="The error pip printed"
        hint="Everything from the first ERROR line to the end is enough."
      >
        <Textarea
          ref={box}
          textarea={{ className: styles.textarea }}
          value={logText}
          onChange={(_, data) => setLogText(data.value)}
          resize="vertical"
          spellCheck={false}
          placeholder={
            "For example:\nERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python312\\\\…'"
          }
        />
      </Field>
      <div className={styles.row}>
        <Button icon={<ClipboardPasteRegular />} onClick={() => void paste()}>
          Paste
        </Button>
        <Button icon={<DocumentRegular />} onClick={() => fileInput.current?.click()}>
          Open a log file…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".log,.txt,text/plain"
          hidden
          aria-label="Log file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void loadLogFile(file);
            event.target.value = ''; // choosing the same file again must read it again
          }}
        />
        {source.kind === 'file' && (
          <span className={styles.source}>
            Read from {source.name} ({formatSize(source.sizeBytes)}).
          </span>
        )}
      </div>
      {source.truncated && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {source.kind === 'file'
              ? `This file is larger than ${LIMIT}, the most Pip Doctor reads. It read the last ${LIMIT}, where pip prints its error.`
              : `That was more than ${LIMIT}, the most Pip Doctor reads. It kept the last ${LIMIT}, where pip prints its error.`}
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
