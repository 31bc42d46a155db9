import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserErrorSchema } from '../../../electron/shared/contract';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { SenderInfo } from '../../../electron/ipc/handlers';
import { realHandlerDeps } from '../../support/handlerDeps';
import { tempTree } from '../../support/tempTree';
import { english, inLanguage } from '../../support/english';

const APP_PAGE = 'file:///opt/Pip%20Doctor/resources/app.asar/out/renderer/index.html';
const APP_FRAME: SenderInfo = { frameUrl: `${APP_PAGE}#/report`, isMainFrame: true };

/**
 * Issue #17: what main refuses reaches the window as a message id with its
 * values, never as finished English, so the renderer can show it in the
 * user's language; the path in it stays exactly as it is on disk.
 */
describe('a refusal in the user’s language', () => {
  const saveDir = tempTree('refusal-language');

  test('a report that cannot be saved says so in German, with the path as it is', async () => {
    // The folder chosen in the save dialog is gone by the time the report is written.
    const gone = join(saveDir, 'Berichte für Ana', 'weg');
    const target = join(gone, 'pip-doctor-report.md');
    const { deps } = realHandlerDeps({
      appPageUrl: APP_PAGE,
      saveDir,
      env: { PATH: saveDir, HOME: saveDir },
      projectDir: saveDir,
    });
    const handlers = createHandlers({
      ...deps,
      chooseSavePath: async () => target,
      send: () => undefined,
    });
    const started = await handlers['scan:start']({ logId: null }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));

    const reply = await handlers['report:save'](
      { scanId: started.value.scanId, includePersonal: false },
      APP_FRAME,
    );

    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    // What crosses IPC is what the contract promises: a Message, and the cause as the system said it.
    expect(UserErrorSchema.parse(reply.error)).toEqual(reply.error);
    expect(reply.error.message).toEqual({
      messageId: 'error.report.notSaved',
      values: { path: target },
    });
    expect(reply.error.cause).toMatch(/ENOENT/);
    expect(english(reply.error.message)).toBe(
      `The report could not be saved to ${target}. Choose another folder.`,
    );
    expect(inLanguage('de', reply.error.message)).toBe(
      `Der Bericht konnte nicht in ${target} gespeichert werden. Wählen Sie einen anderen Ordner.`,
    );
  });
});
