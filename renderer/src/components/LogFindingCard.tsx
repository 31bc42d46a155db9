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
import { defineMessages, useIntl } from 'react-intl';
import type { NoMessageValues } from 'react-intl';
import { commandYouRan, failingFileOwner } from '../../../electron/shared/requestedInstall';
import { useAppStore } from '../state/store';
import { isUnrecognisedLog } from '../../../electron/shared/unrecognisedLog';
import { CONFIDENCE_WORDS, findingBadge } from '../wording/causeWords';
import { useText } from '../i18n/useText';
import { FactList } from './FactList';
import { ScreenReaderStatus } from './ScreenReaderStatus';
import { Panel } from './Panel';

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

const words = defineMessages<{
  reading: NoMessageValues;
  unreadable: NoMessageValues;
  title: NoMessageValues;
  youRan: NoMessageValues;
  file: NoMessageValues;
  then: NoMessageValues;
  belongsTo: NoMessageValues;
  error: NoMessageValues;
  announcement: { summary: string };
}>({
  reading: {
    id: 'ui.logFinding.reading',
    defaultMessage: 'Reading the error…',
    description: 'Beside a spinner while the pasted pip error is read',
  },
  unreadable: {
    id: 'ui.logFinding.unreadable',
    defaultMessage: 'The error could not be read',
    description: 'Title of a red bar: reading the pasted error failed; the reason follows',
  },
  title: {
    id: 'ui.logFinding.title',
    defaultMessage: 'What the error says',
    description: 'Heading of the card that reads the pasted pip error back in plain words',
  },
  youRan: {
    id: 'ui.logFinding.youRan',
    defaultMessage: 'You ran',
    description: 'Label: the pip command the user ran',
  },
  file: {
    id: 'ui.logFinding.file',
    defaultMessage: 'File',
    description: 'Label: the file pip failed on',
  },
  then: {
    id: 'ui.logFinding.then',
    defaultMessage: 'Then',
    description: 'Label: a second file pip failed on, after the first',
  },
  belongsTo: {
    id: 'ui.logFinding.belongsTo',
    defaultMessage: 'Belongs to',
    description: 'Label: the package whose file pip failed on',
  },
  error: {
    id: 'ui.logFinding.error',
    defaultMessage: 'Error',
    description: "Label: the error's code, such as WinError 5 or Errno 13",
  },
  announcement: {
    id: 'ui.logFinding.announcement',
    defaultMessage: 'The error says: {summary}',
    description:
      'Read out by screen readers once the error is read; {summary} is the reading, a sentence',
  },
});

/** The pasted error, read back in plain words as soon as it is classified. */
export function LogFindingCard() {
  const styles = useStyles();
  const text = useText();
  const titleId = useId();
  const intl = useIntl();
  const classification = useAppStore((state) => state.classification);

  let content = null;
  let announcement = '';
  if (classification.status === 'classifying') {
    content = (
      <Spinner size="tiny" label={intl.formatMessage(words.reading)} labelPosition="after" />
    );
  } else if (classification.status === 'failed') {
    content = (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{intl.formatMessage(words.unreadable)}</MessageBarTitle>
          {text(classification.error.message)}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (classification.status === 'classified') {
    const finding = classification.finding;
    const problem = finding.category !== 'not-permission';
    const owner = failingFileOwner(finding);
    announcement = intl.formatMessage(words.announcement, { summary: text(finding.summary) });
    // A region named by its title: a screen reader can jump to the reading, as a test can.
    content = (
      <section aria-labelledby={titleId}>
        <Panel>
          <div className={styles.titleRow}>
            <h2 id={titleId} className={styles.title}>
              {intl.formatMessage(words.title)}
            </h2>
            <Badge appearance="tint" color={problem ? 'warning' : 'informative'}>
              {text(findingBadge(finding))}
            </Badge>
            {/* How sure is about a cause; text with no pip error in it has none to be sure of. */}
            {!isUnrecognisedLog(finding) && (
              <span className={styles.confidence}>
                {text(CONFIDENCE_WORDS[finding.confidence])}
              </span>
            )}
          </div>
          <p className={styles.summary}>{text(finding.summary)}</p>
          <FactList
            facts={[
              {
                label: intl.formatMessage(words.youRan),
                value: commandYouRan(finding),
                code: true,
              },
              { label: intl.formatMessage(words.file), value: finding.path, code: true },
              { label: intl.formatMessage(words.then), value: finding.secondPath, code: true },
              { label: intl.formatMessage(words.belongsTo), value: owner && text(owner) },
              { label: intl.formatMessage(words.error), value: finding.code, code: true },
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
