import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { ActionDialog } from './components/actions/ActionDialog';
import { DropOverlay } from './components/DropOverlay';
import { StepNav } from './components/StepNav';
import { useAppStore } from './state/store';
import { CurrentStep } from './steps/CurrentStep';
import { usePrefersDark } from './theme/usePrefersDark';
import { PAGE_BACKGROUND_VAR } from './theme/pageBackground';
import { NARROW_WINDOW } from './theme/narrowWindow';

// Through Griffel like every other style: a <link>ed CSS file would need its own CSP allowance.
const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { height: '100%', margin: 0 },
  // The app's own provider only: Fluent gives a provider's classes to every portal (dialogs)
  // too, and a full-height, painted portal would cover the page behind a dialog.
  '#root > .fui-FluentProvider': { height: '100%' },
});

const useStyles = makeStyles({
  page: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
  },
  // Windows 11's page colours (#f3f3f3 light, #202020 dark): the cards on them are lighter in both.
  lightPage: {
    backgroundColor: tokens.colorNeutralBackground3,
    [PAGE_BACKGROUND_VAR]: tokens.colorNeutralBackground3,
  },
  darkPage: {
    backgroundColor: tokens.colorNeutralBackground2,
    [PAGE_BACKGROUND_VAR]: tokens.colorNeutralBackground2,
  },
  body: {
    flex: 1,
    minHeight: 0,
    display: 'flex',
    // A narrow window (200 % zoom of a laptop's) has no room for the rail: the steps go on top.
    [NARROW_WINDOW]: { flexDirection: 'column' },
  },
  main: {
    flex: 1,
    minWidth: 0,
    overflowY: 'auto',
    // Contains the visually hidden live regions, which would otherwise stretch the window.
    position: 'relative',
  },
});

export function App() {
  useGlobalStyles();
  const styles = useStyles();
  const dark = usePrefersDark();
  const loadPendingActions = useAppStore((state) => state.loadPendingActions);
  // Once, on start: fixes the journal says did not finish are offered before anything new.
  useEffect(() => void loadPendingActions(), [loadPendingActions]);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={mergeClasses(styles.page, dark ? styles.darkPage : styles.lightPage)}>
        <AppHeader />
        <div className={styles.body}>
          <StepNav />
          <main className={styles.main}>
            <CurrentStep />
          </main>
        </div>
        <DropOverlay />
      </div>
      <ActionDialog />
    </FluentProvider>
  );
}
