import type { Page } from 'playwright-core';
import type { z } from 'zod';
import { channels } from '../../electron/shared/contract';
import type {
  ActionProgress,
  EventName,
  Reply,
  ScanProgressEvent,
  events,
} from '../../electron/shared/contract';
import { createHandlers, dispatchRequest } from '../../electron/ipc/handlers';
import type { HandlerDeps, IpcHandlers, SenderInfo } from '../../electron/ipc/handlers';
import { createPipDoctorBridge } from '../../electron/preloadBridge';

/** Page globals the harness needs besides window.pipDoctor; the app never reads them. */
const INVOKE_BINDING = '__pipDoctorTestInvoke';
const DELIVER_FUNCTION = '__pipDoctorTestDeliver';

/** Main's side of the bridge as the page sees it: requests in, events out. */
export type Dispatch = (
  channel: unknown,
  request: unknown,
  sender: SenderInfo,
) => Promise<Reply<unknown>>;

/** Sends one main → renderer event to the page; returned by bindDispatch. */
export type DeliverEvent = <E extends EventName>(
  event: E,
  payload: z.infer<(typeof events)[E]>,
) => void;

export interface BoundBridge {
  /** The real handlers behind the page's bridge. */
  handlers: IpcHandlers;
  /** Every scan:progress event sent to the page, in order. */
  progress: ScanProgressEvent[];
  /** Every action:progress event sent to the page, in order. */
  actionProgress: ActionProgress[];
}

/**
 * Gives a Chromium page the app's window.pipDoctor, backed by the real
 * main-process handlers running in the test process: the end-to-end tests
 * drive the real engine on the real machine through the same bridge code
 * the preload ships (createPipDoctorBridge, injected as source).
 *
 * Call before page.goto. `deps.appPageUrl` must be the URL the test loads:
 * the handlers refuse any other frame, as main does.
 */
export async function bindBridge(
  page: Page,
  deps: Omit<HandlerDeps, 'send'>,
): Promise<BoundBridge> {
  const progress: ScanProgressEvent[] = [];
  const actionProgress: ActionProgress[] = [];
  let deliver: DeliverEvent = () => undefined;
  const handlers = createHandlers({
    ...deps,
    send: (event, payload) => {
      if (event === 'scan:progress') progress.push(payload as ScanProgressEvent);
      else if (event === 'action:progress') actionProgress.push(payload as ActionProgress);
      deliver(event, payload);
    },
  });
  deliver = await bindDispatch(page, (channel, request, sender) =>
    dispatchRequest(handlers, channel, request, sender),
  );
  return { handlers, progress, actionProgress };
}

/**
 * The transport alone: the page's invokes go to `dispatch` with the sending
 * frame as main would see it; the returned function sends events to the
 * page. For handler sets that run elsewhere (another user's process).
 */
export async function bindDispatch(page: Page, dispatch: Dispatch): Promise<DeliverEvent> {
  await page.exposeBinding(INVOKE_BINDING, (source, channel: unknown, request: unknown) =>
    dispatch(channel, request, {
      frameUrl: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    }),
  );
  await page.addInitScript({ content: bridgeInitScript() });
  // As webContents.send: fire and forget; a page that has gone simply misses it.
  return (event, payload) => {
    page
      .evaluate(
        ([deliverName, name, value]) => {
          const target = window as unknown as Record<string, unknown>;
          const deliverEvent = target[deliverName];
          if (typeof deliverEvent === 'function') deliverEvent(name, value);
        },
        [DELIVER_FUNCTION, event, payload] as const,
      )
      .catch(() => undefined);
  };
}

/**
 * The preload's job, done by an init script: build the bridge with the
 * shipped createPipDoctorBridge over a transport made of the binding above
 * (renderer → main) and a deliver function (main → renderer).
 */
export function bridgeInitScript(): string {
  return `(() => {
  // Some TypeScript transforms wrap functions in __name(); it only sets fn.name.
  const __name = (target) => target;
  const createPipDoctorBridge = ${createPipDoctorBridge.toString()};
  const createTestTransport = ${createTestTransport.toString()};
  const transport = createTestTransport(${JSON.stringify(INVOKE_BINDING)}, ${JSON.stringify(DELIVER_FUNCTION)});
  Object.defineProperty(window, 'pipDoctor', {
    value: createPipDoctorBridge(transport, ${JSON.stringify(Object.keys(channels))}),
    enumerable: true,
  });
})();`;
}

type Listener = (event: unknown, payload: unknown) => void;

/** Runs in the page: an ipcRenderer stand-in. Self-contained, as it is injected as source. */
function createTestTransport(invokeBinding: string, deliverName: string) {
  const target = window as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<Listener>>();
  Object.defineProperty(target, deliverName, {
    value: (channel: string, payload: unknown) => {
      // Like Electron's, the event argument carries nothing the bridge could leak.
      for (const listener of listeners.get(channel) ?? []) listener({}, payload);
    },
  });
  return {
    invoke(channel: string, request: unknown): Promise<unknown> {
      const binding = target[invokeBinding];
      if (typeof binding !== 'function') return Promise.reject(new Error('no test binding'));
      return binding(channel, request) as Promise<unknown>;
    },
    on(channel: string, listener: Listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
}
