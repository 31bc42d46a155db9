import { z } from 'zod';
import type { Message, MessageList, MessageValue } from '../i18n/message';

/** A message id: dotted words ("remedy.venv.title"), as the catalogs in i18n/ key them. */
const MessageIdSchema = z.string().regex(/^[a-z0-9][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/);

const MessageValueSchema: z.ZodType<MessageValue> = z.lazy(() =>
  z.union([z.string(), z.number(), MessageSchema, MessageListSchema]),
);

/** Words as the engine hands them over: an id and its values (electron/shared/i18n/message.ts). */
export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z
    .object({
      messageId: MessageIdSchema,
      values: z.record(z.string(), MessageValueSchema).optional(),
    })
    .strict(),
);

const MessageListSchema: z.ZodType<MessageList> = z.lazy(() =>
  z
    .object({
      list: z.array(MessageValueSchema),
      joiner: z.enum(['and', 'or', 'sentences']).optional(),
    })
    .strict(),
);
