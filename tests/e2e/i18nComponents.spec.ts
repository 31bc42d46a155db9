import { SHELL_NAMES } from '../../renderer/src/wording/remedyWords';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { inLanguage } from '../support/english';
import { venvWithHeldFile } from '../support/heldVenv';
import type { HolderProcess } from '../support/pythonHolder';
import type { MessageValue } from '../../electron/shared/i18n/message';
import { test, expect, checkStep, expectStep } from './support/wizardTest';
import { activatedProject } from './support/pythonFixtures';

/** The pseudo-locale as the language menu names it (its own name, in its own accents). */
const PSEUDO = 'Ƥşḗḗŭŭḓǿǿ (en-XA)';

/** A component's message as the pseudo-locale shows it: longer, accented, in brackets. */
function pseudo(messageId: string, values?: Record<string, MessageValue>): string {
  return inLanguage('en-XA', values === undefined ? { messageId } : { messageId, values });
}

/** Text as a regular expression that matches it literally (the pseudo-locale's brackets too). */
const literally = (text: string) => text.replace(/[[\]().*+?^$|\\{}]/g, '\\$&');

/** A pseudo-locale heading with a count in it, whatever the count is. */
function withAnyCount(messageId: string): RegExp {
  return new RegExp(
    `^${literally(pseudo(messageId, { count: 'COUNT' })).replace('COUNT', '\\d+')}$`,
  );
}

/**
 * The language menu in the header, whichever language it speaks now: its
 * name says the current language, in that language's own name.
 */
async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /English|\(en-XA\)/ }).click();
  await page.getByRole('menuitemradio', { name }).click();
  await expect(page.getByRole('menuitemradio', { name })).toBeHidden();
}

/**
 * Text cut off by its box: an element that hides or clips what overflows
 * and is wider or taller inside than it shows. Pseudo-locale words are about
 * 40 % longer than English ones, as German and Russian ones are.
 */
async function clippedText(page: Page): Promise<string[]> {
  // An accordion that opens clips its panel while it grows: judged once the motion ended.
  await page.evaluate(async () => {
    const ending = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
  });
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        if (element.offsetParent === null || element.innerText?.trim() === '') return false;
        const style = getComputedStyle(element);
        const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
        return (
          (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
          (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
        );
      })
      .map((element) => `${element.tagName.toLowerCase()}: ${element.innerText.slice(0, 60)}`),
  );
}

/**
 * Issue #17: the wizard's components in the pseudo-locale, on a real "file
 * in use" machine (a Python process holds a file of the venv pip failed
 * in). Every word of the components comes from the catalog: none of their
 * English is left on screen, and nothing is cut off at 800×600.
 */
test.describe('the components in the pseudo-locale', () => {
  const { root, project, env } = activatedProject('i18n-components');
  let heldFile: string;
  let holder: HolderProcess;

  test.beforeAll(async () => {
    ({ heldFile, holder } = await venvWithHeldFile(join(project, '.venv'), 'held_module.py'));
  });
  test.afterAll(async () => {
    await holder?.kill();
    root.remove();
  });

  test('findings, fixes and the plan dialog are all in the catalog’s words, and none is cut off', async ({
    page,
    openWizard,
  }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await openWizard({ env, projectDir: project });
    await page
      .getByRole('textbox', { name: 'The error pip printed' })
      .fill(
        `Installing collected packages: held-module\nERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${heldFile}'`,
      );
    await chooseLanguage(page, PSEUDO);
    // The pasted error read back: the card's labels are the catalog's.
    const finding = page.getByRole('region', { name: pseudo('ui.logFinding.title') });
    await expect(finding).toContainText(pseudo('ui.logFinding.file'));
    await expect(finding.getByText(heldFile, { exact: true })).toBeVisible();
    await chooseLanguage(page, 'English');

    // The steps' own buttons are another part of #17: the way there is in English.
    await page.getByRole('button', { name: 'Check my computer' }).click();
    await page.getByRole('button', { name: "See what's wrong" }).click({ timeout: 60_000 });
    await expectStep(page, "What's wrong");
    await chooseLanguage(page, PSEUDO);

    // Findings: the summary's heading, the evidence with its counts and the pid as it is.
    await expect(
      page.getByRole('heading', { name: pseudo('ui.causeSummary.title') }),
    ).toBeVisible();
    await expect(page.getByText('In short', { exact: true })).toHaveCount(0);
    await page
      .getByRole('button', { name: pseudo('ui.evidence.holdersTitle', { count: 1 }) })
      .click();
    const holds = page.getByRole('list', {
      name: pseudo('ui.evidence.holdsFiles', { pid: String(holder.pid) }),
    });
    await expect(holds).toContainText(heldFile);
    await page.getByRole('button', { name: pseudo('ui.evidence.yourError') }).click();
    await expect(page.getByText(pseudo('ui.evidence.belongsTo'), { exact: true })).toBeVisible();
    // The details: which Python each command reaches, and the installs with their counts.
    await page.getByRole('button', { name: pseudo('ui.pipMapping.title') }).click();
    await page.getByRole('button', { name: withAnyCount('ui.installList.title') }).click();
    await expect(page.getByText(pseudo('ui.installList.target')).first()).toBeVisible();
    expect(await clippedText(page)).toEqual([]);
    await checkStep(page, 'i18n-pseudo-findings');

    await chooseLanguage(page, 'English');
    await page.getByRole('button', { name: 'See how to fix it' }).click();
    await expectStep(page, 'How to fix it');
    await chooseLanguage(page, PSEUDO);

    // Fixes: the badge, one sentence with the count and the shell in it, the Copy button.
    await expect(page.getByText(pseudo('ui.fixCard.recommended'), { exact: true })).toBeVisible();
    await expect(
      page.getByText(pseudo('ui.fixCard.orRunYourself', { count: 1, shell: SHELL_NAMES.bash }), {
        exact: true,
      }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', {
        name: pseudo('ui.commandLine.copyNamed', { command: `kill ${holder.pid}` }),
      }),
    ).toBeVisible();
    expect(await clippedText(page)).toEqual([]);
    await checkStep(page, 'i18n-pseudo-fixes');

    // The plan dialog, opened by the recommended fix's button (its words are the remedy's).
    await page.locator('button[aria-haspopup="dialog"]').first().click();
    const dialog = page.getByRole('dialog');
    await expect(
      dialog.getByRole('heading', { name: pseudo('ui.planDetails.heading') }),
    ).toBeVisible();
    const programs = dialog.getByRole('group', { name: pseudo('ui.planChoices.programsToClose') });
    // The pid is an id: the same digits in every language, never grouped like a number.
    const pid = pseudo('ui.planChoices.pid', { pid: String(holder.pid) });
    await expect(programs.getByRole('checkbox')).toHaveAccessibleName(new RegExp(literally(pid)));
    await expect(dialog).toContainText(pseudo('ui.planDetails.asksFirst'));
    await expect(
      dialog.getByRole('button', { name: pseudo('ui.actionDialog.cancel') }),
    ).toBeVisible();
    expect(await clippedText(page)).toEqual([]);
    await checkStep(page, 'i18n-pseudo-plan');
    await dialog.getByRole('button', { name: pseudo('ui.actionDialog.cancel') }).click();
    await expect(dialog).toBeHidden();
  });
});
