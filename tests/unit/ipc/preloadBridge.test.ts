import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { channels } from '../../../electron/shared/contract';
import type {
  ActionProgress,
  Channel,
  PipDoctorBridge,
  RerunOutput,
  ScanProgressEvent,
} from '../../../electron/shared/contract';
import { createPipDoctorBridge } from '../../../electron/preloadBridge';
import type { IpcRendererLike } from '../../../electron/preloadBridge';
import { bridgeInitScript } from '../../support/bindBridge';
import { english } from '../../support/english';

type Listener = (event: unknown, payload: unknown) => void;

/** An ipcRenderer stand-in that records what the bridge sends and lets the test emit events. */
function fakeIpc() {
  const sent: Array<{ channel: string; request: unknown }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, request) => {
      sent.push({ channel, request });
      return { ok: true, value: { echoed: channel } };
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) => {
    // Electron's event carries sender and ports: exactly what the renderer must never see.
    const electronEvent = { sender: { send: () => undefined }, ports: [], senderFrame: {} };
    for (const listener of listeners.get(channel) ?? []) listener(electronEvent, payload);
  };
  return { ipc, sent, emit, listeners };
}

const PROGRESS: ScanProgressEvent = {
  scanId: 'scan-0123456789abcdef',
  step: 'interpreters',
  state: 'done',
  detail: { messageId: 'run.scan.interpretersAnswered', values: { count: 3 } },
};

const ACTION_PROGRESS: ActionProgress = {
  type: 'step-started',
  runId: 'act-0123456789abcdef',
  stepId: 'create-venv',
};

describe('the preload bridge (window.pipDoctor)', () => {
  test('exposes exactly the contract: invoke and one subscription per event, frozen', () => {
    const bridge = createPipDoctorBridge(fakeIpc().ipc, Object.keys(channels));
    expect(Object.keys(bridge).sort()).toEqual([
      'invoke',
      'onActionProgress',
      'onRerunOutput',
      'onScanProgress',
    ]);
    expect(Object.isFrozen(bridge)).toBe(true);
    // Nothing reachable from it is ipcRenderer.
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  test('a contract channel goes to main with the request as given', async () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createPipDoctorBridge(ipc, Object.keys(channels));
    const reply = await bridge.invoke('log:classify', { text: 'ERROR: boom' });
    expect(reply).toEqual({ ok: true, value: { echoed: 'log:classify' } });
    expect(sent).toEqual([{ channel: 'log:classify', request: { text: 'ERROR: boom' } }]);
  });

  test('a channel not in the contract is refused before anything is sent', async () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createPipDoctorBridge(ipc, Object.keys(channels));
    // What a compromised renderer could try; the types forbid it, so the test goes around them.
    const invoke = bridge.invoke as (
      channel: unknown,
      request: unknown,
    ) => ReturnType<PipDoctorBridge['invoke']>;
    for (const channel of ['fs:read', 'scan:progress', '__proto__', 'constructor', 7, undefined]) {
      const reply = await invoke(channel, {});
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(english(reply.error.message)).toMatch(/does not know/);
    }
    expect(sent).toEqual([]);
  });

  test('a failed invoke (no handler, main gone) becomes an error reply, not a rejection', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke = () => Promise.reject(new Error("No handler registered for 'app:info'"));
    const reply = await createPipDoctorBridge(ipc, Object.keys(channels)).invoke('app:info', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      // The preload names its words by id: they must be in the catalog, or the user sees the id.
      expect(english(reply.error.message)).toMatch(/could not reach/);
      expect(reply.error.cause).toBe("No handler registered for 'app:info'");
    }
  });

  test('progress listeners get the payload alone, never the event, and can unsubscribe', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createPipDoctorBridge(ipc, Object.keys(channels));
    const received: unknown[][] = [];
    const unsubscribe = bridge.onScanProgress((...args: unknown[]) => received.push(args));

    emit('scan:progress', PROGRESS);
    emit('some-other-event', { secret: true });
    expect(received).toEqual([[PROGRESS]]);

    unsubscribe();
    unsubscribe();
    emit('scan:progress', PROGRESS);
    expect(received).toHaveLength(1);
    expect(listeners.get('scan:progress')?.size).toBe(0);
  });

  test('action progress reaches its own listeners only, and a listener can leave', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createPipDoctorBridge(ipc, Object.keys(channels));
    const actions: ActionProgress[] = [];
    const scans: ScanProgressEvent[] = [];
    const leave = bridge.onActionProgress((event) => actions.push(event));
    bridge.onScanProgress((event) => scans.push(event));

    emit('action:progress', ACTION_PROGRESS);
    emit('scan:progress', PROGRESS);
    expect(actions).toEqual([ACTION_PROGRESS]);
    expect(scans).toEqual([PROGRESS]);

    leave();
    emit('action:progress', ACTION_PROGRESS);
    expect(actions).toHaveLength(1);
    expect(listeners.get('action:progress')?.size).toBe(0);
    expect(() => bridge.onActionProgress('not a function' as never)).toThrow(TypeError);
  });

  test("an install's output reaches its own listeners only, the payload alone", () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createPipDoctorBridge(ipc, Object.keys(channels));
    const output: RerunOutput[] = [];
    const actions: ActionProgress[] = [];
    const leave = bridge.onRerunOutput((event) => output.push(event));
    bridge.onActionProgress((event) => actions.push(event));
    const chunk: RerunOutput = { rerunId: 'rerun-0123456789abcdef', text: 'Collecting requests\n' };

    emit('rerun:output', chunk);
    emit('action:progress', ACTION_PROGRESS);
    expect(output).toEqual([chunk]);
    expect(actions).toEqual([ACTION_PROGRESS]);

    leave();
    emit('rerun:output', chunk);
    expect(output).toHaveLength(1);
    expect(listeners.get('rerun:output')?.size).toBe(0);
    expect(() => bridge.onRerunOutput('not a function' as never)).toThrow(TypeError);
  });

  test('the e2e init script builds the same bridge from the shipped source, in a bare context', async () => {
    // Only what a page has: no require, no module scope, nothing from this file.
    const sent: Array<[string, unknown]> = [];
    const window: Record<string, unknown> = {
      __pipDoctorTestInvoke: async (channel: string, request: unknown) => {
        sent.push([channel, request]);
        return { ok: true, value: {} };
      },
    };
    runInNewContext(bridgeInitScript(), { window });
    const bridge = window.pipDoctor as PipDoctorBridge;
    expect(Object.keys(bridge).sort()).toEqual([
      'invoke',
      'onActionProgress',
      'onRerunOutput',
      'onScanProgress',
    ]);

    const channel: Channel = 'app:info';
    expect(await bridge.invoke(channel, {})).toEqual({ ok: true, value: {} });
    expect((await bridge.invoke('nope' as Channel, {} as never)).ok).toBe(false);
    expect(sent).toEqual([['app:info', {}]]);

    const received: ScanProgressEvent[] = [];
    bridge.onScanProgress((event) => received.push(event));
    (window.__pipDoctorTestDeliver as (channel: string, payload: unknown) => void)(
      'scan:progress',
      PROGRESS,
    );
    expect(received).toEqual([PROGRESS]);
  });
});
