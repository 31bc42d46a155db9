import { makeStyles, tokens } from '@fluentui/react-components';
// The app's one icon source (assets/icon/icon.svg); small enough that Vite inlines it.
import appIconUrl from '../../../assets/icon/icon.svg';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalL,
    height: '48px',
    flexShrink: 0,
  },
  name: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  tagline: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

export function AppHeader() {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      {/* Decorative: the name beside it says what it is. */}
      <img src={appIconUrl} alt="" width={24} height={24} />
      <span className={styles.name}>Pip Doctor</span>
      <span className={styles.tagline}>Finds out why pip install fails, and how to fix it</span>
    </header>
  );
}
