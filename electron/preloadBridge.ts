import type {
  ActionProgress,
  Channel,
  PipDoctorBridge,
  Reply,
  RequestOf,
  RerunOutput,
  ResponseOf,
  ScanProgressEvent,
} from './shared/contract';

/** The part of Electron's ipcRenderer the bridge uses; tests and the e2e harness pass their own. */
export interface IpcRendererLike {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * window.pipDoctor: exactly the contract's PipDoctorBridge and nothing else
 * (DESIGN.md rule 1, Electron checklist item 20). The renderer never gets
 * ipcRenderer or an event object: invoke sends only the contract's channels,
 * and listeners get the payload alone.
 *
 * Self-contained on purpose: it uses only its arguments and JavaScript
 * built-ins, so the end-to-end harness (tests/support/bindBridge.ts) can
 * inject this very function's source into Chromium and the tests drive the
 * same code the app ships.
 */
export function createPipDoctorBridge(
  ipc: IpcRendererLike,
  channelNames: readonly string[],
): PipDoctorBridge {
  const allowed = new Set(channelNames);
  // Message ids written out, not defineMessages: this function may use nothing outside itself.
  // Their words are defined in electron/ipc/replies.ts (BRIDGE_REFUSALS).
  const refuse = (messageId: string, cause: string): Reply<never> => ({
    ok: false,
    error: { message: { messageId }, cause },
  });
  /** One event's listener gets the payload alone; the returned function unsubscribes, once. */
  const subscribe = <T>(event: string, listener: (payload: T) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError(`${event} needs a function`);
    const forward = (_event: unknown, payload: unknown) => listener(payload as T);
    ipc.on(event, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(event, forward);
    };
  };
  const bridge: PipDoctorBridge = {
    invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Reply<ResponseOf<C>>> {
      if (typeof channel !== 'string' || !allowed.has(channel)) {
        return Promise.resolve(
          refuse('error.ipc.unknownChannel', `unknown channel ${String(channel).slice(0, 100)}`),
        );
      }
      // Main validates every reply against the contract before sending it.
      return ipc.invoke(channel, request).then(
        (reply) => reply as Reply<ResponseOf<C>>,
        (error: unknown) =>
          refuse(
            'error.bridge.unreachable',
            error instanceof Error ? error.message : String(error),
          ),
      );
    },
    onScanProgress(listener) {
      return subscribe<ScanProgressEvent>('scan:progress', listener);
    },
    onActionProgress(listener) {
      return subscribe<ActionProgress>('action:progress', listener);
    },
    onRerunOutput(listener) {
      return subscribe<RerunOutput>('rerun:output', listener);
    },
  };
  return Object.freeze(bridge);
}
