import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  emphasis: {
    ...shorthands.borderColor(tokens.colorBrandStroke2),
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** A Windows 11 settings card: a quiet surface that groups one subject. */
export function Panel({ children, emphasis }: { children: ReactNode; emphasis?: boolean }) {
  const styles = useStyles();
  return <div className={mergeClasses(styles.panel, emphasis && styles.emphasis)}>{children}</div>;
}
