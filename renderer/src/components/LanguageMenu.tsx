import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import type { MenuProps } from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import { defineMessages, useIntl } from 'react-intl';
import { isLocale, LANGUAGE_NAMES } from '../../../electron/shared/i18n/locales';
import { useAppStore } from '../state/store';

const words = defineMessages<{ label: { language: string } }>({
  label: {
    id: 'app.language.label',
    defaultMessage: 'Language: {language}',
    description: 'The language menu button; {language} is the current language in its own name',
  },
});

/** The language menu: each language by its own name; the choice is remembered by main. */
export function LanguageMenu() {
  const intl = useIntl();
  const locale = useAppStore((state) => state.locale);
  const available = useAppStore((state) => state.availableLocales);
  const chooseLanguage = useAppStore((state) => state.chooseLanguage);
  const onChange: MenuProps['onCheckedValueChange'] = (_event, { checkedItems }) => {
    const picked = checkedItems[0];
    if (isLocale(picked)) void chooseLanguage(picked);
  };
  const name = LANGUAGE_NAMES[locale];
  return (
    <Menu checkedValues={{ language: [locale] }} onCheckedValueChange={onChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<LocalLanguageRegular />}
          aria-label={intl.formatMessage(words.label, { language: name })}
        >
          {name}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {available.map((option) => (
            <MenuItemRadio key={option} name="language" value={option} lang={option}>
              {LANGUAGE_NAMES[option]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
