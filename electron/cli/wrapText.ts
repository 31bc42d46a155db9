/**
 * Help paragraphs broken into lines for a terminal. The messages carry no
 * line breaks (extraction folds them, and each language's words have their
 * own lengths), so lines are broken here: between words, found by
 * Intl.Segmenter so Chinese and Japanese, which put no spaces between
 * words, break too; their characters take two columns.
 */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function columns(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

export function wrapText(text: string, locale: string, width = 79): string {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const lines: string[] = [];
  let line = '';
  for (const { segment } of segmenter.segment(text)) {
    if (line !== '' && columns(line + segment.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = segment.trimStart();
    } else {
      line += segment;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.join('\n');
}
