import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHolder } from '../support/pythonHolder';
import type { HolderProcess } from '../support/pythonHolder';
import { loadRecordedMachine, WINDOWS_FIXTURES } from '../support/recordedWindowsMachine';
import type { Locale } from '../../electron/shared/i18n/locales';
import { activatedProject, makeVenv, sharedTempDir } from './support/pythonFixtures';
import { englishLeftOn, say, sayId } from './support/inLanguage';
import { test, expect, checkStep } from './support/wizardTest';

/**
 * Issue #17: the main paths (a lock, a permission error, PEP 668) for a
 * German and a Chinese user, whose Windows is set to their language, through
 * the real handlers: the wizard, the engine's own sentences and the plan
 * speak their language, and commands, paths and package names stay as they are.
 */

const LANGUAGES: Array<{ locale: Locale; system: string[] }> = [
  { locale: 'de', system: ['de-DE', 'en-US'] },
  { locale: 'zh-Hans', system: ['zh-CN'] },
];

/** From the pasted error to "What's wrong", clicking what the user reads in their language. */
async function toFindings(page: Page, locale: Locale, log: string): Promise<void> {
  await page.getByRole('textbox', { name: say(locale, 'The error pip printed') }).fill(log);
  await page.getByRole('button', { name: say(locale, 'Check my computer') }).click();
  await page
    .getByRole('button', { name: say(locale, "See what's wrong") })
    .click({ timeout: 60_000 });
  await expect(
    page.getByRole('heading', { level: 1, name: sayId(locale, 'ui.step.findings.heading') }),
  ).toBeFocused();
}

async function toFixes(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: say(locale, 'See how to fix it') }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: sayId(locale, 'ui.step.fixes.heading') }),
  ).toBeFocused();
}

/** Nothing the user reads is left in English (commands, paths and pip's lines aside). */
async function expectNoEnglish(page: Page): Promise<void> {
  expect(await englishLeftOn(page), 'English text left on the page').toEqual([]);
}

for (const { locale, system } of LANGUAGES) {
  test.describe(`in ${locale}, as the system's language`, () => {
    test.use({ viewport: { width: 800, height: 600 } });

    test('a running program holds a file: the cause, the fix and the close plan', async ({
      page,
      openWizard,
    }) => {
      const { root, project, env } = activatedProject(`i18n-lock-${locale}`);
      const venv = makeVenv(join(project, '.venv'));
      const heldFile = join(venv.sitePackages, 'held_module.py');
      writeFileSync(heldFile, '# held open by a running program\n');
      const holder: HolderProcess = await startHolder([`open:${heldFile}`], {
        python: venv.python,
      });
      try {
        await openWizard({
          env,
          projectDir: project,
          systemLanguages: system,
          firstHeading: sayId(locale, 'ui.step.start.heading'),
        });
        await toFindings(
          page,
          locale,
          `ERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
        );
        await expectNoEnglish(page);
        await checkStep(page, `i18n-${locale}-lock-findings`);
        await toFixes(page, locale);
        await expectNoEnglish(page);
        await checkStep(page, `i18n-${locale}-lock-fixes`);
        await page.getByRole('button', { name: say(locale, 'Close these programs') }).click();
        const dialog = page.getByRole('dialog', {
          name: say(locale, 'Close the programs that hold the files'),
        });
        await expect(
          dialog.getByRole('button', {
            name: sayId(locale, 'ui.action.run.closeCount', { count: 1 }),
          }),
        ).toBeVisible({ timeout: 30_000 });
        // The program's own file name is never translated.
        await expect(dialog).toContainText('python');
        await expectNoEnglish(page);
        await checkStep(page, `i18n-${locale}-lock-plan`);
      } finally {
        await holder.stop();
        root.remove();
      }
    });

    test('Program Files is only for administrators (a recorded Windows machine)', async ({
      page,
      openWizard,
    }) => {
      const machine = loadRecordedMachine('all-users-not-elevated');
      await openWizard({
        probe: machine.probe,
        env: machine.env,
        projectDir: machine.setup.projectDir,
        systemLanguages: system,
        firstHeading: sayId(locale, 'ui.step.start.heading'),
      });
      const log = readFileSync(
        join(WINDOWS_FIXTURES, 'all-users-not-elevated', machine.setup.pipLog),
        'utf8',
      );
      await toFindings(page, locale, log);
      // The evidence names the folder exactly as Windows wrote it, with the reason in the user's language.
      await page
        .getByRole('button', { name: sayId(locale, 'ui.evidence.foldersTitle', { count: 2 }) })
        .click();
      await expect(page.getByText('C:\\Program Files\\Python312').first()).toBeVisible();
      await expectNoEnglish(page);
      await checkStep(page, `i18n-${locale}-permission-findings`);
      await toFixes(page, locale);
      await expectNoEnglish(page);
      await checkStep(page, `i18n-${locale}-permission-fixes`);
    });

    test("the system's Python is managed by the OS (PEP 668, this machine's Python)", async ({
      page,
      openWizard,
    }) => {
      const root = sharedTempDir(`i18n-pep668-${locale}`);
      try {
        await openWizard({
          env: { PATH: '/usr/bin:/bin', HOME: join(root.path, 'home'), LANG: 'C.UTF-8' },
          projectDir: root.path,
          systemLanguages: system,
          firstHeading: sayId(locale, 'ui.step.start.heading'),
        });
        await toFindings(
          page,
          locale,
          [
            'error: externally-managed-environment',
            '',
            '× This environment is externally managed',
            '╰─> To install Python packages system-wide, try apt install',
            '    python3-xyz, where xyz is the package you are trying to',
            '    install.',
            '',
            'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.',
            'hint: See PEP 668 for the detailed specification.',
          ].join('\n'),
        );
        await expectNoEnglish(page);
        await checkStep(page, `i18n-${locale}-pep668-findings`);
        await toFixes(page, locale);
        await expectNoEnglish(page);
        await checkStep(page, `i18n-${locale}-pep668-fixes`);
      } finally {
        root.remove();
      }
    });
  });
}
