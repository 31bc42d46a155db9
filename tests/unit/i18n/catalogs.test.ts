import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../../electron/shared/i18n/locales';

/**
 * The catalogs in i18n/ (issue #17): English is what the source says, and
 * every other language has every message, nothing else, with the same
 * placeholders of the same kinds, in ICU that compiles.
 */
const REPO = join(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

const extracted = readJson(join(REPO, 'i18n', 'en.json')) as Record<
  string,
  { defaultMessage: string; description?: string }
>;
const english = Object.fromEntries(
  Object.entries(extracted).map(([id, { defaultMessage }]) => [id, defaultMessage]),
);
const translations = LOCALES.filter((locale) => locale !== 'en');

/**
 * "kind:select", "path:value", "b:tag": what a message needs from its caller,
 * and how. A count may be a plural in one language and a plain value in
 * another ("выполнено шагов: {done} из {total}" needs no plural forms): both
 * are "value". A select is not: its keywords must never show as words.
 */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
        into.add(`${element.value}:value`);
        break;
      case TYPE.date:
      case TYPE.time:
        into.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
        into.add(`${element.value}:value`);
        for (const option of Object.values(element.options)) placeholders(option.value, into);
        break;
      case TYPE.select:
        into.add(`${element.value}:select`);
        for (const option of Object.values(element.options)) placeholders(option.value, into);
        break;
      case TYPE.tag:
        into.add(`${element.value}:tag`);
        placeholders(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

/**
 * The plural categories a count of things (0 to 1000 programs, files,
 * processes) can fall in, in that language, and "other", which ICU always
 * needs: Russian needs one, few and many; French one; Chinese none. (French's
 * "many" is for "1 million": no count here reaches it.)
 */
function pluralCategories(locale: string): Set<string> {
  const rules = new Intl.PluralRules(locale);
  const categories = new Set<string>(['other']);
  for (let count = 0; count <= 1000; count++) categories.add(rules.select(count));
  return categories;
}

/** Plural branches a message offers that this language never selects, or needs and lacks. */
function pluralProblems(elements: MessageFormatElement[], locale: string): string[] {
  const problems: string[] = [];
  const needed = pluralCategories(locale);
  for (const element of elements) {
    if (element.type === TYPE.plural && element.pluralType === 'cardinal') {
      const offered = Object.keys(element.options).filter((key) => !key.startsWith('='));
      const missing = [...needed].filter((category) => !offered.includes(category));
      // "other" alone is always enough for ICU; a language that needs "few" must say it.
      if (missing.length > 0 && !(offered.length === 1 && offered[0] === 'other')) {
        problems.push(`{${element.value}} lacks ${missing.join(', ')}`);
      }
      for (const option of Object.values(element.options)) {
        problems.push(...pluralProblems(option.value, locale));
      }
    } else if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) {
        problems.push(...pluralProblems(option.value, locale));
      }
    } else if (element.type === TYPE.tag) {
      problems.push(...pluralProblems(element.children, locale));
    }
  }
  return problems;
}

describe('the message catalogs', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pip-doctor-i18n-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has English exactly as the source defines it, and the pseudo-locale compiled from it', () => {
    execFileSync(process.execPath, [join(REPO, 'scripts', 'i18n.mjs'), scratch], { cwd: REPO });
    // A message added or changed in the source without `npm run i18n` would show as its id.
    expect(readJson(join(scratch, 'en.json'))).toEqual(extracted);
    expect(readJson(join(scratch, 'en-XA.json'))).toEqual(
      readJson(join(REPO, 'i18n', 'en-XA.json')),
    );
  }, 60_000);

  it('has English messages, each with an explicit dotted id', () => {
    expect(Object.keys(english).length).toBeGreaterThan(0);
    for (const id of Object.keys(english))
      expect(id).toMatch(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/);
  });

  it.each(translations)('%s has every English message and no other', (locale) => {
    const catalog = readJson(join(REPO, 'i18n', `${locale}.json`)) as Record<string, unknown>;
    const missing = Object.keys(english).filter((id) => !(id in catalog));
    const extra = Object.keys(catalog).filter((id) => !(id in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(translations)('%s compiles, with the placeholders and plurals English has', (locale) => {
    const catalog = readJson(join(REPO, 'i18n', `${locale}.json`)) as Record<string, string>;
    const wrong: string[] = [];
    for (const [id, source] of Object.entries(english)) {
      const text = catalog[id];
      if (typeof text !== 'string') continue; // reported by the test above
      let elements: MessageFormatElement[];
      try {
        elements = parse(text);
      } catch (error) {
        wrong.push(`${id}: does not compile: ${String(error)}`);
        continue;
      }
      const expected = [...placeholders(parse(source))].sort();
      const actual = [...placeholders(elements)].sort();
      if (expected.join() !== actual.join()) {
        wrong.push(`${id}: placeholders ${actual.join(' ')} instead of ${expected.join(' ')}`);
      }
      for (const problem of pluralProblems(elements, locale)) wrong.push(`${id}: ${problem}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(translations)('%s is translated, not English copied', (locale) => {
    const catalog = readJson(join(REPO, 'i18n', `${locale}.json`)) as Record<string, string>;
    // Some messages are the same in every language ("{command}", "Python {version}", "pip"):
    // only messages with at least two English words count.
    const wordy = Object.entries(english).filter(
      ([, text]) => (text.replace(/\{[^}]*\}/g, '').match(/[A-Za-z]{3,}/g)?.length ?? 0) >= 2,
    );
    const copied = wordy.filter(([id, text]) => catalog[id] === text).map(([id]) => id);
    expect(copied.length / Math.max(wordy.length, 1)).toBeLessThan(0.05);
  });
});
