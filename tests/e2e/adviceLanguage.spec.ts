import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { NOBODY, startProbeAsUser } from './support/probeAsUser/probeAsUser';
import type { ProbeAsUser } from './support/probeAsUser/probeAsUser';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { NEEDS_ROOT, canSwitchUser, makeVenv, sharedTempDir } from './support/pythonFixtures';
import type { Venv } from './support/pythonFixtures';

/**
 * Issue #17, the fixes' advice: a user who picks another language reads
 * the fix cards in it (title, reason, what it changes, the button, the
 * plan dialog's title), with the folder and the package exactly as the
 * machine has them. Scanned as uid 65534 through the real handlers: root's
 * venv refuses them, so a virtual environment is the fix to try first.
 */
test.describe('the advice in the language the user picks (#17)', () => {
  test.skip(!canSwitchUser, NEEDS_ROOT);

  const root = sharedTempDir('advice-language');
  const home = join(root.path, 'nobody-home');
  /** A venv root made: uid 65534 gets "Permission denied" in it. */
  const project = join(root.path, 'roots-project');
  const env = {
    PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`,
    HOME: home,
    LANG: 'C.UTF-8',
  };
  let venv: Venv;
  const probes: ProbeAsUser[] = [];

  test.beforeAll(() => {
    mkdirSync(home);
    chownSync(home, NOBODY, NOBODY);
    venv = makeVenv(join(project, '.venv'));
  });
  test.afterAll(async () => {
    for (const probe of probes) await probe.close();
    root.remove();
  });

  async function fixesFor(page: Page, openWizard: (o: object) => Promise<unknown>) {
    const probe = await startProbeAsUser(env);
    probes.push(probe);
    await openWizard({ probe: probe.probe, env, projectDir: project, homeDir: home });
    await page
      .getByRole('textbox', { name: 'The error pip printed' })
      .fill(
        `Collecting pipdoctor-demo\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${join(venv.sitePackages, 'pipdoctor-demo')}'\n`,
      );
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
  }

  async function chooseLanguage(page: Page, name: string) {
    await page.getByRole('button', { name: /^Language: / }).click();
    await page.getByRole('menuitemradio', { name }).click();
  }

  /** The first fix card: the panel around the first fix's level-3 heading. */
  const firstCard = (page: Page) =>
    page.getByRole('heading', { level: 3 }).first().locator('xpath=ancestor::*[.//button][1]');

  test('German: the venv fix in German, with the folder and the package as they are', async ({
    page,
    openWizard,
  }) => {
    await fixesFor(page, openWizard);
    await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText(
      'Use a virtual environment',
    );
    await chooseLanguage(page, 'Deutsch');

    const card = firstCard(page);
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(
      'Virtuelle Umgebung verwenden',
    );
    // The reason names the folder as the scan found it; pip's own words stay untranslated.
    await expect(card).toContainText(`pip installiert in ${venv.sitePackages}.`);
    await expect(card).toContainText(
      'Eine virtuelle Umgebung liegt in einem Ordner, der Ihnen gehört.',
    );
    await expect(card).toContainText('Erstellt in Ihrem Projekt einen Ordner .venv-new');
    const button = card.getByRole('button', {
      name: 'Virtuelle Umgebung erstellen und pipdoctor-demo installieren',
    });
    await expect(button).toBeEnabled();
    await checkStep(page, 'advice-de-fixes');

    // The plan dialog is titled with the fix's title, in German too.
    await button.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 }).first()).toHaveText(
      'Virtuelle Umgebung verwenden',
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('Japanese: the same fix in Japanese, its button naming the package', async ({
    page,
    openWizard,
  }) => {
    await fixesFor(page, openWizard);
    await chooseLanguage(page, '日本語');
    const card = firstCard(page);
    await expect(card.getByRole('heading', { level: 3 })).toHaveText('仮想環境を使う');
    await expect(card).toContainText(`pip は ${venv.sitePackages} にインストールします。`);
    await expect(
      card.getByRole('button', { name: '仮想環境を作成して pipdoctor-demo をインストール' }),
    ).toBeEnabled();
    await checkStep(page, 'advice-ja-fixes');
  });
});
