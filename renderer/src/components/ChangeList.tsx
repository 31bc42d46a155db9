import { makeStyles, tokens } from '@fluentui/react-components';
import type { ChangeSummary } from '../../../electron/shared/contract';
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

const ENDINGS: Readonly<Record<NonNullable<ChangeSummary['status']>, string>> = {
  succeeded: 'done',
  failed: 'did not work',
  cancelled: 'cancelled',
  declined: 'administrator rights were not given',
  'needs-restart': 'waits for a restart',
};

function ending(change: ChangeSummary): string {
  if (change.undone) return 'undone since';
  if (change.status === null) return 'did not finish';
  if (change.status === 'succeeded' && change.verified === true) return 'done, and checked';
  return ENDINGS[change.status];
}

const INSTALL_ENDINGS = {
  succeeded: 'it worked',
  failed: 'it failed',
  cancelled: 'you stopped it',
} as const;

/** What Pip Doctor changed in this session, fix by fix, as its journal records it. */
export function ChangeList({ changes }: { changes: readonly ChangeSummary[] }) {
  const styles = useStyles();
  const listStyles = useListStyles();
  const text = useText();
  if (changes.length === 0) return <p className={styles.changed}>Nothing: no fix ran.</p>;
  return (
    <ul className={listStyles.spaciousList}>
      {changes.map((change) => (
        <li key={`${change.startedAt} ${change.title}`}>
          <p className={styles.title}>
            {change.title} <span className={styles.ending}>({ending(change)})</span>
          </p>
          <ul className={styles.changed}>
            {change.changed.length === 0 && <li>Nothing was changed.</li>}
            {change.changed.map((changed) => (
              <li key={changed}>{changed}</li>
            ))}
            {change.installsAgain.map((again, index) => (
              <li key={`again-${index}`}>
                Ran your install again: pip install {again.packageName} {text(again.where)}:{' '}
                {INSTALL_ENDINGS[again.status]}.
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
