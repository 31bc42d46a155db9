import type { IntlShape } from 'react-intl';
import { MAX_LOG_TEXT, fromFirstWholeLine } from './logTextLimit';

export interface LogFileText {
  name: string;
  sizeBytes: number;
  text: string;
  /** True when the file was larger than the app accepts and only its end was read. */
  truncated: boolean;
}

type Encoding = { label: 'utf-8' | 'utf-16le' | 'utf-16be'; bomBytes: number };

/**
 * Windows PowerShell's `pip install ... > log.txt` writes UTF-16 LE with a
 * BOM; File.text() would read that as UTF-8 and show every other byte as NUL.
 */
function sniffEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return { label: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: 'utf-16be', bomBytes: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { label: 'utf-8', bomBytes: 3 };
  return { label: 'utf-8', bomBytes: 0 };
}

/**
 * Reads a dropped or chosen log in the renderer. A file larger than the cap
 * is read from its end only (a byte cap: every character is at least one
 * byte, so the decoded text fits the contract's character cap too).
 */
export async function readLogFile(file: File): Promise<LogFileText> {
  const encoding = sniffEncoding(new Uint8Array(await file.slice(0, 3).arrayBuffer()));
  const bodyBytes = file.size - encoding.bomBytes;
  const truncated = bodyBytes > MAX_LOG_TEXT;
  let start = truncated ? file.size - MAX_LOG_TEXT : encoding.bomBytes;
  // UTF-16 code units start at an even offset after the 2-byte BOM.
  if (encoding.label !== 'utf-8' && (start - encoding.bomBytes) % 2 !== 0) start += 1;
  const bytes = await file.slice(start).arrayBuffer();
  // ignoreBOM: the BOM was already skipped by offset; a second U+FEFF would be real content.
  const decoded = new TextDecoder(encoding.label, { ignoreBOM: true }).decode(bytes);
  return {
    name: file.name,
    sizeBytes: file.size,
    text: truncated ? fromFirstWholeLine(decoded) : decoded,
    truncated,
  };
}

/**
 * "20.0 MB" in the user's language (its decimal mark, its unit names), from
 * Intl's unit formatting, through react-intl's formatter for that language.
 */
export function formatSize(bytes: number, intl: Pick<IntlShape, 'formatNumber'>): string {
  const { formatNumber } = intl;
  if (bytes < 1024)
    return formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  if (bytes < 1024 * 1024)
    return formatNumber(Math.round(bytes / 1024), { style: 'unit', unit: 'kilobyte' });
  return formatNumber(bytes / (1024 * 1024), {
    style: 'unit',
    unit: 'megabyte',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
