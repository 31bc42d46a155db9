import { makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { MessageTag } from 'react-intl';
import type { ChangeSummary } from '../../../electron/shared/contract';
import type { RerunStatus } from '../../../electron/shared/rerunModel';
import { useListStyles } from './listStyles';
import { useText } from '../i18n/useText';

const useStyles = makeStyles({
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  ending: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  changed: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    overflowWrap: 'anywhere',
  },
});

const words = defineMessages({
  nothingRan: {
    id: 'ui.changeList.nothingRan',
    defaultMessage: 'Nothing: no fix ran.',
    description: 'What Pip Doctor changed in this session, when no fix ran',
  },
  nothingChanged: {
    id: 'ui.changeList.nothingChanged',
    defaultMessage: 'Nothing was changed.',
    description: 'Under a fix that ran but changed nothing',
  },
});

const sentences = defineMessages<{
  ending: { title: string; ending: ChangeEnding; quiet: MessageTag };
  installAgain: { command: string; where: string; result: RerunStatus };
}>({
  ending: {
    id: 'ui.changeList.ending',
    defaultMessage:
      '{title} <quiet>({ending, select, undone {undone since} unfinished {did not finish} checked {done, and checked} succeeded {done} failed {did not work} cancelled {cancelled} declined {administrator rights were not given} restart {waits for a restart} other {did not finish}})</quiet>',
    description:
      'A fix in the list of what Pip Doctor changed: {title} is the fix, then how it ended in brackets (shown in grey)',
  },
  installAgain: {
    id: 'ui.changeList.installAgain',
    defaultMessage:
      'Ran your install again: {command} {where}: {result, select, succeeded {it worked} failed {it failed} other {you stopped it}}.',
    description:
      "Under a fix: the user's pip install was run again. {command} is the pip command (never translated), {where} says where it installed",
  },
});

/** How a fix ended, as the ICU select of the `ending` message names it. */
type ChangeEnding =
  | 'undone'
  | 'unfinished'
  | 'checked'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'declined'
  | 'restart';

function ending(change: ChangeSummary): ChangeEnding {
  if (change.undone) return 'undone';
  if (change.status === null) return 'unfinished';
  if (change.status === 'succeeded' && change.verified === true) return 'checked';
  return change.status === 'needs-restart' ? 'restart' : change.status;
}

/** What Pip Doctor changed in this session, fix by fix, as its journal records it. */
export function ChangeList({ changes }: { changes: readonly ChangeSummary[] }) {
  const styles = useStyles();
  const listStyles = useListStyles();
  const intl = useIntl();
  const text = useText();
  if (changes.length === 0)
    return <p className={styles.changed}>{intl.formatMessage(words.nothingRan)}</p>;
  return (
    <ul className={listStyles.spaciousList}>
      {changes.map((change) => (
        <li key={`${change.startedAt} ${JSON.stringify(change.title)}`}>
          <p className={styles.title}>
            {intl.formatMessage(sentences.ending, {
              title: text(change.title),
              ending: ending(change),
              quiet: (chunks) => <span className={styles.ending}>{chunks}</span>,
            })}
          </p>
          <ul className={styles.changed}>
            {change.changed.length === 0 && <li>{intl.formatMessage(words.nothingChanged)}</li>}
            {change.changed.map((changed) => (
              <li key={JSON.stringify(changed)}>{text(changed)}</li>
            ))}
            {change.installsAgain.map((again, index) => (
              <li key={`again-${index}`}>
                {intl.formatMessage(sentences.installAgain, {
                  command: `pip install ${again.packageName}`,
                  where: text(again.where),
                  result: again.status,
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
