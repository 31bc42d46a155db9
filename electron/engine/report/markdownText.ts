/**
 * Putting text from the machine into Markdown without it turning into
 * Markdown: a path with `__init__` must not become bold, `<user>` must not
 * vanish as an HTML tag, and a command line must not break out of its code
 * block. The report is pasted into GitHub, forums and chat, so it has to
 * read the same wherever it is rendered.
 */

/** Control characters (a terminal's colour codes, a NUL) shown as escapes instead of acted on. */
function escapeControls(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** One value, one readable line. */
function visible(value: string): string {
  return escapeControls(value.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/\t/g, ' '));
}

/** Prose: Markdown's active characters escaped, everything else left as it reads. */
export function mdText(value: string): string {
  return (
    visible(value)
      // A backslash is literal unless punctuation follows; only then does it need its own escape.
      .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
      .replace(/[`*_~[\]<]/g, '\\$&')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      // At the start of a line these open a heading, a quote or a list.
      .replace(/^([#>+=-])/, '\\$1')
  );
}

/** An inline code span that survives backticks inside the value. */
export function mdCode(value: string): string {
  const text = visible(value);
  if (text === '') return '""';
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space pads a value that starts or ends with a backtick, as CommonMark strips one from each side.
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside (PowerShell escapes with `). */
export function mdFence(lines: readonly string[], language: string): string {
  const body = lines.flatMap((line) => line.split(/\r\n|\r|\n/)).map(escapeControls);
  const longestRun = Math.max(
    2,
    ...body.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)),
  );
  const fence = '`'.repeat(longestRun + 1);
  return [`${fence}${language}`, ...body, fence].join('\n');
}
