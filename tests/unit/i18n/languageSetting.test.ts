import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSetting } from '../../../electron/ipc/languageSetting';

describe('the language the app remembers', () => {
  const folders: string[] = [];
  const dataDir = () => {
    const folder = mkdtempSync(join(tmpdir(), 'pip-doctor-language-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("speaks the system's language until the user chooses, then the choice, also after a restart", () => {
    const dir = dataDir();
    const first = new LanguageSetting({
      dataDir: dir,
      systemLanguages: ['de-DE'],
      offerPseudoLocale: false,
    });
    expect(first.current()).toBe('de');
    first.choose('ja');
    expect(first.current()).toBe('ja');
    const restarted = new LanguageSetting({
      dataDir: dir,
      systemLanguages: ['de-DE'],
      offerPseudoLocale: false,
    });
    expect(restarted.current()).toBe('ja');
    expect(JSON.parse(readFileSync(join(dir, 'language.json'), 'utf8'))).toEqual({
      language: 'ja',
    });
  });

  it('offers the pseudo-locale only in test builds, and forgets it in the packaged app', () => {
    const dir = dataDir();
    const test = new LanguageSetting({
      dataDir: dir,
      systemLanguages: [],
      offerPseudoLocale: true,
    });
    expect(test.available).toContain('en-XA');
    test.choose('en-XA');
    const packaged = new LanguageSetting({
      dataDir: dir,
      systemLanguages: ['fr-FR'],
      offerPseudoLocale: false,
    });
    expect(packaged.available).not.toContain('en-XA');
    expect(packaged.current()).toBe('fr');
    expect(() => packaged.choose('en-XA')).toThrow(/not an offered language/);
  });

  it('starts in the system language when the remembered file is broken or names no language', () => {
    for (const content of ['{not json', '{"language":"xx"}', 'null', '{"language":["de"]}', '']) {
      const dir = dataDir();
      writeFileSync(join(dir, 'language.json'), content);
      const setting = new LanguageSetting({
        dataDir: dir,
        systemLanguages: ['ko-KR'],
        offerPseudoLocale: false,
      });
      expect(setting.current()).toBe('ko');
    }
  });

  it('keeps the choice for this session when the data folder cannot be written', () => {
    const dir = dataDir();
    // A file where the data folder should be: not writable for anyone, root included.
    writeFileSync(join(dir, 'data'), 'not a folder');
    const setting = new LanguageSetting({
      dataDir: join(dir, 'data'),
      systemLanguages: [],
      offerPseudoLocale: false,
    });
    expect(setting.choose('it')).toBe(false);
    expect(setting.current()).toBe('it');
  });
});
