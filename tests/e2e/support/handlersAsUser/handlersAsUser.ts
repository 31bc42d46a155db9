import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EventName, Reply } from '../../../../electron/shared/contract';
import type { DeliverEvent, Dispatch } from '../../../support/bindBridge';
import { NOBODY } from '../probeAsUser/probeAsUser';
import type { HandlerMessage, HandlerRequest, HandlerServerConfig } from './handlerWire';

const REPO = join(__dirname, '..', '..', '..', '..');
const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SERVER = join(__dirname, 'handlerServer.ts');

export interface HandlersAsUser {
  /** The page's requests go here, as to main. */
  dispatch: Dispatch;
  /** Where the server's events go: the page, once it is bound. */
  forwardEvents(deliver: DeliverEvent): void;
  close(): Promise<void>;
}

/**
 * The whole handler set (scan, plan, run, verify, undo, journal) running in
 * a child under `setpriv --reuid=UID --regid=UID --clear-groups`: an action
 * then changes the machine as that user, the same one who scanned it. A
 * probe alone as another user would not do: the action service spawns pip
 * and writes files itself, and as root it could write anywhere.
 */
export async function startHandlersAsUser(
  config: HandlerServerConfig,
  env: NodeJS.ProcessEnv,
  uid = NOBODY,
): Promise<HandlersAsUser> {
  const child = spawn(
    'setpriv',
    [
      `--reuid=${uid}`,
      `--regid=${uid}`,
      '--clear-groups',
      process.execPath,
      TSX_CLI,
      SERVER,
      JSON.stringify(config),
    ],
    { cwd: REPO, env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waiting = new Map<number, (reply: Reply<unknown>) => void>();
  let deliver: DeliverEvent = () => undefined;
  let nextId = 1;
  const hello = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`handler server exited (${code}) early`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as HandlerMessage;
      if ('hello' in message) resolve(message.hello.uid);
      else if ('event' in message) deliver(message.event as EventName, message.payload as never);
      else {
        waiting.get(message.id)?.(message.reply);
        waiting.delete(message.id);
      }
    });
  });
  child.on('exit', () => {
    for (const answer of waiting.values())
      answer({
        ok: false,
        error: {
          message: { messageId: 'error.bridge.unreachable' },
          cause: 'handler server exited',
        },
      });
    waiting.clear();
  });
  const runsAs = await hello;
  if (runsAs !== uid) throw new Error(`handler server runs as uid ${runsAs}, not ${uid}`);

  return {
    dispatch: (channel, request, sender) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        const message: HandlerRequest = { id, channel, request, sender };
        child.stdin.write(`${JSON.stringify(message)}\n`);
      }),
    forwardEvents(to) {
      deliver = to;
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}
