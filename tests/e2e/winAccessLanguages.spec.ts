import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRecordedMachine, WINDOWS_FIXTURES } from '../support/recordedWindowsMachine';
import type { Locale } from '../../electron/shared/i18n/locales';
import { say, sayId } from './support/inLanguage';
import { test, expect, checkStep } from './support/wizardTest';

/**
 * Issue #17, Windows permissions: on a recorded Windows machine where Python
 * for all users sits under Program Files and the user is not elevated, a
 * German and a Chinese user open "Folders pip cannot write" and read why in
 * their language, with the path and the account names as Windows prints
 * them, and each entry's rights as their Security tab names them.
 */

const SITE_PACKAGES = 'C:\\Program Files\\Python312\\Lib\\site-packages';

const CASES: Array<{ locale: Locale; system: string[]; why: string; rights: string[] }> = [
  {
    locale: 'de',
    system: ['de-DE', 'en-US'],
    why: `Nur Administrators, SYSTEM und TrustedInstaller dürfen ${SITE_PACKAGES} ändern`,
    rights: ['Vollzugriff', 'Lesen, Ausführen'],
  },
  {
    locale: 'zh-Hans',
    system: ['zh-CN'],
    why: `只有 Administrators、SYSTEM和TrustedInstaller 可以更改 ${SITE_PACKAGES}`,
    rights: ['完全控制', '读取和执行'],
  },
];

for (const { locale, system, why, rights } of CASES) {
  test.describe(`Windows permissions in ${locale}`, () => {
    test.use({ viewport: { width: 800, height: 600 } });

    test('why pip may not write to Program Files, and who may', async ({ page, openWizard }) => {
      const machine = loadRecordedMachine('all-users-not-elevated');
      await openWizard({
        probe: machine.probe,
        env: machine.env,
        projectDir: machine.setup.projectDir,
        systemLanguages: system,
        firstHeading: say(locale, 'What happened?'),
      });
      const log = readFileSync(
        join(WINDOWS_FIXTURES, 'all-users-not-elevated', machine.setup.pipLog),
        'utf8',
      );
      await page.getByRole('textbox', { name: say(locale, 'The error pip printed') }).fill(log);
      await page.getByRole('button', { name: say(locale, 'Check my computer') }).click();
      await page
        .getByRole('button', { name: say(locale, "See what's wrong") })
        .click({ timeout: 60_000 });
      await expect(
        page.getByRole('heading', { level: 1, name: sayId(locale, 'ui.step.findings.heading') }),
      ).toBeFocused();

      const folders = page.getByRole('button', {
        name: sayId(locale, 'ui.evidence.foldersTitle', { count: 2 }),
      });
      await folders.click();
      // The sentence in the user's language, the path and the accounts exactly as Windows wrote them.
      await expect(page.getByText(why).first()).toBeVisible();
      const table = page.getByRole('table', {
        name: sayId(locale, 'ui.aclTable.caption', { folder: SITE_PACKAGES }),
      });
      await expect(table).toBeVisible();
      const row = (account: string) =>
        table
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: account, exact: true }) });
      await expect(row('Administrators')).toContainText(rights[0]!);
      await expect(row('Users')).toContainText(rights[1]!);
      await expect(table).not.toContainText('full control');
      await expect(table).not.toContainText('read and execute');
      await checkStep(page, `winaccess-${locale}-folders`);
    });
  });
}
