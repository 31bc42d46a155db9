import { defineMessages } from 'react-intl';
import type {
  ActionProgress,
  Channel,
  PipDoctorBridge,
  Reply,
  RerunOutput,
  RequestOf,
  ResponseOf,
  ScanProgressEvent,
} from '../../../electron/shared/contract';
import { msg } from '../../../electron/shared/i18n/message';

declare global {
  interface Window {
    /** Set by the preload (or a test harness); the renderer's only way out (DESIGN.md rule 1). */
    pipDoctor?: PipDoctorBridge;
  }
}

const words = defineMessages({
  noBridge: {
    id: 'error.bridge.missing',
    defaultMessage:
      'Pip Doctor could not reach its own background process. Restart the app and try again.',
  },
  invokeFailed: {
    id: 'error.bridge.invokeFailed',
    defaultMessage: 'Something went wrong while talking to the background process. Try again.',
  },
});

// Stored as Messages like main's errors, so every error is formatted in one place, at display.
const NO_BRIDGE: Reply<never> = {
  ok: false,
  error: {
    message: msg(words.noBridge),
    cause: 'window.pipDoctor is missing: the preload did not run',
  },
};

/**
 * Calls main. Never throws: a missing bridge or a rejected promise becomes a
 * Reply with an error, so every caller handles failure in one way.
 */
export async function invoke<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
): Promise<Reply<ResponseOf<C>>> {
  const bridge = window.pipDoctor;
  if (!bridge) return NO_BRIDGE;
  try {
    return await bridge.invoke(channel, request);
  } catch (error) {
    return {
      ok: false,
      error: {
        message: msg(words.invokeFailed),
        cause: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

export function onScanProgress(listener: (event: ScanProgressEvent) => void): () => void {
  return window.pipDoctor?.onScanProgress(listener) ?? (() => undefined);
}

export function onActionProgress(listener: (event: ActionProgress) => void): () => void {
  return window.pipDoctor?.onActionProgress(listener) ?? (() => undefined);
}

export function onRerunOutput(listener: (event: RerunOutput) => void): () => void {
  return window.pipDoctor?.onRerunOutput(listener) ?? (() => undefined);
}
