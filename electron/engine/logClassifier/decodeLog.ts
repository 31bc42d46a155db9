import { StringDecoder } from 'node:string_decoder';

/** How the bytes of a log were read. `binary` logs are not classified. */
export type LogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary';

/** Bytes looked at before the encoding is decided; enough for a BOM and a NUL census. */
const SNIFF_BYTES = 4096;

/**
 * Turns the raw bytes of a log into text, chunk by chunk, so a log of any size
 * is decoded with constant memory. The encoding is decided on the first
 * bytes: a BOM (PowerShell 5's `>` writes UTF-16LE with one), else UTF-16 by
 * its telltale NULs in every other byte, else UTF-8 unless NULs or control
 * bytes say it is binary.
 */
export class LogDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private decoder: StringDecoder | null = null;
  private byteSwap = false;
  /** UTF-16BE: the first byte of a code unit whose second byte is in the next chunk. */
  private oddByte: Buffer | null = null;
  encoding: LogEncoding | null = null;

  write(chunk: Buffer): string {
    if (this.encoding === 'binary') return '';
    if (this.decoder) return this.decode(chunk);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < SNIFF_BYTES) return '';
    return this.decideAndFlush();
  }

  end(): string {
    let text = '';
    if (!this.decoder && this.encoding !== 'binary') text = this.decideAndFlush();
    if (this.decoder) text += this.decoder.end();
    return text;
  }

  private decideAndFlush(): string {
    let head = Buffer.concat(this.pending);
    this.pending = [];
    const { encoding, bomLength } = sniffEncoding(head);
    this.encoding = encoding;
    if (encoding === 'binary') return '';
    head = head.subarray(bomLength);
    this.byteSwap = encoding === 'utf-16be';
    this.decoder = new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'utf16le');
    return this.decode(head);
  }

  private decode(chunk: Buffer): string {
    if (!this.byteSwap) return this.decoder!.write(chunk);
    // Node has no UTF-16BE decoder; swap to LE. An odd trailing byte is kept for the next chunk.
    if (this.oddByte !== null) {
      chunk = Buffer.concat([this.oddByte, chunk]);
      this.oddByte = null;
    }
    const even = chunk.length - (chunk.length % 2);
    const swapped = Buffer.from(chunk.subarray(0, even)).swap16();
    const text = this.decoder!.write(swapped);
    if (even < chunk.length) this.oddByte = Buffer.from(chunk.subarray(even));
    return text;
  }
}

export function sniffEncoding(head: Buffer): { encoding: LogEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head.length === 0) return { encoding: 'utf-8', bomLength: 0 };

  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i]!;
    if (byte === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) {
      control++;
    }
  }
  const pairs = head.length / 2;
  // ASCII-range text in UTF-16 has a NUL in (nearly) every high byte.
  if (nulOdd > pairs * 0.3 && nulEven < pairs * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
  if (nulEven > pairs * 0.3 && nulOdd < pairs * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  if (nulEven + nulOdd > 0 || control > head.length * 0.1)
    return { encoding: 'binary', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}
