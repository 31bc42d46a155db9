import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { StepHeading } from './StepHeading';
import { PAGE_BACKGROUND_VAR } from '../theme/pageBackground';
import { NARROW_WINDOW } from '../theme/narrowWindow';

const useStyles = makeStyles({
  page: {
    maxWidth: '820px',
    marginInline: 'auto',
    paddingBlock: tokens.spacingVerticalXXXL,
    paddingInline: '40px',
    // At 200 % zoom every pixel of height counts: the margins shrink with the window.
    [NARROW_WINDOW]: {
      paddingBlock: tokens.spacingVerticalL,
      paddingInline: tokens.spacingHorizontalL,
    },
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: {
    margin: 0,
    marginTop: `calc(-1 * ${tokens.spacingVerticalM})`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
  // Always on screen, at the bottom of <main>'s scroll area: the way on is never below the fold.
  footer: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    // The page's own colour (set by App for light and dark): content scrolls away beneath it.
    backgroundColor: `var(${PAGE_BACKGROUND_VAR})`,
  },
  // Next sits at the end, like in every Windows wizard, also when longer words (German, or a
  // narrow window) wrap the buttons onto a second row.
  forward: {
    marginInlineStart: 'auto',
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
});

interface StepLayoutProps {
  /** Unique per step: the section is labelled by its heading. */
  id: string;
  heading: string;
  intro: ReactNode;
  /** Back, at the start of the footer. */
  back?: ReactNode;
  /** Next (and anything that moves on), at the end. */
  forward: ReactNode;
  /** A message about the whole step (a stale scan), right under the heading. */
  notice?: ReactNode;
  /** False where the step focuses its first field on arrival instead of its heading. */
  focusHeading?: boolean;
  children: ReactNode;
}

/** One wizard screen: its heading, a sentence of what it is for, its content, then Back and Next. */
export function StepLayout({
  id,
  heading,
  intro,
  back,
  forward,
  notice,
  focusHeading = true,
  children,
}: StepLayoutProps) {
  const styles = useStyles();
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={styles.page}>
      <div className={styles.top}>
        <StepHeading id={headingId} takesFocus={focusHeading}>
          {heading}
        </StepHeading>
        {/* Under the heading, before the intro: at 200 % zoom its button is still on screen. */}
        {notice}
      </div>
      <p className={styles.intro}>{intro}</p>
      {children}
      <div className={styles.footer}>
        {back}
        <div className={styles.forward}>{forward}</div>
      </div>
    </section>
  );
}
