import { msg } from '../../../electron/shared/i18n/message';
import { createIntl, createIntlCache } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, test } from 'vitest';
import { catalogFor, ENGLISH } from '../../../electron/engine/i18n/catalogs';
import { LOCALES } from '../../../electron/shared/i18n/locales';
import type { Locale } from '../../../electron/shared/i18n/locales';
import type { HolderChoice } from '../../../electron/shared/contract';
import { holderGroups } from '../../../renderer/src/state/holderGroups';
import { copyButtonName } from '../../../renderer/src/components/CommandLine';
import { holderDetail } from '../../../renderer/src/components/actions/PlanChoicesForm';
import { english, inLanguage } from '../../support/english';

/** Issue #17: the wizard's components (`ui.*`) in the user's language. */
const cache = createIntlCache();

/** The renderer's react-intl in one language, strict: a missing message or value throws. */
function intlIn(locale: Locale): IntlShape {
  return createIntl(
    {
      locale,
      defaultLocale: 'en',
      messages: catalogFor(locale),
      onError: (error) => {
        throw error;
      },
    },
    cache,
  );
}

const holder = (pid: number, parentPid: number | null): HolderChoice => ({
  pid,
  startTime: '2026-03-06T10:31:02.000Z',
  description: msg({ id: 'plan.holder.named.pid' }, { program: 'python.exe', pid: String(pid) }),
  name: msg({ id: 'plan.holder.jupyterKernelOf' }, { app: 'VS Code' }),
  program: 'python.exe',
  parentPid,
  sameUser: true,
});

describe('the components speak German, with their values as they are', () => {
  test('the Copy button names its command for a screen reader', () => {
    expect(copyButtonName(intlIn('de'), 'pip install --user requests', false)).toBe(
      'Kopieren – Befehl: pip install --user requests',
    );
    expect(copyButtonName(intlIn('en'), 'pip install --user requests', true)).toBe(
      'Copied command: pip install --user requests',
    );
  });

  test('a launcher and its kernel: the pids joined by the language’s own "and", never grouped as numbers', () => {
    const [group] = holderGroups([holder(18840, null), holder(18852, 18840)]);
    expect(holderDetail(intlIn('de'), group!)).toBe(
      'python.exe, PID 18840 und PID 18852 (ein Starter und das Programm, das er gestartet hat)',
    );
    expect(holderDetail(intlIn('en'), group!)).toBe(
      'python.exe, pid 18840 and pid 18852 (a launcher and the program it started)',
    );
    const [alone] = holderGroups([holder(8840, null)]);
    expect(holderDetail(intlIn('fr'), alone!)).toBe('python.exe, PID 8840');
  });
});

describe('plurals as each language counts', () => {
  const fine = (count: number) => ({ messageId: 'ui.installList.fine', values: { count } });

  test('English: one install, two installs', () => {
    expect(english(fine(1))).toBe('1 install without problems');
    expect(english(fine(2))).toBe('2 installs without problems');
  });

  test('Russian: one, few and many', () => {
    expect(inLanguage('ru', fine(1))).toBe('1 установка без проблем');
    expect(inLanguage('ru', fine(3))).toBe('3 установки без проблем');
    expect(inLanguage('ru', fine(5))).toBe('5 установок без проблем');
    expect(inLanguage('ru', fine(21))).toBe('21 установка без проблем');
  });

  test('the consent buttons say "it" for one program and "them" for several', () => {
    const keep = (count: number) => ({ messageId: 'ui.consentPrompt.keep', values: { count } });
    expect(english(keep(1))).toBe('No, leave it running');
    expect(english(keep(2))).toBe('No, leave them running');
    expect(inLanguage('de', keep(2))).toBe('Nein, die Programme weiterlaufen lassen');
  });
});

/** Every argument a message takes, by name and kind: what a translation must keep. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()) {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.set(element.value, 'text');
        break;
      case TYPE.plural:
        into.set(element.value, 'count');
        for (const option of Object.values(element.options)) argumentsOf(option.value, into);
        break;
      case TYPE.select:
        into.set(element.value, 'choice');
        for (const option of Object.values(element.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.set(element.value, 'tag');
        argumentsOf(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

const ids = Object.keys(ENGLISH).filter((id) => id.startsWith('ui.'));

describe.each(LOCALES.filter((locale) => locale !== 'en'))('the components in %s', (locale) => {
  const catalog = catalogFor(locale) as Readonly<Record<string, string>>;

  test('every message is translated, keeps English’s placeholders and formats', () => {
    for (const id of ids) {
      const text = catalog[id];
      expect(text, `${locale} lacks ${id}`).toBeTypeOf('string');
      const wanted = argumentsOf(parse(ENGLISH[id]!));
      // A number may be counted with a plural or shown as it is: "{done} of {total}" needs none.
      const named = (kinds: Map<string, string>) =>
        [...kinds].map(([name, kind]) => `${name}:${kind === 'count' ? 'text' : kind}`).sort();
      expect(named(argumentsOf(parse(text!))), `${locale} ${id}`).toEqual(named(wanted));
      // A value of each kind, a select's choice that it names first: it must format, strictly.
      const values = Object.fromEntries(
        [...wanted].map(([name, kind]) => [
          name,
          kind === 'count' ? 2 : kind === 'tag' ? (chunks: string[]) => chunks.join('') : 'x',
        ]),
      );
      expect(() => intlIn(locale).formatMessage({ id }, values), `${locale} ${id}`).not.toThrow();
    }
  });
});
