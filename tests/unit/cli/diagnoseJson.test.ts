import { describe, expect, test } from 'vitest';
import { parseCliDiagnosis } from '../../support/cliDiagnosis';
import { isMessage } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import { english } from '../../support/english';
import { runCliProcess } from '../../support/runCliProcess';
import { tempTree } from '../../support/tempTree';

/**
 * Every message in a JSON document, wherever it sits; a message's own values
 * (a nested message) are part of its text, not messages of the document.
 */
function messagesIn(value: unknown, found: Array<Message & { text?: unknown }> = []) {
  if (Array.isArray(value)) for (const item of value) messagesIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    if (isMessage(value)) found.push(value);
    else for (const item of Object.values(value)) messagesIn(item, found);
  }
  return found;
}

describe('diagnose --json (issue #17)', () => {
  test('each message keeps its id and values and adds its English, in any terminal language', async () => {
    const project = tempTree('diagnose-json');
    // A German terminal: the JSON is for programs, so its text is English all the same.
    const run = await runCliProcess(['diagnose', '--json', '--project', project], {
      env: { ...process.env, LC_ALL: 'de_DE.UTF-8' },
    });
    expect(run.code).toBe(0);
    const json: unknown = JSON.parse(run.stdout);
    // Still the Diagnosis document the app receives once each `text` is set aside.
    parseCliDiagnosis(run.stdout);

    const messages = messagesIn(json);
    for (const message of messages) {
      expect(message.messageId).toMatch(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/);
      // `values` as the engine gave them, so a script can read the path or the count.
      const { text, ...withoutText } = message;
      expect(text).toBe(english(withoutText));
    }
    // The cause summary is the one sentence every diagnosis has: once it is a message
    // (issue #17, the diagnosis helper's part) it must arrive with its id, values and text.
    const { recommendations } = json as { recommendations: Array<{ title: unknown }> };
    expect(recommendations[0]?.title).toEqual(
      expect.objectContaining({ messageId: expect.any(String), text: expect.any(String) }),
    );
    expect(messages.length).toBeGreaterThan(0);
  }, 120_000);
});
