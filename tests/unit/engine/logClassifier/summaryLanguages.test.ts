import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import type { Verdict, VerdictReason } from '../../../../electron/engine/logClassifier/decideCause';
import type { NotPermissionKind } from '../../../../electron/engine/logClassifier/logSignals';
import { summarize } from '../../../../electron/engine/logClassifier/summarize';
import { isMessage, isMessageList } from '../../../../electron/shared/i18n/message';
import type { Message, MessageValue } from '../../../../electron/shared/i18n/message';
import { LOCALES } from '../../../../electron/shared/i18n/locales';
import { english, inLanguage } from '../../../support/english';
import { FIXTURES } from '../../../support/repoPaths';

const recordedLog = (machine: string) =>
  readFileSync(join(FIXTURES, 'windows', machine, 'pip-log.txt'), 'utf8');

/** Everything the classifier decides, without the words: what the held-out set measures. */
const decisions = (finding: ReturnType<typeof classifyLogText>) => ({
  ...finding,
  summary: undefined,
});

describe("the log's words in the user's language (issue #17)", () => {
  test('a German Windows log classifies as before, and its summary reads in German with the folder named as the log has it', () => {
    const finding = classifyLogText(recordedLog('german-windows'));
    expect(decisions(finding)).toMatchObject({
      category: 'permission',
      code: 'WinError 5',
      path: 'C:\\Program Files\\Python311\\Lib\\site-packages\\numpy',
      package: 'numpy',
      requested: 'numpy',
      confidence: 'high',
      alternatives: ['lock'],
    });
    expect(inLanguage('de', finding.summary)).toBe(
      'pip konnte "numpy" nicht schreiben, weil nur ein Administrator diesen Ordner ändern darf. Installieren Sie stattdessen in eine virtuelle Umgebung oder mit --user.',
    );
    // The package's own folder is not said to be "part of" the package of the same name.
    expect(english(finding.summary)).toMatch(/^pip could not write "numpy" because only/);
  });

  test('a Chinese Windows log classifies as before, and its summary reads in Chinese', () => {
    const finding = classifyLogText(recordedLog('chinese-windows'));
    expect(decisions(finding)).toMatchObject({
      category: 'permission',
      code: 'WinError 5',
      path: 'C:\\Program Files\\Python312\\Lib\\site-packages\\pandas',
      package: 'pandas',
      requested: 'pandas',
      confidence: 'high',
      alternatives: ['lock'],
    });
    expect(inLanguage('zh-Hans', finding.summary)).toBe(
      'pip 无法写入 "pandas"，因为只有管理员才能更改该文件夹。请改为安装到虚拟环境中，或使用 --user 安装。',
    );
  });

  test('a loaded .pyd: the German summary keeps the file and package names exactly', () => {
    const log = readFileSync(join(FIXTURES, 'pip-logs', 'example-lock.log'), 'utf8');
    const finding = classifyLogText(log);
    expect(finding.category).toBe('lock');
    const german = inLanguage('de', finding.summary);
    expect(german).toMatch(
      /^Ein laufendes Python-Programm hat "_cffi_backend\.cp310-win_amd64\.pyd" \(Teil von cffi\) geladen, /,
    );
    expect(german).not.toContain('running');
  });

  test('a sentence inside a sentence: the reason that is not a permission problem is translated too', () => {
    const finding = classifyLogText(
      [
        'Collecting numpy',
        "ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device: '/home/ana/.venv/lib/python3.12/site-packages/numpy/core/x.so'",
      ].join('\n'),
    );
    expect(finding.summary.messageId).toBe('log.summary.osErrorOnFile');
    expect(inLanguage('ru', finding.summary)).toBe(
      'pip завершился с ошибкой операционной системы, не связанной с правами доступа (файл: "x.so"). Диск заполнен: освободите место и повторите попытку.',
    );
  });
});

/** Every rule's summary, with and without a readable file name and a package. */
const REASONS: Record<VerdictReason, true> = {
  pep668: true,
  'store-folder': true,
  'long-path-hint': true,
  'long-name-hint': true,
  'long-path-length': true,
  'virus-detected': true,
  'temp-invalid-argument': true,
  'temp-executable': true,
  'scanner-named': true,
  'scanner-reset': true,
  'pip-guard': true,
  'pip-launcher': true,
  'in-use': true,
  'loaded-binary': true,
  'stash-binary': true,
  'uninstall-stash': true,
  'user-folder-denied': true,
  'temp-file': true,
  'temp-not-owned': true,
  'cache-not-owned': true,
  'no-temp-dir': true,
  'broken-launcher': true,
  'temp-disk-full': true,
  'admin-folder': true,
  'posix-denied': true,
  'read-only-fs': true,
  'denied-no-path': true,
  'other-os-error': true,
  'not-permission-signal': true,
  'nothing-matched': true,
};

const NOT_PERMISSION_KINDS: (NotPermissionKind | null)[] = [
  null,
  'disk-full',
  'build',
  'no-match',
  'tls',
  'network',
  'conflict',
  'hash',
  'python-version',
  'memory',
];

const SHORT_PATH = 'C:\\Python312\\Lib\\site-packages\\six.py';
/** Named by its last part, which is the package's own name: no "(part of six)" after it. */
const PACKAGE_FOLDER =
  'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages\\six';
const LONG_PATH = `C:\\Users\\ana\\${'deep\\'.repeat(20)}${'x'.repeat(60)}.pyd`;

function summaries(): { name: string; summary: Message }[] {
  const out: { name: string; summary: Message }[] = [];
  for (const reason of Object.keys(REASONS) as VerdictReason[]) {
    for (const path of [SHORT_PATH, PACKAGE_FOLDER, LONG_PATH, null]) {
      for (const pkg of ['six', null]) {
        for (const kind of NOT_PERMISSION_KINDS) {
          for (const code of ['WinError 2', null]) {
            const verdict: Verdict = {
              category: 'permission',
              confidence: 'high',
              alternatives: [],
              reason,
              facts: null,
              path,
              secondPath: null,
              code,
              tempFolder: path,
            };
            for (const binary of [false, true]) {
              out.push({
                name: `${reason} ${path === null ? 'no path' : path.length} ${pkg} ${kind} ${code} ${binary}`,
                summary: summarize({
                  verdict,
                  pkg,
                  notPermission: new Set(kind ? [kind] : []),
                  binary,
                }),
              });
            }
          }
        }
      }
    }
  }
  return out;
}

/** The text values of a message: paths, package names and commands, which no language changes. */
function untranslated(value: MessageValue): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [];
  if (isMessageList(value)) return value.list.flatMap(untranslated);
  if (isMessage(value)) return Object.values(value.values ?? {}).flatMap(untranslated);
  return [];
}

describe('every summary the classifier can write, in every language', () => {
  const all = summaries();
  const distinct = new Map(all.map((s) => [JSON.stringify(s.summary), s]));

  test('covers every summary message', () => {
    const ids = new Set<string>();
    const collect = (m: Message) => {
      ids.add(m.messageId);
      for (const value of Object.values(m.values ?? {})) if (isMessage(value)) collect(value);
    };
    for (const { summary } of distinct.values()) collect(summary);
    // 33 summaries chosen by reason, 10 "not a permission problem" sentences, 2 file phrases
    // (the empty and binary findings' two come from classifyLog, tested in badInput).
    expect(ids.size).toBe(45 - 2);
  });

  test.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s: translated, strictly formatted, paths and names unchanged',
    (locale) => {
      for (const { name, summary } of distinct.values()) {
        const text = inLanguage(locale, summary);
        expect(text, name).not.toBe(english(summary));
        for (const value of untranslated(summary)) expect(text, name).toContain(value);
      }
    },
  );
});
