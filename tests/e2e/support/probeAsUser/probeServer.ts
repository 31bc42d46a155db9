import { createInterface } from 'node:readline';
import type { FolderRole } from '../../../../electron/shared/model/diagnosis';
import { createSystemProbe } from '../../../../electron/platform/createSystemProbe';
import type {
  DiscoveryOptions,
  LeftoverOptions,
  ProcessSummary,
} from '../../../../electron/platform/systemProbe';
import type { ProbeMessage, ProbeRequest, RemoteMethod } from './probeWire';

/**
 * Runs the real SystemProbe in this process (started as another user by
 * probeAsUser.ts) and answers its calls over stdin/stdout, one JSON line each.
 */
const probe = createSystemProbe(process.env);
const running = new Map<number, AbortController>();

function send(message: ProbeMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function call(id: number, method: RemoteMethod, args: unknown[], signal: AbortSignal) {
  switch (method) {
    case 'isElevated':
      return probe.isElevated();
    case 'systemSettings':
      return probe.systemSettings();
    case 'discoverInterpreters':
      return probe.discoverInterpreters(args[0] as DiscoveryOptions, (identity, executable) =>
        send({ id, found: [identity, executable] }),
      );
    case 'probeInterpreter':
      return probe.probeInterpreter(args[0] as string, signal);
    case 'foreignTree':
      return probe.foreignTree(args[0] as string);
    case 'checkFolder':
      return probe.checkFolder(args[0] as FolderRole, args[1] as string);
    case 'checkTempDir':
      return probe.checkTempDir(args[0] as NodeJS.ProcessEnv);
    case 'fileOwner':
      return probe.fileOwner(args[0] as string[], args[1] as string);
    case 'findLeftovers':
      return probe.findLeftovers(
        args[0] as string[],
        args[1] as string[],
        args[2] as LeftoverOptions,
      );
    case 'listProcesses':
      return [...(await probe.listProcesses())];
    case 'describeProcesses': {
      const summaries = new Map(args[0] as Array<[number, ProcessSummary]>);
      return [...(await probe.describeProcesses(summaries, args[1] as number[]))];
    }
    case 'findHolders':
      return probe.findHolders(args[0] as string[], args[1] as string[], signal);
  }
}

send({ hello: probe.currentUser() });
createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as ProbeRequest;
  if ('cancel' in request) {
    running.get(request.cancel)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  call(request.id, request.method, request.args, controller.signal)
    .then(
      (value) => send({ id: request.id, ok: true, value }),
      (error: unknown) =>
        send({
          id: request.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
    )
    .finally(() => running.delete(request.id));
});
// The test process closing stdin is the signal to go: nothing is left behind.
process.stdin.on('end', () => process.exit(0));
