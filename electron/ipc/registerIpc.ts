import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Channel } from '../shared/contract';
import { dispatchRequest } from './handlers';
import type { IpcHandlers, SenderInfo } from './handlers';

/**
 * One ipcMain.handle per contract channel. Handlers never throw: Electron
 * passes only an error's message across, so every outcome is a Reply.
 */
export function registerIpc(ipcMain: IpcMain, handlers: IpcHandlers): void {
  for (const channel of Object.keys(handlers) as Channel[]) {
    ipcMain.handle(channel, (event, request: unknown) =>
      dispatchRequest(handlers, channel, request, senderOf(event)),
    );
  }
}

/** The frame as main sees it (checklist item 17): its URL and whether it is the top frame. */
function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
}
