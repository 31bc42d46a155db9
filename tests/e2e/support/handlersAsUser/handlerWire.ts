import type { EventName, Reply } from '../../../../electron/shared/contract';
import type { SenderInfo } from '../../../../electron/ipc/handlers';

/**
 * The line protocol between the test process and a handler server running
 * as another user: one JSON document per line each way. Requests carry the
 * sending frame as the test process saw it; events flow back unasked.
 */

/** What the server needs to build the handlers (the rest is its own environment). */
export interface HandlerServerConfig {
  appPageUrl: string;
  saveDir: string;
  dataDir: string;
  projectDir: string;
  homeDir: string;
  wheelDir: string | null;
  pickedFolder: string | null;
  systemLanguages: string[] | null;
}

export interface HandlerRequest {
  id: number;
  channel: unknown;
  request: unknown;
  sender: SenderInfo;
}

export type HandlerMessage =
  | { hello: { uid: number } }
  | { id: number; reply: Reply<unknown> }
  | { event: EventName; payload: unknown };
