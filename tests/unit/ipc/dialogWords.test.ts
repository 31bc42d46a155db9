import { english } from '../../support/english';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createHandlers } from '../../../electron/ipc/handlers';
import type { SenderInfo } from '../../../electron/ipc/handlers';
import type { FolderDialogWords, SaveDialogWords } from '../../../electron/ipc/dialogWords';
import { realHandlerDeps } from '../../support/handlerDeps';
import { tempTree } from '../../support/tempTree';

const APP_PAGE = 'file:///opt/Pip%20Doctor/resources/app.asar/out/renderer/index.html';
const APP_FRAME: SenderInfo = { frameUrl: `${APP_PAGE}#/scan`, isMainFrame: true };

/**
 * Main's native dialogs speak the app's language (issue #17): the words come
 * from the handlers' language setting, the one the user chose in the menu,
 * never from the renderer.
 */
describe("main's dialogs in the app's language", () => {
  const saveDir = tempTree('dialog-words');

  function handlersRecordingDialogs(systemLanguages: readonly string[]) {
    const { deps, record } = realHandlerDeps({
      appPageUrl: APP_PAGE,
      saveDir,
      // A quick scan: nothing on PATH, an empty project.
      env: { PATH: saveDir, HOME: saveDir },
      projectDir: saveDir,
      dataDir: tempTree('dialog-words-data'),
      systemLanguages,
    });
    const saveDialogs: SaveDialogWords[] = [];
    const folderDialogs: FolderDialogWords[] = [];
    const handlers = createHandlers({
      ...deps,
      chooseSavePath: (name, words) => {
        saveDialogs.push(words);
        return deps.chooseSavePath(name, words);
      },
      chooseFolder: async (words) => {
        folderDialogs.push(words);
        return null;
      },
      send: () => undefined,
    });
    return { handlers, record, saveDialogs, folderDialogs };
  }

  test('the save dialog and the folder picker follow the language the user chose', async () => {
    const { handlers, record, saveDialogs, folderDialogs } = handlersRecordingDialogs(['en-US']);
    const started = await handlers['scan:start']({ logId: null }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));
    const request = { scanId: started.value.scanId, includePersonal: false };

    await handlers['report:save'](request, APP_FRAME);
    await handlers['folder:choose']({}, APP_FRAME);
    expect(saveDialogs.at(-1)).toEqual({
      title: 'Save the Pip Doctor report',
      filterName: 'Markdown',
    });
    expect(folderDialogs.at(-1)).toEqual({
      title: 'Choose a folder for the virtual environment',
      buttonLabel: 'Use this folder',
    });

    await handlers['language:set']({ locale: 'de' }, APP_FRAME);
    const saved = await handlers['report:save'](request, APP_FRAME);
    await handlers['folder:choose']({}, APP_FRAME);
    expect(saved.ok).toBe(true);
    expect(saveDialogs.at(-1)?.title).toBe('Pip Doctor-Bericht speichern');
    expect(folderDialogs.at(-1)).toEqual({
      title: 'Ordner für die virtuelle Umgebung auswählen',
      buttonLabel: 'Diesen Ordner verwenden',
    });
    // The report saved after the switch is German too, with its commands and paths as they were.
    const report = readFileSync(record.saved.at(-1)!, 'utf8');
    expect(report).toMatch(/^# Pip Doctor-Bericht\n/);
    expect(report).toContain('## Was gefunden wurde');
    expect(report).not.toContain('## What was found');
  });

  test('a machine set to Japanese gets Japanese dialogs before anyone chooses', async () => {
    const { handlers, saveDialogs } = handlersRecordingDialogs(['ja-JP', 'en-US']);
    const started = await handlers['scan:start']({ logId: null }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));
    await handlers['report:save'](
      { scanId: started.value.scanId, includePersonal: false },
      APP_FRAME,
    );
    expect(saveDialogs).toEqual([{ title: 'Pip Doctor のレポートを保存', filterName: 'Markdown' }]);
  });
});
