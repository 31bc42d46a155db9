import { describe, expect, test } from 'vitest';
import { recommend } from '../../../../electron/engine/recommend/recommend';
import type { RecommendInput } from '../../../../electron/engine/recommend/recommend';
import { isPluralElement, isSelectElement, parse } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { ENGLISH } from '../../../../electron/engine/i18n/catalogs';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import { isMessageList } from '../../../../electron/shared/i18n/message';
import type { Message, MessageValue } from '../../../../electron/shared/i18n/message';
import { LOCALES } from '../../../../electron/shared/i18n/locales';
import type { Recommendation } from '../../../../electron/shared/model/diagnosis';
import { english, inLanguage } from '../../../support/english';
import { folder, holder, install } from './installFacts';
import { RECORDED_WINDOWS_MACHINES, diagnoseRecorded } from './recordedRecommendations';

/**
 * Issue #17: the advice reaches the user in their language, whole
 * sentences a translator wrote, with the paths, package and program names
 * exactly as the machine has them.
 */

const PROJECT = '/home/alice/Projekt ünïcode';
const SITE = '/usr/local/lib/python3.11/dist-packages';

/** A root-owned site-packages and pip's refusal to write requests into it. */
function permissionCase(reason: string | null = null): RecommendInput {
  const target = install({ folders: [folder('purelib', SITE, false, reason)] });
  return {
    platform: 'linux',
    cause: 'permission',
    target,
    installs: [target],
    processes: [],
    log: classifyLogText(
      `$ pip install requests\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${SITE}/requests'\n`,
    ),
    projectDir: PROJECT,
    pipOnPath: [],
    venvFolder: `${PROJECT}/.venv`,
  };
}

function fix(ranked: Recommendation[], id: Recommendation['id']): Recommendation {
  const found = ranked.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${id} is not among ${ranked.map((r) => r.id).join(', ')}`);
  return found;
}

describe('the venv advice for a folder the user may not change', () => {
  const venv = fix(recommend(permissionCase(), REMEDY_CATALOG), 'venv');

  test('in German: translated, with the folder and the package as they are', () => {
    expect(inLanguage('de', venv.title)).toBe('Virtuelle Umgebung verwenden');
    expect(inLanguage('de', venv.reason)).toBe(
      `pip installiert in ${SITE}: Diesen Ordner können Sie nicht ändern. Eine virtuelle Umgebung liegt in einem Ordner, der Ihnen gehört.`,
    );
    expect(inLanguage('de', venv.changes)).toBe(
      'Erstellt in Ihrem Projekt einen Ordner .venv und installiert das Paket dort. Außerhalb dieses Ordners ändert sich nichts.',
    );
    expect(inLanguage('de', venv.action!.label)).toBe(
      'Virtuelle Umgebung erstellen und requests installieren',
    );
  });

  test('in Japanese: translated, with the folder and the package as they are', () => {
    expect(inLanguage('ja', venv.reason)).toBe(
      `pip は ${SITE} にインストールしますが、このフォルダーはあなたには変更できません。仮想環境はあなたが所有するフォルダーに作られます。`,
    );
    expect(inLanguage('ja', venv.action!.label)).toBe('仮想環境を作成して requests をインストール');
  });

  test("the folder's own reason stays a sentence of its own, in every language", () => {
    const because = 'Only root can change this folder (owned by root, mode 755).';
    const reason = fix(recommend(permissionCase(because), REMEDY_CATALOG), 'venv').reason;
    expect(english(reason)).toBe(
      `pip installs into ${SITE}. ${because} A virtual environment lives in a folder you own.`,
    );
    // Not lowercased, not cut at its full stop, wherever the translator put it.
    expect(inLanguage('de', reason)).toContain(because);
    expect(inLanguage('ja', reason)).toContain(because);
  });
});

describe('an action label with a package', () => {
  test('in French, the package name is kept as it is', () => {
    const ranked = recommend(
      { ...permissionCase(), target: install({ folders: [folder('purelib', SITE, false)] }) },
      REMEDY_CATALOG,
    );
    expect(inLanguage('fr', fix(ranked, 'user-install').action!.label)).toBe(
      'Installer requests pour votre utilisateur uniquement',
    );
    expect(inLanguage('fr', fix(ranked, 'elevated-install').action!.label)).toBe(
      'Installer requests avec les droits root',
    );
  });
});

describe('the programs that hold the files', () => {
  const held = (count: number): RecommendInput => {
    const processes = Array.from({ length: count }, (_, index) =>
      holder(4000 + index, [`${SITE}/numpy/core/_multiarray_umath.so`], 'py-target', null),
    );
    const target = install({ heldBy: processes.map((process) => process.pid) });
    return { ...permissionCase(), cause: 'lock', target, installs: [target], processes };
  };
  const reasonFor = (count: number) =>
    fix(recommend(held(count), REMEDY_CATALOG), 'close-processes').reason;

  test('one program "holds" it; several "hold" them, the first three named and the rest counted', () => {
    expect(english(reasonFor(1))).toBe(
      'python3.11 (pid 4000) holds files of this Python; close it and run pip again.',
    );
    expect(english(reasonFor(2))).toBe(
      'python3.11 (pid 4000) and python3.11 (pid 4001) hold files of this Python; close them and run pip again.',
    );
    expect(english(reasonFor(5))).toBe(
      'python3.11 (pid 4000), python3.11 (pid 4001), python3.11 (pid 4002), and 2 more hold files of this Python; close them and run pip again.',
    );
  });

  test("in Russian, with the language's own list and plural", () => {
    expect(inLanguage('ru', reasonFor(1))).toBe(
      'python3.11 (pid 4000) использует файлы этого Python. Закройте эту программу и снова запустите pip.',
    );
    expect(inLanguage('ru', reasonFor(5))).toBe(
      'python3.11 (pid 4000), python3.11 (pid 4001), python3.11 (pid 4002) и ещё 2 используют файлы этого Python. Закройте эти программы и снова запустите pip.',
    );
  });
});

/** The arguments an English message only chooses by (`{administrator, select, …}`): never shown. */
function selectors(message: Message): Set<string> {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isSelectElement(element)) found.add(element.value);
      if (isSelectElement(element) || isPluralElement(element))
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(ENGLISH[message.messageId] ?? ''));
  return found;
}

/** The words and names a message shows as they are (paths, packages, programs), at any depth. */
function namesIn(message: Message): string[] {
  const fromValue = (value: MessageValue): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'number'
        ? []
        : isMessageList(value)
          ? value.list.flatMap(fromValue)
          : namesIn(value);
  const chosenBy = selectors(message);
  return Object.entries(message.values ?? {})
    .filter(([key]) => !chosenBy.has(key))
    .flatMap(([, value]) => fromValue(value));
}

describe.each(RECORDED_WINDOWS_MACHINES)(
  'every fix on the recorded Windows machine "%s"',
  (situation) => {
    test.each(LOCALES)(
      'reads in %s with every path, package and program name as it is',
      async (locale) => {
        for (const fix of (await diagnoseRecorded(situation)).recommendations) {
          const words = [
            fix.title,
            fix.reason,
            fix.changes,
            ...(fix.action ? [fix.action.label] : []),
          ];
          for (const message of words) {
            const text = inLanguage(locale, message);
            for (const name of namesIn(message))
              expect(text, `${fix.id} in ${locale}`).toContain(name);
          }
        }
      },
    );
  },
);
