import { Accordion, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Expander } from './Expander';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Inside FoldedSections, every Section is one closed item of its accordion. */
const FoldedContext = createContext(false);

/** A titled part of a step (an h2, so a screen reader can jump between parts). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  if (useContext(FoldedContext)) {
    return (
      <Expander value={title} title={title} level="h3">
        {children}
      </Expander>
    );
  }
  return (
    <section className={styles.section}>
      <h2 className={styles.title}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * Sections for the expert, folded under one titled part ("Details"): each
 * Section inside becomes a closed accordion item, so the plain-words part
 * above stays on the first screen.
 */
export function FoldedSections({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section}>
      <h2 className={styles.title}>{title}</h2>
      <Accordion multiple collapsible>
        <FoldedContext.Provider value={true}>{children}</FoldedContext.Provider>
      </Accordion>
    </section>
  );
}
