import { useText } from '../i18n/useText';
import { makeStyles, tokens } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
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

/** What the scan could not see, so "nothing found" is never mistaken for "nothing there". */
export function GapList({ gaps }: { gaps: Gap[] }) {
  const styles = useStyles();
  const text = useText();
  const listStyles = useListStyles();
  if (gaps.length === 0) return null;
  return (
    <Section title={`What could not be checked (${gaps.length})`}>
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
