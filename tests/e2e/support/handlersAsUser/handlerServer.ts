import { createInterface } from 'node:readline';
import { createHandlers, dispatchRequest } from '../../../../electron/ipc/handlers';
import { realHandlerDeps } from '../../../support/handlerDeps';
import type { HandlerMessage, HandlerRequest, HandlerServerConfig } from './handlerWire';

/**
 * The app's real IPC handlers (scans, plans, runs, the journal) in this
 * process, started as another user by handlersAsUser.ts, answering the
 * test process's requests over stdin/stdout, one JSON line each.
 */
const config = JSON.parse(process.argv[2]!) as HandlerServerConfig;

function send(message: HandlerMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

const { deps } = realHandlerDeps({
  appPageUrl: config.appPageUrl,
  saveDir: config.saveDir,
  env: process.env,
  projectDir: config.projectDir,
  homeDir: config.homeDir,
  dataDir: config.dataDir,
  wheelDir: config.wheelDir ?? undefined,
  pickedFolder: config.pickedFolder,
  systemLanguages: config.systemLanguages ?? undefined,
});
const handlers = createHandlers({ ...deps, send: (event, payload) => send({ event, payload }) });

send({ hello: { uid: process.getuid?.() ?? -1 } });
createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, channel, request, sender } = JSON.parse(line) as HandlerRequest;
  void dispatchRequest(handlers, channel, request, sender).then((reply) => send({ id, reply }));
});
// The test process closing stdin is the signal to go.
process.stdin.on('end', () => process.exit(0));
