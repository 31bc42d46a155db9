import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import { useShallow } from 'zustand/react/shallow';
import { useText } from '../i18n/useText';
import { useAppStore } from '../state/store';
import { WIZARD_STEPS, canVisit } from '../state/wizardSlice';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';
import { NARROW_WINDOW } from '../theme/narrowWindow';

const useStyles = makeStyles({
  nav: {
    width: '220px',
    flexShrink: 0,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalS,
    [NARROW_WINDOW]: {
      width: 'auto',
      paddingBlock: tokens.spacingVerticalXS,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    // A compact stepper: the numbers in a row, the current step's name beside its number.
    [NARROW_WINDOW]: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    width: '100%',
    minHeight: '40px',
    marginBottom: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    textAlign: 'start',
    cursor: 'pointer',
    position: 'relative',
    [NARROW_WINDOW]: {
      width: 'auto',
      minHeight: '32px',
      marginBottom: 0,
      paddingInline: tokens.spacingHorizontalS,
    },
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
    ':disabled': {
      cursor: 'default',
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: 'transparent',
    },
  },
  current: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    // The Windows 11 selection pill at the start edge.
    '::before': {
      content: '""',
      position: 'absolute',
      insetInlineStart: 0,
      top: '12px',
      bottom: '12px',
      width: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandBackground,
    },
    // In the row the pill lies under the current step, like a tab's.
    [NARROW_WINDOW]: {
      '::before': {
        top: 'auto',
        bottom: 0,
        insetInlineStart: tokens.spacingHorizontalS,
        insetInlineEnd: tokens.spacingHorizontalS,
        width: 'auto',
        height: '3px',
      },
    },
  },
  // In the compact row only the current step is named on screen; every button keeps its name.
  otherLabel: {
    [NARROW_WINDOW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    },
  },
  number: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '22px',
    height: '22px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid currentColor`,
    fontSize: tokens.fontSizeBase200,
  },
});

const words = defineMessages({
  label: {
    id: 'ui.nav.stepsLabel',
    defaultMessage: 'Steps',
    description: 'Screen-reader name of the list of the wizard’s steps at the side of the window',
  },
});

/** Where the user is, and every step they may go back (or forward) to. */
export function StepNav() {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const current = useAppStore((state) => state.step);
  const goTo = useAppStore((state) => state.goTo);
  const visitable = useAppStore(
    useShallow((state) => WIZARD_STEPS.map((step) => canVisit(state, step))),
  );
  return (
    <nav aria-label={intl.formatMessage(words.label)} className={styles.nav}>
      <ol className={styles.list}>
        {WIZARD_STEPS.map((step, index) => (
          <li key={step}>
            <button
              type="button"
              className={mergeClasses(styles.item, step === current && styles.current)}
              aria-current={step === current ? 'step' : undefined}
              disabled={!visitable[index]}
              onClick={() => goTo(step)}
            >
              <span className={styles.number} aria-hidden="true">
                {index + 1}
              </span>
              <span className={step === current ? undefined : styles.otherLabel}>
                {text(WIZARD_STEP_WORDS[step].nav)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
