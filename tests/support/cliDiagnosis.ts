import { isMessage } from '../../electron/shared/i18n/message';
import { DiagnosisSchema } from '../../electron/shared/model/diagnosis';
import type { Diagnosis } from '../../electron/shared/model/diagnosis';
import { english } from './english';

/**
 * The Diagnosis `diagnose --json` printed, read back with the app's own
 * schema. The CLI adds each message's English as `text` beside its id and
 * values (withEnglish): that text must be the message's English, and is
 * dropped before the strict schema reads the document.
 */
export function parseCliDiagnosis(stdout: string): Diagnosis {
  return DiagnosisSchema.parse(withoutEnglish(JSON.parse(stdout) as unknown));
}

function withoutEnglish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEnglish);
  if (typeof value !== 'object' || value === null) return value;
  if (isMessage(value) && 'text' in value) {
    const { text, ...message } = value as typeof value & { text: unknown };
    if (text !== english(message))
      throw new Error(`--json printed "${String(text)}" as the English of ${message.messageId}`);
    return message;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withoutEnglish(item)]),
  );
}
