import type { z } from 'zod';
import { isMessage } from '../../electron/shared/i18n/message';

/**
 * A document the CLI printed with --json, read back with the app's own schema.
 * The JSON adds each message's English as `text` beside its id and values
 * (electron/engine/i18n/withEnglish.ts; a message nested in another's values
 * is part of that text); the model has no such field, so it is checked to be
 * there and then taken off again.
 */
export function parseCliJson<T>(schema: z.ZodType<T>, stdout: string): T {
  return schema.parse(withoutEnglish(JSON.parse(stdout)));
}

function withoutEnglish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEnglish);
  if (typeof value !== 'object' || value === null) return value;
  if (isMessage(value)) {
    const { text, ...message } = value as typeof value & { text?: unknown };
    if (typeof text !== 'string' || text === '')
      throw new Error(`A message in the JSON has no English text: ${JSON.stringify(value)}`);
    return message;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withoutEnglish(item)]),
  );
}
