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
import { scanIsStale } from '../state/staleScan';
import { useAppStore } from '../state/store';
import type { ExportOutcome } from '../state/reportSlice';
import { StepLayout } from '../components/StepLayout';
import { StaleScanBanner } from '../components/StaleScanBanner';
import { Section } from '../components/Section';
import { ChangeList } from '../components/ChangeList';
import { TechnicalCause } from '../components/TechnicalCause';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';
import { useText } from '../i18n/useText';

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

function OutcomeMessage({ outcome }: { outcome: ExportOutcome | null }) {
  // Always rendered, so the live region exists before its first message.
  const format = useText();
  let intent: 'success' | 'info' | 'error' = 'success';
  let text = '';
  let cause: string | null = null;
  if (outcome?.kind === 'copied') text = 'Copied. Paste it into your help request.';
  if (outcome?.kind === 'saved')
    text = outcome.fileName ? `Saved as ${outcome.fileName}.` : 'Saved.';
  if (outcome?.kind === 'not-saved') {
    intent = 'info';
    text = 'Nothing was saved.';
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
      heading={WIZARD_STEP_WORDS.report.heading}
      intro="A summary of what Pip Doctor found, in Markdown, to paste into a help request or an issue."
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('fixes')}>
          Back
        </Button>
      }
      forward={<Button onClick={() => goTo('start')}>Start over</Button>}
    >
      {installWorks && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Your install works now</MessageBarTitle>
            Nothing more to do. Keep this report if you want a record of what was changed.
          </MessageBarBody>
        </MessageBar>
      )}
      {report?.preview.status === 'ready' && (
        <Section title="What Pip Doctor changed">
          <ChangeList changes={report.preview.changes} />
        </Section>
      )}
      <div className={styles.controls}>
        <Switch
          checked={includePersonal}
          onChange={(_, data) => setIncludePersonal(data.checked)}
          label="Include my user name and folders"
          aria-describedby="report-personal-hint"
        />
        <p className={styles.hint} id="report-personal-hint">
          When off, your user name reads &lt;user&gt; everywhere, in folder paths too, so the report
          is safe to post in public.
        </p>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<CopyRegular />}
            disabled={!ready}
            onClick={() => void copyReport()}
          >
            Copy report
          </Button>
          <Button icon={<SaveRegular />} disabled={!ready} onClick={() => void saveReport()}>
            Save as a file…
          </Button>
        </div>
        <OutcomeMessage outcome={report?.outcome ?? null} />
      </div>
      <Section title="Preview">
        {(!report || report.preview.status === 'loading') && (
          <Spinner size="tiny" label="Writing the report…" labelPosition="after" />
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
          <pre className={styles.preview} tabIndex={0} aria-label="Report preview">
            {report.preview.markdown}
          </pre>
        )}
      </Section>
    </StepLayout>
  );
}
