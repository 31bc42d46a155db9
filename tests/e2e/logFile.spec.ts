import { join } from 'node:path';
import { MAX_LOG_TEXT as CONTRACT_MAX } from '../../electron/shared/contract';
import { MAX_LOG_TEXT as RENDERER_MAX } from '../../renderer/src/logFile/logTextLimit';
import type { Page } from '@playwright/test';
import { test, expect, checkStep } from './support/wizardTest';

const FIXTURES = join(__dirname, '..', 'fixtures', 'pip-logs');
const LOG_INPUT = { name: 'The error pip printed' } as const;
const DECISIVE =
  "ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python312\\\\Lib\\\\site-packages\\\\numpy\\\\core\\\\_multiarray_umath.cp312-win_amd64.pyd'";

/** Drops a file made in the page onto the window, as a user dragging it from Explorer would. */
async function dropFileInPage(
  page: Page,
  file: { name: string; parts: 'utf-16be-with-bom' | 'larger-than-the-cap'; decisive: string },
): Promise<void> {
  await page.evaluate(
    ({ name, parts, decisive, cap }) => {
      let blob: Blob;
      if (parts === 'utf-16be-with-bom') {
        const text = `Collecting numpy\n${decisive}\n`;
        const bytes = new Uint8Array(2 + text.length * 2);
        bytes.set([0xfe, 0xff]);
        for (let i = 0; i < text.length; i++) {
          bytes[2 + i * 2] = text.charCodeAt(i) >> 8;
          bytes[3 + i * 2] = text.charCodeAt(i) & 0xff;
        }
        blob = new Blob([bytes]);
      } else {
        const filler =
          'Requirement already satisfied: setuptools in c:\\python312\\lib\\site-packages\n';
        blob = new Blob([filler.repeat(Math.ceil(cap / filler.length) + 1000), `${decisive}\n`]);
      }
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], name, { type: 'text/plain' }));
      const target = document.querySelector('main')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    { ...file, cap: RENDERER_MAX },
  );
}

test.describe('reading the error from a log file', () => {
  test('the renderer caps text where the contract does', () => {
    expect(RENDERER_MAX).toBe(CONTRACT_MAX);
  });

  test('a UTF-16 log saved by PowerShell is decoded, not shown as mojibake', async ({
    page,
    openWizard,
  }) => {
    await openWizard();
    await page.getByLabel('Log file').setInputFiles(join(FIXTURES, 'powershell-utf16le.log'));
    const input = page.getByRole('textbox', LOG_INPUT);
    await expect(input).toHaveValue(
      /^ERROR: Could not install packages due to an OSError: \[WinError 32\]/,
    );
    await expect(input).toHaveValue(/另一个程序正在使用此文件/);
    await expect(page.getByText('Read from powershell-utf16le.log')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What the error says' })).toBeVisible();
    await checkStep(page, '1-start-file');
  });

  test('a UTF-16 BE log dropped on the window is decoded too', async ({ page, openWizard }) => {
    await openWizard();
    await dropFileInPage(page, { name: 'pip.log', parts: 'utf-16be-with-bom', decisive: DECISIVE });
    await expect(page.getByRole('textbox', LOG_INPUT)).toHaveValue(
      `Collecting numpy\n${DECISIVE}\n`,
    );
    await expect(page.getByText('Folder needs admin rights')).toBeVisible();
  });

  test('a log larger than the cap keeps its end, where pip prints the error, and says so', async ({
    page,
    openWizard,
  }) => {
    await openWizard();
    await dropFileInPage(page, {
      name: 'huge.log',
      parts: 'larger-than-the-cap',
      decisive: DECISIVE,
    });
    // Found by role, then text: a text search of the whole page would read the 20 MB in the
    // text box on every poll (30 s each on a 2-core CI machine). Reading and showing 20 MB
    // takes seconds of its own on a loaded 2-core machine, hence the long wait.
    await expect(
      page.getByRole('group').filter({ hasText: /This file is larger than 20\.0 MB/ }),
    ).toBeVisible({ timeout: 45_000 });
    const text = await page.getByRole('textbox', LOG_INPUT).inputValue();
    expect(text.length).toBeLessThanOrEqual(CONTRACT_MAX);
    expect(text.startsWith('Requirement already satisfied')).toBe(true); // cut at a whole line
    expect(text.endsWith(`${DECISIVE}\n`)).toBe(true);
    await expect(
      page
        .getByRole('region', { name: 'What the error says' })
        .getByText('Folder needs admin rights'),
    ).toBeVisible({ timeout: 20_000 });
  });
});
