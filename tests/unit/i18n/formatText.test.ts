import { describe, expect, it } from 'vitest';
import { translator } from '../../../electron/engine/i18n/translator';
import { withEnglish } from '../../../electron/engine/i18n/withEnglish';
import { listOf, msg } from '../../../electron/shared/i18n/message';

const alsoPossible = (causes: string[], joiner?: 'and' | 'or') =>
  msg({ id: 'cli.finding.alsoPossible' }, { causes: listOf(causes, joiner) });

describe("the engine's messages in each language", () => {
  it('joins a list the way each language does', () => {
    const causes = ['lock', 'permission', 'antivirus'];
    expect(translator('en', { strict: true }).text(alsoPossible(causes))).toBe(
      'Also possible: lock, permission, and antivirus',
    );
    // The sentence around the list is the catalogs' to word; the list is the language's own.
    expect(translator('de', { strict: true }).text(alsoPossible(causes))).toContain(
      'lock, permission und antivirus',
    );
    expect(translator('ru', { strict: true }).text(alsoPossible(causes, 'or'))).toContain(
      'lock, permission или antivirus',
    );
    expect(translator('ja', { strict: true }).text(alsoPossible(causes))).toContain(
      'lock、permission、antivirus',
    );
  });

  it('formats a message nested in another in the same language', () => {
    const cause = msg({ id: 'cli.cause.lock' });
    const tryFirst = msg(
      { id: 'cli.diagnosis.tryFirst' },
      { remedy: 'close-processes', reason: cause },
    );
    const french = translator('fr', { strict: true });
    expect(french.text(tryFirst)).toContain('close-processes');
    expect(french.text(tryFirst)).toContain(french.text(cause));
    expect(french.text(cause)).toMatch(/programme/);
  });

  it('never translates what goes into a placeholder: paths, commands, names', () => {
    const path = 'C:\\Users\\Zoë & Co\\100% {braces}\\site-packages';
    const text = translator('zh-Hans', { strict: true }).text(
      msg({ id: 'cli.finding.alsoPossible' }, { causes: path }),
    );
    expect(text).toContain(path);
    expect(text).not.toBe(path);
  });

  it('refuses, in the tests, a message that does not exist or lacks a value', () => {
    expect(() => translator('de', { strict: true }).text(msg({ id: 'no.such.message' }))).toThrow();
    expect(() =>
      translator('de', { strict: true }).text(
        msg({ id: 'cli.diagnosis.tryFirst' }, { remedy: 'venv' }),
      ),
    ).toThrow();
  });

  it('adds the English text to each message in --json output, keeping id and values', () => {
    const document = {
      cause: 'lock',
      summary: alsoPossible(['lock']),
      nested: [{ m: msg({ id: 'cli.cause.lock' }) }],
    };
    expect(withEnglish(document)).toEqual({
      cause: 'lock',
      summary: {
        messageId: 'cli.finding.alsoPossible',
        values: { causes: { list: ['lock'], joiner: 'and' } },
        text: 'Also possible: lock',
      },
      nested: [
        {
          m: {
            messageId: 'cli.cause.lock',
            text: 'Locked: a running program holds the file',
          },
        },
      ],
    });
  });
});

describe('select keys', () => {
  it('turn model ids into keys ICU accepts, one way for every id', async () => {
    const { selectKey } = await import('../../../electron/shared/i18n/selectKey');
    expect(
      ['user-site', 'timed-out', 'not-python', 'purelib', 'user-scripts'].map(selectKey),
    ).toEqual(['userSite', 'timedOut', 'notPython', 'purelib', 'userScripts']);
  });
});
