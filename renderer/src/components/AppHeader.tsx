import { makeStyles, tokens } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import { appWords } from '../wording/appWords';
import { LanguageMenu } from './LanguageMenu';
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
    // A longer translation gives way to the language menu instead of pushing it off the window.
    flex: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

export function AppHeader() {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      {/* Decorative: the name beside it says what it is. */}
      <img src={appIconUrl} alt="" width={24} height={24} />
      <span className={styles.name}>
        <FormattedMessage {...appWords.name} />
      </span>
      <span className={styles.tagline}>
        <FormattedMessage {...appWords.tagline} />
      </span>
      <LanguageMenu />
    </header>
  );
}
