import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { translator } from '../../../electron/engine/i18n/translator';
import { msg } from '../../../electron/shared/i18n/message';
import type { MessageValue } from '../../../electron/shared/i18n/message';
import type { Locale } from '../../../electron/shared/i18n/locales';

const ENGLISH = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'i18n', 'en.json'), 'utf8'),
) as Record<string, { defaultMessage: string }>;

/**
 * What the app says in `locale` where English says `english`: the test names
 * buttons and headings as the English user knows them, and reads the
 * translation from the same catalogs the app ships. Refuses text no message
 * says, and text two messages say differently in that language.
 */
export function say(
  locale: Locale,
  english: string,
  values?: Readonly<Record<string, MessageValue>>,
): string {
  const ids = Object.entries(ENGLISH)
    .filter(([, message]) => message.defaultMessage === english)
    .map(([id]) => id);
  if (ids.length === 0) throw new Error(`No message says "${english}" in English`);
  const texts = new Set(
    ids.map((id) => translator(locale, { strict: true }).text(msg({ id }, values))),
  );
  if (texts.size > 1) {
    throw new Error(`"${english}" is ${[...texts].join(' / ')} in ${locale}: name it by its id`);
  }
  return [...texts][0]!;
}

/** A message by its id, in `locale`: where two messages say the same in English (a heading and a step's name). */
export function sayId(
  locale: Locale,
  messageId: string,
  values?: Readonly<Record<string, MessageValue>>,
): string {
  if (!(messageId in ENGLISH)) throw new Error(`No message ${messageId}`);
  return translator(locale, { strict: true }).text(msg({ id: messageId }, values));
}

/** Words that only English sentences are made of: none of them is a word in German or Chinese. */
const ENGLISH_ONLY = new Set(
  'the your you and is are this that with not was can will from have has which what could would'.split(
    ' ',
  ),
);

/**
 * Visible text on the page that still reads as English: text nodes with two
 * or more words only English uses. Code (commands, paths, pip's own lines
 * shown as evidence) is left out: those are never translated.
 */
export async function englishLeftOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('code, pre, kbd, samp, textarea, [translate="no"]')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const text = node.textContent?.trim() ?? '';
      if (text) found.push(text);
    }
    return found;
  });
  return texts.filter(
    (text) =>
      text
        .toLowerCase()
        .split(/[^a-z']+/)
        .filter((word) => ENGLISH_ONLY.has(word)).length >= 2,
  );
}
