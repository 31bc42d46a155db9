import { msg } from '../../../electron/shared/i18n/message';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createIntl } from 'react-intl';
import { describe, expect, test } from 'vitest';
import type { HolderChoice } from '../../../electron/shared/contract';
import { LOCALES } from '../../../electron/shared/i18n/locales';
import type { Message, MessageValue } from '../../../electron/shared/i18n/message';
import { formatSize } from '../../../renderer/src/logFile/readLogFile';
import type { ActionSession } from '../../../renderer/src/state/actionSession';
import { packageNameProblem } from '../../../renderer/src/state/planChoices';
import { runButtonLabel } from '../../../renderer/src/wording/actionWords';
import { CAUSE_BADGES } from '../../../renderer/src/wording/causeWords';
import { installName } from '../../../renderer/src/wording/installWords';
import { WIZARD_STEP_WORDS } from '../../../renderer/src/wording/wizardStepWords';
import { english, inLanguage } from '../../support/english';
import { REPO } from '../../support/repoPaths';
import { posixDiagnosis, windowsDiagnosis } from '../engine/report/diagnosisFixtures';

/** Issue #17: the wizard's own words (ui.*) in the user's language. */

const holder = (pid: number): HolderChoice => ({
  pid,
  startTime: '2026-03-06T10:31:02.000Z',
  description: msg({ id: 'plan.holder.named.pid' }, { program: 'python.exe', pid: String(pid) }),
  name: msg({ id: 'plan.holder.pythonProgram' }),
  program: 'python.exe',
  parentPid: null,
  sameUser: true,
});

/** The close-programs dialog with `count` unrelated programs ticked. */
function closing(count: number): ActionSession {
  return {
    id: 1,
    origin: {
      kind: 'remedy',
      remedy: 'close-processes',
      installId: 'py-1',
      title: msg({ id: 'advice.close-processes.title' }),
      packageUse: 'none',
    },
    choices: {
      packageName: '',
      folder: null,
      holders: Array.from({ length: count }, (_, i) => holder(4000 + i)),
      unticked: [],
    },
    plan: { status: 'loading' },
    run: null,
  } as ActionSession;
}

describe('the run button counts the programs it closes, in each language’s plural', () => {
  test.each([
    ['en', 1, 'Close 1 program'],
    ['en', 2, 'Close 2 programs'],
    ['ru', 1, 'Закрыть 1 программу'],
    ['ru', 3, 'Закрыть 3 программы'],
    ['ru', 5, 'Закрыть 5 программ'],
    ['de', 2, '2 Programme schließen'],
    ['ja', 5, '5 個のプログラムを閉じる'],
  ] as const)('%s, %i programs: "%s"', (locale, count, words) => {
    expect(inLanguage(locale, runButtonLabel(closing(count)))).toBe(words);
  });

  test('a package the user typed goes into the sentence untranslated, where the language puts it', () => {
    const session: ActionSession = {
      ...closing(0),
      origin: { ...closing(0).origin, remedy: 'venv' } as ActionSession['origin'],
      choices: { ...closing(0).choices, packageName: 'scikit-learn' },
    };
    expect(english(runButtonLabel(session))).toBe(
      'Create the environment and install scikit-learn',
    );
    expect(inLanguage('de', runButtonLabel(session))).toBe(
      'Umgebung erstellen und scikit-learn installieren',
    );
    expect(inLanguage('ko', runButtonLabel(session))).toBe('환경을 만들고 scikit-learn 설치');
  });
});

describe('installs, causes and steps in German', () => {
  test('an install is named by its version and its kind, the kind in the language', () => {
    const venv = posixDiagnosis().installs.find((install) => install.kind === 'venv')!;
    expect(english(installName(venv))).toBe('Python 3.11.2, virtual environment');
    expect(inLanguage('de', installName(venv))).toBe('Python 3.11.2, virtuelle Umgebung');
    const store = windowsDiagnosis().installs.find((install) => install.kind === 'store')!;
    // A Python that never said its version: only its kind.
    expect(inLanguage('fr', installName(store))).toBe('Python, Microsoft Store');
  });

  test('the step rail and the cause badge read German, not English', () => {
    expect(inLanguage('de', WIZARD_STEP_WORDS.start.heading)).toBe('Was ist passiert?');
    expect(inLanguage('de', CAUSE_BADGES.lock)).toBe('Datei in Verwendung');
  });

  test('a package name that is not one is refused in the user’s language, with the examples kept', () => {
    const problem = packageNameProblem('requests>=2; rm -rf ~');
    expect(problem).not.toBeNull();
    expect(inLanguage('fr', problem!)).toMatch(
      /^Utilisez le nom tel qu’il figure sur PyPI, comme requests ou scikit-learn/,
    );
    expect(packageNameProblem('requests')).toBeNull();
  });
});

test('file sizes use the language’s decimal mark and unit names', () => {
  const size = (locale: string, bytes: number) => formatSize(bytes, createIntl({ locale }));
  expect(size('en', 20 * 1024 * 1024)).toBe('20.0 MB');
  expect(size('de', 20 * 1024 * 1024)).toBe('20,0 MB');
  expect(size('en', 512)).toBe('512 bytes');
  expect(size('en', 12 * 1024)).toBe('12 kB');
});

/** Sample values for a message's placeholders: a number where ICU counts, text elsewhere. */
function sampleValues(elements: MessageFormatElement[], into: Record<string, MessageValue> = {}) {
  for (const element of elements) {
    if (element.type === TYPE.plural) into[element.value] = 2;
    else if (element.type === TYPE.argument || element.type === TYPE.select)
      into[element.value] = 'x';
    if ('options' in element)
      for (const option of Object.values(element.options)) sampleValues(option.value, into);
  }
  return into;
}

test('every ui.* message is translated into every language and formats with its placeholders filled', () => {
  const read = (locale: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(REPO, 'i18n', `${locale}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
  const extracted = read('en') as Record<string, { defaultMessage: string }>;
  const ids = Object.keys(extracted).filter((id) => id.startsWith('ui.'));
  expect(ids.length).toBeGreaterThan(150);
  for (const locale of LOCALES.filter((locale) => locale !== 'en')) {
    // The app would quietly show English for a missing one: the test must see it.
    const translated = read(locale);
    expect(
      ids.filter((id) => typeof translated[id] !== 'string'),
      `${locale} lacks`,
    ).toEqual([]);
    for (const id of ids) {
      const elements = parse(extracted[id]!.defaultMessage);
      // Rich text (`<quiet>…</quiet>`) is formatted by react-intl with its tags' renderers;
      // tests/unit/i18n/catalogs.test.ts checks those messages' tags and placeholders.
      if (JSON.stringify(elements).includes(`"type":${TYPE.tag}`)) continue;
      const values = sampleValues(elements);
      const message: Message = { messageId: id, values };
      // Strict: a placeholder the translation names but English does not fill throws.
      expect(() => inLanguage(locale, message), `${locale} ${id}`).not.toThrow();
    }
  }
});
