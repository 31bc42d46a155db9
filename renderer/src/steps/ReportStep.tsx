import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, CopyRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/useText';
import { backButton } from '../wording/navigationWords';
import { scanIsStale } from '../state/staleScan';
import { useAppStore } from '../state/store';
import type { ExportOutcome } from '../state/reportSlice';
import { StepLayout } from '../components/StepLayout';
import { StaleScanBanner } from '../components/StaleScanBanner';
import { Section } from '../components/Section';
import { ChangeList } from '../components/ChangeList';
import { TechnicalCause } from '../components/TechnicalCause';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';

const useStyles = makeStyles({
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: {
    margin: 0,
    marginTop: `calc(-1 * ${tokens.spacingVerticalS})`,
    paddingInlineStart: '48px',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  preview: {
    margin: 0,
    maxHeight: '360px',
    overflow: 'auto',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

const words = defineMessages({
  copied: {
    id: 'ui.report.copied',
    defaultMessage: 'Copied. Paste it into your help request.',
    description: 'After the Copy report button copied the report',
  },
  saved: {
    id: 'ui.report.saved',
    defaultMessage: 'Saved.',
    description: 'After the report was saved (file name unknown)',
  },
  notSaved: {
    id: 'ui.report.notSaved',
    defaultMessage: 'Nothing was saved.',
    description: 'After the user closed the Save dialog without saving',
  },
  intro: {
    id: 'ui.report.intro',
    defaultMessage:
      'A summary of what Pip Doctor found, in Markdown, to paste into a help request or an issue.',
    description: 'Under the title of step 5. Markdown is a text format: keep the word',
  },
  startOver: {
    id: 'ui.report.startOver',
    defaultMessage: 'Start over',
    description: 'Button at the end of step 5: back to step 1',
  },
  worksTitle: {
    id: 'ui.report.worksTitle',
    defaultMessage: 'Your install works now',
    description: 'Title of the message when the user’s pip install worked after the fix',
  },
  worksBody: {
    id: 'ui.report.worksBody',
    defaultMessage:
      'Nothing more to do. Keep this report if you want a record of what was changed.',
    description: 'The message when the user’s pip install worked after the fix',
  },
  changed: {
    id: 'ui.report.changed',
    defaultMessage: 'What Pip Doctor changed',
    description: 'Heading over the list of changes the app made',
  },
  includePersonal: {
    id: 'ui.report.includePersonal',
    defaultMessage: 'Include my user name and folders',
    description: 'Switch: whether the report shows the user’s name and folder paths',
  },
  copy: {
    id: 'ui.report.copy',
    defaultMessage: 'Copy report',
    description: 'Button that copies the report to the clipboard',
  },
  save: {
    id: 'ui.report.save',
    defaultMessage: 'Save as a file…',
    description: 'Button that saves the report as a file',
  },
  preview: {
    id: 'ui.report.preview',
    defaultMessage: 'Preview',
    description: 'Heading over the report as it will be copied',
  },
  writing: {
    id: 'ui.report.writing',
    defaultMessage: 'Writing the report…',
    description: 'Beside a spinner while the report is made',
  },
  previewLabel: {
    id: 'ui.report.previewLabel',
    defaultMessage: 'Report preview',
    description: 'Screen-reader name of the scrolling box that shows the report',
  },
});

const wordsWithValues = defineMessages<{
  savedAs: { file: string };
  personalHint: { placeholder: string };
}>({
  savedAs: {
    id: 'ui.report.savedAs',
    defaultMessage: 'Saved as {file}.',
    description: 'After the report was saved; {file} is the file name',
  },
  personalHint: {
    id: 'ui.report.personalHint',
    defaultMessage:
      'When off, your user name reads {placeholder} everywhere, in folder paths too, so the report is safe to post in public.',
    description:
      'Under the switch; {placeholder} is what the report shows in place of the name ("<user>")',
  },
});

function OutcomeMessage({ outcome }: { outcome: ExportOutcome | null }) {
  const intl = useIntl();
  // Always rendered, so the live region exists before its first message.
  const format = useText();
  let intent: 'success' | 'info' | 'error' = 'success';
  let text = '';
  let cause: string | null = null;
  if (outcome?.kind === 'copied') text = intl.formatMessage(words.copied);
  if (outcome?.kind === 'saved')
    text = outcome.fileName
      ? intl.formatMessage(wordsWithValues.savedAs, { file: outcome.fileName })
      : intl.formatMessage(words.saved);
  if (outcome?.kind === 'not-saved') {
    intent = 'info';
    text = intl.formatMessage(words.notSaved);
  }
  if (outcome?.kind === 'failed') {
    intent = 'error';
    text = format(outcome.error.message);
    cause = outcome.error.cause;
  }
  return (
    <div role="status">
      {text && (
        <MessageBar intent={intent}>
          <MessageBarBody>
            {text}
            <TechnicalCause cause={cause} />
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export function ReportStep() {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const goTo = useAppStore((state) => state.goTo);
  const includePersonal = useAppStore((state) => state.includePersonal);
  const setIncludePersonal = useAppStore((state) => state.setIncludePersonal);
  const report = useAppStore((state) => state.report);
  const scanId = useAppStore((state) => state.scan.scanId);
  const loadReportPreview = useAppStore((state) => state.loadReportPreview);
  const copyReport = useAppStore((state) => state.copyReport);
  const saveReport = useAppStore((state) => state.saveReport);
  const stale = report?.scanId !== scanId;
  const scanStale = useAppStore(scanIsStale);
  // The finish: the user's own install ran again after the fix, and worked.
  const installWorks = useAppStore(
    (state) => state.rerun?.status === 'finished' && state.rerun.outcome.status === 'succeeded',
  );

  useEffect(() => {
    if (stale) void loadReportPreview();
  }, [stale, loadReportPreview]);

  // A report of the scan made for an earlier error would not describe the error shown now.
  const ready = report?.preview.status === 'ready' && !scanStale;
  return (
    <StepLayout
      notice={<StaleScanBanner />}
      id="report"
      heading={text(WIZARD_STEP_WORDS.report.heading)}
      intro={intl.formatMessage(words.intro)}
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('fixes')}>
          <FormattedMessage {...backButton} />
        </Button>
      }
      forward={
        <Button onClick={() => goTo('start')}>
          <FormattedMessage {...words.startOver} />
        </Button>
      }
    >
      {installWorks && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              <FormattedMessage {...words.worksTitle} />
            </MessageBarTitle>
            <FormattedMessage {...words.worksBody} />
          </MessageBarBody>
        </MessageBar>
      )}
      {report?.preview.status === 'ready' && (
        <Section title={intl.formatMessage(words.changed)}>
          <ChangeList changes={report.preview.changes} />
        </Section>
      )}
      <div className={styles.controls}>
        <Switch
          checked={includePersonal}
          onChange={(_, data) => setIncludePersonal(data.checked)}
          label={intl.formatMessage(words.includePersonal)}
          aria-describedby="report-personal-hint"
        />
        <p className={styles.hint} id="report-personal-hint">
          <FormattedMessage {...wordsWithValues.personalHint} values={{ placeholder: '<user>' }} />
        </p>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<CopyRegular />}
            disabled={!ready}
            onClick={() => void copyReport()}
          >
            <FormattedMessage {...words.copy} />
          </Button>
          <Button icon={<SaveRegular />} disabled={!ready} onClick={() => void saveReport()}>
            <FormattedMessage {...words.save} />
          </Button>
        </div>
        <OutcomeMessage outcome={report?.outcome ?? null} />
      </div>
      <Section title={intl.formatMessage(words.preview)}>
        {(!report || report.preview.status === 'loading') && (
          <Spinner size="tiny" label={intl.formatMessage(words.writing)} labelPosition="after" />
        )}
        {report?.preview.status === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              {text(report.preview.error.message)}
              <TechnicalCause cause={report.preview.error.cause} />
            </MessageBarBody>
          </MessageBar>
        )}
        {report?.preview.status === 'ready' && (
          // Focusable: a scrolling region must be reachable with the keyboard.
          <pre
            className={styles.preview}
            tabIndex={0}
            aria-label={intl.formatMessage(words.previewLabel)}
          >
            {report.preview.markdown}
          </pre>
        )}
      </Section>
    </StepLayout>
  );
}
