import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { commandYouRan, failingFileOwner } from '../../../electron/shared/requestedInstall';
import { useAppStore } from '../state/store';
import { isUnrecognisedLog } from '../../../electron/shared/unrecognisedLog';
import { CONFIDENCE_WORDS, findingBadge } from '../wording/causeWords';
import { FactList } from './FactList';
import { ScreenReaderStatus } from './ScreenReaderStatus';
import { Panel } from './Panel';
import { useText } from '../i18n/useText';

const useStyles = makeStyles({
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  confidence: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  summary: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

/** The pasted error, read back in plain words as soon as it is classified. */
export function LogFindingCard() {
  const styles = useStyles();
  const titleId = useId();
  const classification = useAppStore((state) => state.classification);
  const text = useText();

  let content = null;
  let announcement = '';
  if (classification.status === 'classifying') {
    content = <Spinner size="tiny" label="Reading the error…" labelPosition="after" />;
  } else if (classification.status === 'failed') {
    content = (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>The error could not be read</MessageBarTitle>
          {text(classification.error.message)}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (classification.status === 'classified') {
    const finding = classification.finding;
    const problem = finding.category !== 'not-permission';
    announcement = `The error says: ${finding.summary}`;
    // A region named by its title: a screen reader can jump to the reading, as a test can.
    content = (
      <section aria-labelledby={titleId}>
        <Panel>
          <div className={styles.titleRow}>
            <h2 id={titleId} className={styles.title}>
              What the error says
            </h2>
            <Badge appearance="tint" color={problem ? 'warning' : 'informative'}>
              {findingBadge(finding)}
            </Badge>
            {/* How sure is about a cause; text with no pip error in it has none to be sure of. */}
            {!isUnrecognisedLog(finding) && (
              <span className={styles.confidence}>{CONFIDENCE_WORDS[finding.confidence]}</span>
            )}
          </div>
          <p className={styles.summary}>{finding.summary}</p>
          <FactList
            facts={[
              { label: 'You ran', value: commandYouRan(finding), code: true },
              { label: 'File', value: finding.path, code: true },
              { label: 'Then', value: finding.secondPath, code: true },
              { label: 'Belongs to', value: failingFileOwner(finding) },
              { label: 'Error', value: finding.code, code: true },
            ]}
          />
        </Panel>
      </section>
    );
  }
  return (
    <>
      <ScreenReaderStatus message={announcement} />
      {content}
    </>
  );
}
