import { useText } from '../i18n/useText';
import { makeStyles, tokens } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import { defineMessages, useIntl } from 'react-intl';
import type { Gap } from '../../../electron/shared/model/diagnosis';
import { Section } from './Section';
import { useListStyles } from './listStyles';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: '20px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  icon: { fontSize: '16px', marginTop: '1px', color: tokens.colorNeutralForeground3 },
  reveal: { gridColumn: 2, color: tokens.colorNeutralForeground3 },
});

const sentences = defineMessages<{ title: { count: number } }>({
  title: {
    id: 'ui.gapList.title',
    defaultMessage: 'What could not be checked ({count})',
    description: 'Heading of the list of things the scan could not look at; {count} is how many',
  },
});

/** What the scan could not see, so "nothing found" is never mistaken for "nothing there". */
export function GapList({ gaps }: { gaps: Gap[] }) {
  const styles = useStyles();
  const text = useText();
  const listStyles = useListStyles();
  const intl = useIntl();
  if (gaps.length === 0) return null;
  return (
    <Section title={intl.formatMessage(sentences.title, { count: gaps.length })}>
      <ul className={listStyles.list}>
        {gaps.map((gap) => (
          <li key={`${gap.area}:${JSON.stringify(gap.message)}`} className={styles.item}>
            <InfoRegular className={styles.icon} />
            <span>{text(gap.message)}</span>
            {gap.howToReveal && <span className={styles.reveal}>{text(gap.howToReveal)}</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}
