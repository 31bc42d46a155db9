import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { appWords } from '../wording/appWords';
import { useAppStore } from '../state/store';

const useStyles = makeStyles({
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    // Focus lands here only when the app moves it (tabIndex -1, never by Tab): a ring around
    // a heading reads as something to act on, and a screen reader announces it anyway.
    ':focus': { outline: 'none' },
  },
});

const words = defineMessages<{ windowTitle: { app: string; step: string } }>({
  windowTitle: {
    id: 'ui.window.title',
    defaultMessage: '{app} – {step}',
    description:
      'The window’s title (also in the taskbar); {app} is the app’s name, {step} the current step’s title',
  },
});

/**
 * The step's title. After the user moves to a step, focus lands here, so a
 * screen reader announces the new screen and Tab continues from its top.
 */
export function StepHeading({
  id,
  children,
  takesFocus = true,
}: {
  id: string;
  children: string;
  /** False where the step focuses its first field instead (the paste box on step 1). */
  takesFocus?: boolean;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  const hasNavigated = useAppStore((state) => state.hasNavigated);
  const intl = useIntl();
  const windowTitle = intl.formatMessage(words.windowTitle, {
    app: intl.formatMessage(appWords.name),
    step: children,
  });
  // Again when the language changes: the taskbar shows it too.
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);
  useEffect(() => {
    if (hasNavigated && takesFocus) ref.current?.focus();
    // Once per screen: later re-renders of the same step must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h1>
  );
}
