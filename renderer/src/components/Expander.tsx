import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // A card with a header that opens it, like WinUI's Expander.
  item: {
    marginBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // A folded Section's parts (a list, then a nested accordion) keep the gap they have unfolded.
  panel: {
    paddingBottom: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

interface ExpanderProps {
  value: string;
  title: string;
  /** The header's heading level where it sits in the step's outline. */
  level: 'h2' | 'h3' | 'h4';
  children: ReactNode;
}

/** One item of a Fluent Accordion, closed until asked: detail one click away. */
export function Expander({ value, title, level, children }: ExpanderProps) {
  const styles = useStyles();
  return (
    <AccordionItem value={value} className={styles.item}>
      <AccordionHeader as={level}>{title}</AccordionHeader>
      <AccordionPanel className={styles.panel}>{children}</AccordionPanel>
    </AccordionItem>
  );
}
