import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    // Labels as long as they need, up to 40 %: a longer translation ("Sie haben ausgeführt")
    // wraps in its column instead of squeezing the path beside it at 200 % zoom.
    gridTemplateColumns: 'fit-content(40%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface Fact {
  label: string;
  value: ReactNode;
  /** Paths, commands and codes: monospace, and long ones wrap anywhere. */
  code?: boolean;
}

/** Label and value pairs, as a description list; empty values are left out. */
export function FactList({ facts }: { facts: Fact[] }) {
  const styles = useStyles();
  const shown = facts.filter((fact) => fact.value !== null && fact.value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className={styles.list}>
      {shown.map((fact) => (
        <Fragment key={fact.label}>
          <dt className={styles.term}>{fact.label}</dt>
          <dd className={mergeClasses(styles.detail, fact.code && styles.code)}>{fact.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
