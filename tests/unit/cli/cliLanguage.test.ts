import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../../support/repoPaths';
import { tempTree } from '../../support/tempTree';

/** What `npm run -s diagnose` and `npm run -s cli` start: tsx on electron/cli.ts. */
const RUN_CLI = join(REPO, 'scripts', 'run-cli.mjs');
const project = tempTree('cli-language');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The variables that choose a POSIX program's language. */
const LOCALE_VARIABLES = new Set(['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']);

/**
 * The real CLI in its own process, as a user's terminal starts it, with only
 * the locale variables given here: the test runner's own LANG or LC_ALL must
 * not decide the language.
 */
function cli(args: string[], locale: Record<string, string>): Promise<Run> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !LOCALE_VARIABLES.has(name)),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [RUN_CLI, ...args],
      { env: { ...env, ...locale }, cwd: REPO, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const diagnose = (locale: Record<string, string>) =>
  cli(['diagnose', '--project', project], locale);

/** The headings the terminal report always prints, in each language. */
const HEADINGS = {
  en: ['Which Python each command runs:', 'Python installs (', 'Elevated: '],
  de: ['Welches Python jeder Befehl startet:', 'Python-Installationen (', 'Erhöhte Rechte: '],
  zh: ['每个命令运行的 Python：', 'Python 安装（', '已提升权限：'],
};

describe('the CLI speaks the terminal language (LC_ALL, LC_MESSAGES, LANG)', () => {
  test('LANG=de_DE.UTF-8: diagnose prints German, and none of the English headings', async () => {
    const run = await diagnose({ LANG: 'de_DE.UTF-8' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const heading of HEADINGS.de) expect(run.stdout).toContain(heading);
    for (const heading of HEADINGS.en) expect(run.stdout).not.toContain(heading);
    // Commands and paths are what the user types: `pip` and the interpreters' paths stay as they are.
    expect(run.stdout).toMatch(/ pip {6}→ Python \d/);
  }, 120_000);

  test('LANG=zh_CN.UTF-8: diagnose prints Simplified Chinese', async () => {
    const run = await diagnose({ LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(0);
    for (const heading of HEADINGS.zh) expect(run.stdout).toContain(heading);
    for (const heading of HEADINGS.en) expect(run.stdout).not.toContain(heading);
  }, 120_000);

  test('LC_ALL=C means English, even over a German LANG', async () => {
    const run = await diagnose({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' });
    expect(run.code).toBe(0);
    for (const heading of HEADINGS.en) expect(run.stdout).toContain(heading);
    for (const heading of HEADINGS.de) expect(run.stdout).not.toContain(heading);
  }, 120_000);

  test('LC_MESSAGES beats LANG: German messages on a Chinese system', async () => {
    const run = await diagnose({ LC_MESSAGES: 'de_DE.UTF-8', LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(0);
    for (const heading of HEADINGS.de) expect(run.stdout).toContain(heading);
    for (const heading of HEADINGS.zh) expect(run.stdout).not.toContain(heading);
  }, 120_000);

  test('a language Pip Doctor does not speak (sv_SE) falls back to English', async () => {
    const run = await diagnose({ LANG: 'sv_SE.UTF-8' });
    expect(run.code).toBe(0);
    for (const heading of HEADINGS.en) expect(run.stdout).toContain(heading);
  }, 120_000);

  test('help and errors are translated too; options and the path the user gave are not', async () => {
    const help = await cli(['diagnose', '--help'], { LANG: 'fr_FR.UTF-8' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Utilisation : pip-doctor diagnose [--json] [--log FILE|-] [--python PATH]... [--project DIR]',
    );
    expect(help.stdout).toMatch(/^ {2}--python PATH {3}Examiner aussi cet interpréteur/m);
    expect(help.stdout).not.toContain('Show this help');

    const missing = join(project, 'pas-de-journal.txt');
    const read = await cli(['log', missing], { LANG: 'de_DE.UTF-8' });
    expect(read.code).toBe(1);
    expect(read.stderr).toBe(
      `pip-doctor: ${missing} kann nicht gelesen werden: Datei nicht gefunden\n`,
    );

    const usage = await cli(['diagnose', '--bogus'], { LANG: 'ja_JP.UTF-8' });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^pip-doctor: 不明なオプション "--bogus"\n\n使い方: pip-doctor diagnose /,
    );
  }, 120_000);
});
