import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from '@playwright/test';
import { startHolder } from '../support/pythonHolder';
import type { HolderProcess } from '../support/pythonHolder';
import { WINDOWS_FIXTURES } from '../support/recordedWindowsMachine';
import { machineKnowingItsSystemFolder } from './support/machineWithSystemFolder';
import { startNotebookKernel } from './support/notebookKernel';
import type { NotebookKernel } from './support/notebookKernel';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { activatedProject, makeVenv } from './support/pythonFixtures';

/**
 * Issue #17: the plan dialog in the user's language, through the real
 * handlers. The wizard is walked in English up to the fix; the language is
 * then switched in the header menu and the fix's button (the same element,
 * whatever its words become) opens the plan, whose words main sent as
 * messages: program names, paths and package names stay as they are.
 */

async function toFixes(page: Page, log: string): Promise<void> {
  await page.getByRole('textbox', { name: 'The error pip printed' }).fill(log);
  await page.getByRole('button', { name: 'Check my computer' }).click();
  await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
  await page.getByRole('button', { name: 'See how to fix it' }).click();
  await expectStep(page, 'How to fix it');
}

/** Switches the app's language in its header menu; the language's own name is the same in every language. */
async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^Language: / }).click();
  await page.getByRole('menuitemradio', { name }).click();
  await expect(page.locator('html')).not.toHaveAttribute('lang', 'en');
}

/** Opens a fix's dialog by the button found in English, after the language changed under it. */
async function openWith(page: Page, button: ElementHandle): Promise<void> {
  await button.click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

test.describe('the plan to close programs, in German', () => {
  const { root, project, env } = activatedProject('plans-language-close');
  let heldFile: string;
  let python: string;

  test.beforeAll(() => {
    const venv = makeVenv(join(project, '.venv'));
    python = venv.python;
    heldFile = join(venv.sitePackages, 'held_module.py');
    writeFileSync(heldFile, '# held open by running programs\n');
  });
  test.afterAll(() => root.remove());

  test('counts the programs with German plurals, keeps their names, and says what each step does in German', async ({
    page,
    openWizard,
  }) => {
    const kernel: NotebookKernel = await startNotebookKernel(
      join(root.path, 'editor'),
      python,
      heldFile,
    );
    const script: HolderProcess = await startHolder([`open:${heldFile}`], { python });
    try {
      await openWizard({ env, projectDir: project });
      await toFixes(
        page,
        `ERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
      );
      const close = await page
        .getByRole('button', { name: 'Close these programs' })
        .elementHandle();
      await chooseLanguage(page, 'Deutsch');
      await openWith(page, close!);
      const dialog = page.getByRole('dialog');

      // The program list: what each program is, in German; VS Code stays VS Code.
      await expect(
        dialog.getByRole('checkbox', { name: /^Jupyter-Kernel \(VS Code-Notebook\)/ }),
      ).toBeChecked({ timeout: 30_000 });

      // The plan's words come from main as messages, formatted here in German.
      await expect(dialog).toContainText(
        /2 Programme schließen: Jupyter-Kernel \(VS Code-Notebook\) und /,
      );
      await expect(
        dialog.getByRole('listitem').filter({ hasText: 'Die Programme bitten, sich zu beenden' }),
      ).toContainText('Sendet jedem Programm das Signal zum Beenden (SIGTERM)');
      await expect(dialog).toContainText('Noch laufende Programme zwangsweise beenden');
      await expect(dialog).toContainText(
        '„Diese Programme haben sich auf Anfrage nicht beendet. Zwangsweise beenden?',
      );
      await expect(dialog).toContainText('aber sein Kernel vergisst alle Variablen');
      await expect(dialog).toContainText(
        'kann mit „Rückgängig machen“ nicht wieder geöffnet werden',
      );
      // What runs is never translated.
      await expect(dialog).not.toContainText('Ask the programs to close');
      await checkStep(page, 'plans-de-close-plan');
    } finally {
      await kernel.stop();
      if (script.alive()) script.child.kill('SIGKILL');
    }
  });
});

test.describe('a virtual environment plan on Windows, in Chinese (replayed machine)', () => {
  test('the step titles and what they change are Chinese; the folder, the package and the commands are not', async ({
    page,
    openWizard,
  }) => {
    const machine = machineKnowingItsSystemFolder('all-users-not-elevated');
    await openWizard({
      probe: machine.probe,
      env: machine.env,
      projectDir: machine.setup.projectDir,
    });
    const log = readFileSync(
      join(WINDOWS_FIXTURES, 'all-users-not-elevated', machine.setup.pipLog),
      'utf8',
    );
    await toFixes(page, log);
    const venv = await page
      .getByRole('button', { name: /^Create a virtual environment/ })
      .first()
      .elementHandle();
    await chooseLanguage(page, '中文（简体）');
    await openWith(page, venv!);
    const dialog = page.getByRole('dialog');

    const folder = `${machine.setup.projectDir}\\.venv`;
    await expect(dialog).toContainText(`在 ${folder} 中创建虚拟环境，并将 `, { timeout: 30_000 });
    await expect(
      dialog.getByRole('listitem').filter({ hasText: '创建虚拟环境' }).first(),
    ).toContainText(`创建文件夹 ${folder}：这是 Python 工具的私有副本`);
    await expect(dialog).toContainText('安装到其中');
    // The command shown is exactly what runs.
    await expect(dialog.locator('pre').first()).toContainText('-m venv');
    await checkStep(page, 'plans-zh-venv-plan');
  });
});
