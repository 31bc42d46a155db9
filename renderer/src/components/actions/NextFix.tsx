import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { RemedyId } from '../../../../electron/shared/model/vocabulary';
import { useText } from '../../i18n/useText';
import { useAppStore } from '../../state/store';

const useStyles = makeStyles({
  next: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  reason: { margin: 0, overflowWrap: 'anywhere' },
});

const sentences = defineMessages<{ heading: { fix: string } }>({
  heading: {
    id: 'ui.nextFix.heading',
    defaultMessage: 'Next, try: {fix}',
    description: "After a fix that did not work: the next fix to try; {fix} is that fix's title",
  },
});

/** The scan's next fix after this one, when one is left: the user goes on without leaving the dialog. */
export function NextFix({ after }: { after: RemedyId }) {
  const styles = useStyles();
  const diagnosis = useAppStore((state) => state.scan.diagnosis);
  const openRemedy = useAppStore((state) => state.openRemedy);
  const text = useText();
  const intl = useIntl();
  if (diagnosis === null) return null;
  const applicable = diagnosis.recommendations.filter((fix) => fix.applicable);
  const next = applicable
    .slice(applicable.findIndex((fix) => fix.id === after) + 1)
    .find((fix) => fix.installId !== null && fix.action !== null);
  if (!next) return null;
  return (
    <section className={styles.next}>
      <h3 className={styles.heading}>
        {intl.formatMessage(sentences.heading, { fix: text(next.title) })}
      </h3>
      <p className={styles.reason}>{text(next.reason)}</p>
      {next.action && (
        <Button onClick={() => void openRemedy(next)}>{text(next.action.label)}</Button>
      )}
    </section>
  );
}
