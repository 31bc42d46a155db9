import { z } from 'zod';
import { isAppPage } from '../security/appPage';
import { channels } from '../shared/contract';
import type { Channel, Reply, RequestOf, ResponseOf } from '../shared/contract';
import { failure, toUserError } from './replies';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';

const refusals = defineMessages({
  foreignSender: {
    id: 'error.ipc.foreignSender',
    defaultMessage: "This request did not come from Pip Doctor's own window, so it was refused.",
  },
  invalidRequest: {
    id: 'error.ipc.invalidRequest',
    defaultMessage:
      'Pip Doctor could not understand a request from its window. Restart the app; if it happens again, report it.',
  },
});

/** Who sent a request, as main sees it (never as the renderer claims it). */
export interface SenderInfo {
  /** The sending frame's URL; null when the frame is gone or navigated away. */
  frameUrl: string | null;
  /** Subframes never speak for the app. */
  isMainFrame: boolean;
}

export type ChannelHandler<C extends Channel> = (
  request: unknown,
  sender: SenderInfo,
) => Promise<Reply<ResponseOf<C>>>;

/**
 * Wraps one channel's work in the checks every request gets (DESIGN.md
 * rule 2, Electron checklist item 17): the sender must be the app's own top
 * frame, the request must match the contract's schema, and the answer is
 * checked against the response schema, which also drops any field the
 * contract does not promise. Nothing is thrown across IPC: Electron would
 * pass on only the message, so every outcome is a Reply.
 */
export function guardHandler<C extends Channel>(
  channel: C,
  appPageUrl: string,
  work: (request: RequestOf<C>) => Promise<ResponseOf<C>>,
): ChannelHandler<C> {
  const { request: requestSchema, response: responseSchema } = schemasOf(channel);
  return async (request, sender) => {
    if (!isTrustedSender(sender, appPageUrl)) {
      return failure(
        msg(refusals.foreignSender),
        `${channel} from ${sender.isMainFrame ? 'frame' : 'subframe'} ${sender.frameUrl ?? '(unknown)'}`,
      );
    }
    const parsed = requestSchema.safeParse(request);
    if (!parsed.success) {
      return failure(msg(refusals.invalidRequest), `${channel}: ${z.prettifyError(parsed.error)}`);
    }
    try {
      return { ok: true, value: responseSchema.parse(await work(parsed.data)) };
    } catch (error) {
      return { ok: false, error: toUserError(error) };
    }
  };
}

function isTrustedSender(sender: SenderInfo, appPageUrl: string): boolean {
  return sender.isMainFrame && sender.frameUrl !== null && isAppPage(sender.frameUrl, appPageUrl);
}

/** The contract's map, seen per channel so that a generic handler gets its own channel's types. */
type ChannelSchemas = {
  readonly [C in Channel]: {
    request: z.ZodType<RequestOf<C>>;
    response: z.ZodType<ResponseOf<C>>;
  };
};
const channelSchemas: ChannelSchemas = channels;

function schemasOf<C extends Channel>(channel: C): ChannelSchemas[C] {
  return channelSchemas[channel];
}
