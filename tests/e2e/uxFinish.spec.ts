import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildDemoWheels } from '../support/buildWheel';
import { NOBODY } from './support/probeAsUser/probeAsUser';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import type { WizardOptions } from './support/wizardTest';
import { NEEDS_ROOT, canSwitchUser, makeVenv, sharedTempDir } from './support/pythonFixtures';
import type { Venv } from './support/pythonFixtures';

/**
 * Issue #16, item 9: the finish. A project whose .venv root made, used by
 * uid 65534 ("Permission denied"); every handler runs as that user. The
 * venv fix is made without the package, so it is "Run my install again"
 * that installs it: main builds the user's install (the package the log
 * asked for) for the new venv, runs it, and the page shows pip's output as
 * it comes. Then one primary button, Done, leads to the report, which
 * lists what Pip Doctor changed. pip installs from a local wheel folder.
 */
test.describe('the finish: run my install again, then Done', () => {
  test.skip(!canSwitchUser, NEEDS_ROOT);

  const root = sharedTempDir('ux-finish');
  const home = join(root.path, 'home');
  const wheels = join(root.path, 'wheels');

  test.beforeAll(() => {
    mkdirSync(home, { recursive: true });
    chownSync(home, NOBODY, NOBODY);
    mkdirSync(wheels);
    buildDemoWheels(wheels);
  });
  test.afterAll(() => root.remove());

  /** A project of uid 65534 whose .venv root made, the app's data folder, and the wizard on it. */
  async function brokenProject(
    label: string,
    openWizard: (options: WizardOptions) => Promise<unknown>,
  ) {
    const project = join(root.path, label);
    const dataDir = join(root.path, `${label}-data`);
    for (const folder of [project, dataDir]) {
      mkdirSync(folder, { recursive: true });
      chownSync(folder, NOBODY, NOBODY);
    }
    const venv = makeVenv(join(project, '.venv'));
    await openWizard({
      runAs: NOBODY,
      env: { PATH: `${join(project, '.venv', 'bin')}:/usr/bin:/bin`, HOME: home, LANG: 'C.UTF-8' },
      projectDir: project,
      homeDir: home,
      dataDir,
      wheelDir: wheels,
    });
    return { venv, newVenv: join(project, '.venv-new') };
  }

  /** What a user pastes: their command, then pip's Errno 13 in root's venv. */
  const logFor = (venv: Venv, pkg: string) =>
    [
      `(.venv) $ pip install ${pkg}`,
      `Collecting ${pkg}`,
      `Installing collected packages: ${pkg}`,
      `ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${join(venv.sitePackages, `${pkg.replace(/-/g, '_')}-1.0.dist-info`)}'`,
      'Consider using the `--user` option or check the permissions.',
    ].join('\n');

  /** From the pasted log to the fixes. */
  async function reachFixes(page: Page, log: string): Promise<void> {
    await page.getByRole('textbox', { name: 'The error pip printed' }).fill(log);
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
  }

  /** The recommended venv fix, made without the package, run and checked. */
  async function fixWithEmptyVenv(page: Page, newVenv: string): Promise<Locator> {
    const first = page.getByRole('heading', { name: 'Try this first' }).locator('..');
    await first.getByRole('button', { name: /^Create a virtual environment/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Use a virtual environment' });
    // Only the environment: the package comes with the user's own install afterwards.
    await dialog.getByRole('textbox', { name: 'Package to install' }).fill('');
    await expect(dialog).toContainText(`Create a virtual environment in ${newVenv}`);
    await expect(dialog.getByText(/^Install .* into it$/)).toHaveCount(0);
    // No package yet: the button says it only creates the environment.
    await dialog.getByRole('button', { name: 'Create the environment', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Done, and checked: it worked' })).toBeFocused(
      { timeout: 60_000 },
    );
    return dialog;
  }

  test('runs the install in the new venv with live output, then Done leads to the report of what changed', async ({
    page,
    openWizard,
  }) => {
    test.setTimeout(300_000);
    const { venv, newVenv } = await brokenProject('works', openWizard);
    await reachFixes(page, logFor(venv, 'pipdoctor-demo'));

    // One primary button on the screen: the fix. Sharing is there, but secondary.
    const share = page.getByRole('button', { name: 'Share what was found' });
    const fix = page.getByRole('button', { name: /^Create a virtual environment/ }).first();
    await expect(share).toBeVisible();
    expect(await looksPrimary(share)).toBe(false);
    expect(await looksPrimary(fix)).toBe(true);
    await checkStep(page, 'finish-fixes');

    const dialog = await fixWithEmptyVenv(page, newVenv);
    // The fix worked; the package is not there yet: only the user's install puts it in.
    expect(importsDemo(newVenv)).toBe(false);
    const again = dialog.getByRole('button', { name: 'Run my install again' });
    await expect(
      dialog.getByRole('heading', { name: 'Next: run your install again' }),
    ).toBeVisible();
    expect(await looksPrimary(again)).toBe(true);
    // Shown before it runs: the user's package, by the new venv's own python -m pip.
    const command = `${join(newVenv, 'bin', 'python')} -m pip install --no-index --find-links ${wheels} pipdoctor-demo`;
    await expect(dialog.locator('pre', { hasText: '-m pip install' })).toHaveText(command);
    expect(await looksPrimary(dialog.getByRole('button', { name: 'Close', exact: true }))).toBe(
      false,
    );
    await checkStep(page, 'finish-offer');

    // Every state the page shows while the install runs: the output must appear before the end.
    await page.evaluate(() => {
      const seen: Array<{ running: boolean; output: string }> = [];
      (window as unknown as { __finishSeen: typeof seen }).__finishSeen = seen;
      new MutationObserver(() => {
        const log = document.querySelector('[role="log"][aria-label="What pip prints"]');
        const running = [...document.querySelectorAll('button')].some(
          (button) => button.textContent === 'Stop the install',
        );
        seen.push({ running, output: log?.textContent ?? '' });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await again.click();
    const worked = dialog.getByText('Your install worked', { exact: true });
    await expect(worked).toBeVisible({ timeout: 120_000 });
    await expect(worked).toBeFocused();
    const seen = await page.evaluate(
      () =>
        (window as unknown as { __finishSeen: Array<{ running: boolean; output: string }> })
          .__finishSeen,
    );
    expect(
      seen.some((state) => state.running && /Processing|Looking in links/.test(state.output)),
      'pip output shown while the install still ran',
    ).toBe(true);

    // What ran is what was shown.
    await expect(dialog.getByRole('log', { name: 'What pip prints' })).toContainText(
      'Successfully installed pipdoctor-demo-1.0 pipdoctor-helper-2.0',
    );
    await expect(dialog.locator('pre', { hasText: '-m pip install' })).toHaveText(command);
    expect(importsDemo(newVenv)).toBe(true);
    const done = dialog.getByRole('button', { name: 'Done' });
    // Done takes the Stop button's place: its colour fades in (Fluent's transition), so wait for it.
    await expect.poll(() => looksPrimary(done)).toBe(true);
    await expect(dialog.getByRole('button', { name: 'Run my install again' })).toHaveCount(0);
    await checkStep(page, 'finish-worked');

    await done.click();
    await expectStep(page, 'Share what was found');
    await expect(page.getByText('Your install works now')).toBeVisible();
    const changed = page
      .getByRole('region', { name: 'What Pip Doctor changed' })
      .or(page.getByRole('heading', { name: 'What Pip Doctor changed' }).locator('..'));
    await expect(changed).toContainText(`Create a virtual environment in ${newVenv}`);
    await expect(changed).toContainText(`Creates the folder ${newVenv}`);
    await expect(changed).toContainText(
      `Ran your install again: pip install pipdoctor-demo in the new virtual environment ${newVenv}: it worked.`,
    );
    await expect(
      page.getByRole('region', { name: 'Report preview' }).or(page.getByLabel('Report preview')),
    ).toContainText('## What Pip Doctor changed');
    await checkStep(page, 'finish-report');

    // Back on the fixes, the end is the one primary button now.
    await page.getByRole('button', { name: 'Back' }).click();
    const finished = page.getByRole('button', { name: 'Done' });
    expect(await looksPrimary(finished)).toBe(true);
  });

  test('an install that still fails shows the new error and takes it back to step 1', async ({
    page,
    openWizard,
  }) => {
    test.setTimeout(300_000);
    const { venv, newVenv } = await brokenProject('fails', openWizard);
    // No wheel of this name in the local folder: pip cannot find it, for real.
    await reachFixes(page, logFor(venv, 'pipdoctor-missing'));
    const dialog = await fixWithEmptyVenv(page, newVenv);
    await dialog.getByRole('button', { name: 'Run my install again' }).click();
    const fails = dialog.getByText('Your install still fails', { exact: true });
    await expect(fails).toBeFocused({ timeout: 120_000 });
    await expect(dialog.getByRole('log', { name: 'What pip prints' })).toContainText(
      'No matching distribution found for pipdoctor-missing',
    );
    await checkStep(page, 'finish-fails');

    await dialog.getByRole('button', { name: 'Check the new error' }).click();
    await expect(dialog).toHaveCount(0);
    const box = page.getByRole('textbox', { name: 'The error pip printed' });
    await expect(box).toHaveValue(
      new RegExp(
        `^> ${escaped(join(newVenv, 'bin', 'python'))} -m pip install .*pipdoctor-missing\\n[\\s\\S]*No matching distribution found for pipdoctor-missing`,
      ),
    );
  });
});

/** Fluent's primary buttons are filled with the theme's brand colour; the others are not. */
async function looksPrimary(button: Locator): Promise<boolean> {
  return button.evaluate((element) => {
    // The theme's variables are inherited: a swatch beside the button gets the same brand colour.
    const swatch = document.createElement('div');
    swatch.style.backgroundColor = 'var(--colorBrandBackground)';
    element.parentElement!.append(swatch);
    const brand = getComputedStyle(swatch).backgroundColor;
    swatch.remove();
    return getComputedStyle(element).backgroundColor === brand;
  });
}

function importsDemo(venvDir: string): boolean {
  try {
    execFileSync(join(venvDir, 'bin', 'python'), ['-c', 'import demo_module'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
