import { describe, expect, test } from 'vitest';
import { markdownReport } from '../../../../electron/engine/report/markdownReport';
import type { ReportOptions } from '../../../../electron/engine/report/markdownReport';
import { translator } from '../../../../electron/engine/i18n/translator';
import type { Locale } from '../../../../electron/shared/i18n/locales';
import type { Diagnosis } from '../../../../electron/shared/model/diagnosis';
import { posixDiagnosis, windowsDiagnosis } from './diagnosisFixtures';

const WINDOWS_APP: ReportOptions['app'] = {
  name: 'Pip Doctor',
  version: '0.1.0',
  platform: 'win32',
};

/** The report in a language, strictly: a missing message or value throws instead of showing an id. */
function reportIn(locale: Locale, diagnosis: Diagnosis = windowsDiagnosis()): string {
  return markdownReport(diagnosis, {
    includePersonal: false,
    app: WINDOWS_APP,
    homeDir: 'C:\\Users\\alice',
    translator: translator(locale, { strict: true }),
  });
}

/** A copy of the POSIX machine with `count` programs holding files. */
function withHolders(count: number): Diagnosis {
  const diagnosis = posixDiagnosis();
  const holder = diagnosis.processes[0]!;
  diagnosis.processes = Array.from({ length: count }, (_, index) => ({
    ...holder,
    pid: holder.pid + index,
  }));
  return diagnosis;
}

describe('the Markdown report in the app language (issue #17)', () => {
  test('in French: French headings and labels, the commands, paths and ids exactly as in English', () => {
    const english = reportIn('en');
    const french = reportIn('fr');
    for (const heading of [
      '# Rapport de Pip Doctor',
      '## Ce qui a été trouvé',
      '## L’erreur de pip',
      '## Le Python qu’utilise pip',
      '## Installations de Python (',
      '## Programmes qui utilisent des fichiers Python',
      '## Solutions, de la meilleure à la moins bonne',
      '## Ce qui n’a pas pu être examiné',
      '### N’aiderait pas ici',
    ])
      expect(french).toContain(heading);
    for (const heading of ['# Pip Doctor report', '## What was found', '## Remedies, best first'])
      expect(french).not.toContain(heading);
    expect(french).toContain('**Cause :** `lock`');
    expect(french).toContain('- Catégorie : `lock` (certitude : élevée)');
    expect(french).toContain('- Vous avez lancé : `pip install --upgrade numpy`');
    expect(french).toContain(
      '- Chemins longs : désactivés ; Dispositif d’accès contrôlé aux dossiers : inconnu ; élévation possible : oui',
    );
    expect(french).toContain(
      'Le nom d’utilisateur et le dossier personnel sont affichés sous la forme `<user>`.',
    );
    // A pid is an id, not a quantity: never "4 242".
    expect(french).toMatch(/- pid 4242, lancé par VS Code, utilisateur DESKTOP-7\\\\\\<user>/);

    // Every fenced block (the commands, the log's evidence) is the same text in both languages.
    const fences = (report: string) => report.match(/^(`{3,})\w*\n[\s\S]*?\n\1$/gm) ?? [];
    expect(fences(french).length).toBeGreaterThan(1);
    expect(fences(french)).toEqual(fences(english));
    // So is every code span: paths, commands, ids.
    const spans = (report: string) => report.match(/`[^`\n]+`/g) ?? [];
    expect(spans(french)).toEqual(spans(english));
  });

  test('the number of programs holding files reads right in each language', () => {
    expect(reportIn('en', withHolders(1))).toContain(
      '1 running program holds files of the inspected installs.',
    );
    expect(reportIn('en', withHolders(2))).toContain(
      '2 running programs hold files of the inspected installs.',
    );
    // Russian has three forms: 2 программы, 5 программ, 21 программа.
    expect(reportIn('ru', withHolders(2))).toContain(
      'Файлы проверенных установок занимают 2 запущенные программы.',
    );
    expect(reportIn('ru', withHolders(5))).toContain(
      'Файлы проверенных установок занимают 5 запущенных программ.',
    );
    expect(reportIn('ru', withHolders(21))).toContain(
      'Файлы проверенных установок занимают 21 запущенная программа.',
    );
    expect(reportIn('de', withHolders(3))).toContain(
      '3 laufende Programme halten Dateien der untersuchten Installationen geöffnet.',
    );
  });

  test('every language writes the whole report from its own catalog', () => {
    for (const locale of ['de', 'es', 'it', 'pt-BR', 'zh-Hans', 'ja', 'ko'] as const) {
      // Strict: a message missing from the catalog would throw here.
      const report = reportIn(locale);
      expect(report).not.toContain('## What was found');
      expect(report).toContain('`pip install --upgrade numpy`');
    }
    expect(reportIn('zh-Hans')).toContain('## 发现的问题');
    expect(reportIn('ja')).toContain('## 見つかったこと');
  });

  test('names a Windows permission entry’s rights in the report’s language, the account as it is', () => {
    expect(reportIn('de')).toContain(
      String.raw`    - verweigern DESKTOP-7\\\<user>: Schreiben (geerbt)`,
    );
    expect(reportIn('en')).toContain(String.raw`    - deny DESKTOP-7\\\<user>: write (inherited)`);
  });
});
