import { describe, expect, it } from 'vitest';
import { pickLocale, posixMessagesLocale } from '../../../electron/shared/i18n/locales';

describe('which language Pip Doctor speaks', () => {
  it.each([
    [['de-DE', 'en-US'], 'de'],
    [['de-AT'], 'de'],
    [['fr-CA'], 'fr'],
    [['es-419'], 'es'],
    [['pt-PT'], 'pt-BR'],
    [['pt-BR'], 'pt-BR'],
    [['zh-CN'], 'zh-Hans'],
    [['zh-Hans-SG'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['ja-JP'], 'ja'],
    [['ko-KR'], 'ko'],
    [['ru-RU'], 'ru'],
    [['it-CH'], 'it'],
  ])('Windows preferring %j speaks %s', (preferred, expected) => {
    expect(pickLocale(preferred)).toBe(expected);
  });

  it('passes over languages it does not speak to the next one the user prefers', () => {
    expect(pickLocale(['sv-SE', 'nb-NO', 'de-DE'])).toBe('de');
    // Traditional Chinese readers get their next choice, not Simplified characters.
    expect(pickLocale(['zh-TW', 'ja-JP'])).toBe('ja');
    expect(pickLocale(['zh-Hant-HK'])).toBe('en');
  });

  it('falls back to English for none, nonsense or only unknown languages', () => {
    expect(pickLocale([])).toBe('en');
    expect(pickLocale(['sv-SE'])).toBe('en');
    expect(pickLocale(['', '!!', '../../etc'])).toBe('en');
    // The pseudo-locale is never picked from the system: only the menu offers it.
    expect(pickLocale(['en-XA'])).toBe('en');
  });

  it('reads POSIX locale names as the CLI gets them', () => {
    expect(pickLocale(['de_DE.UTF-8'])).toBe('de');
    expect(pickLocale(['zh_CN.UTF-8'])).toBe('zh-Hans');
    expect(pickLocale(['zh_TW.UTF-8'])).toBe('en');
    expect(pickLocale(['ca_ES.UTF-8@valencia'])).toBe('en');
    expect(pickLocale(['sr_RS@latin'])).toBe('en');
    expect(pickLocale(['C'])).toBe('en');
    expect(pickLocale(['C.UTF-8'])).toBe('en');
    expect(pickLocale(['POSIX'])).toBe('en');
  });

  it('takes LC_ALL over LC_MESSAGES over LANG, the first one set deciding', () => {
    expect(posixMessagesLocale({ LANG: 'de_DE.UTF-8' })).toEqual(['de_DE.UTF-8']);
    expect(posixMessagesLocale({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' })).toEqual([
      'fr_FR.UTF-8',
    ]);
    expect(
      posixMessagesLocale({
        LANG: 'de_DE.UTF-8',
        LC_MESSAGES: 'fr_FR.UTF-8',
        LC_ALL: 'ja_JP.UTF-8',
      }),
    ).toEqual(['ja_JP.UTF-8']);
    // LC_ALL=C means English even when LANG names another language: what `LC_ALL=C cmd` is for.
    expect(pickLocale(posixMessagesLocale({ LANG: 'de_DE.UTF-8', LC_ALL: 'C' }))).toBe('en');
    // An empty variable counts as unset, as in POSIX.
    expect(posixMessagesLocale({ LC_ALL: '', LANG: 'ko_KR.UTF-8' })).toEqual(['ko_KR.UTF-8']);
    expect(posixMessagesLocale({})).toEqual([]);
  });
});
