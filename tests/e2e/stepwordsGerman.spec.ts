import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { REPO } from '../support/repoPaths';
import { venvWithHeldFile } from '../support/heldVenv';
import type { HolderProcess } from '../support/pythonHolder';
import { test, expect, checkStep } from './support/wizardTest';
import { activatedProject } from './support/pythonFixtures';

/**
 * Issue #17, a running fix: after choosing Deutsch, closing a program that
 * holds a file reads in German from the question before closing by force
 * to each step's summary and the check afterwards; the program's pid stays
 * as it is, and no English sentence of main's is left behind.
 */

/** The German catalog's words, so the test follows the translation, not a copy of it. */
const de = JSON.parse(readFileSync(join(REPO, 'i18n', 'de.json'), 'utf8')) as Record<
  string,
  string
>;

test.describe('a running fix in the user’s language', () => {
  const { root, project, env } = activatedProject('stepwords-german');
  let heldFile: string;
  let holder: HolderProcess;

  test.beforeAll(async () => {
    ({ heldFile, holder } = await venvWithHeldFile(join(project, '.venv'), 'held_module.py', {
      onSigterm: 'ignore',
    }));
  });
  test.afterAll(async () => {
    await holder?.kill();
    root.remove();
  });

  test('Deutsch: the force question, the step summaries and the check after closing a real program', async ({
    page,
    openWizard,
  }) => {
    await openWizard({ env, projectDir: project });
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();

    await page
      .getByRole('textbox', { name: de['ui.log.label'] })
      .fill(
        `Installing collected packages: held-module\nERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
      );
    await page.getByRole('button', { name: de['ui.start.check'] }).click();
    await page.getByRole('button', { name: de['ui.scan.next'] }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: de['ui.findings.next'] }).click();
    await page.getByRole('button', { name: de['advice.close-processes.action'] }).first().click();
    const dialog = page.getByRole('dialog', { name: de['advice.close-processes.title'] });
    await dialog.getByRole('button', { name: '1 Programm schließen' }).click();

    // The question: German words around the program, its pid untouched.
    const question = dialog.getByRole('group', { name: /auf Anfrage nicht geschlossen/ });
    await expect(question).toContainText(
      /wurde auf Anfrage nicht geschlossen\. Soll es zwangsweise geschlossen werden\? Nicht Gespeichertes darin geht verloren\./,
      { timeout: 15_000 },
    );
    await expect(question).toContainText(`${holder.pid}`);
    const asked = dialog.getByRole('listitem').filter({ hasText: de['plan.close.step.ask'] });
    await expect(asked).toContainText('1 Programm wurde nicht geschlossen.');
    await expect(asked).toContainText(/Es wurde nicht innerhalb von 5 Sekunden geschlossen/);
    await checkStep(page, 'stepwords-german-consent');

    await dialog.getByRole('button', { name: 'Ja, das Programm zwangsweise schließen' }).click();
    await expect(dialog).toContainText('Kein Programm hält die Dateien mehr geöffnet.', {
      timeout: 30_000,
    });
    const forced = dialog.getByRole('listitem').filter({ hasText: de['plan.close.step.force'] });
    await expect(forced).toContainText('1 Programm geschlossen.');
    await expect(forced).toContainText('Zwangsweise geschlossen.');
    // No English sentence of main's and no message id in place of words.
    await expect(dialog).not.toContainText(
      /did not close|Closed by force|No program holds|run\.close\.|check\.unheld/,
    );
    await checkStep(page, 'stepwords-german-done');
  });
});
