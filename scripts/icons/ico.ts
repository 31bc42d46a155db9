/**
 * The Windows .ico container, written by hand because it is only a directory
 * of images. Sizes below 256 are stored as 32-bit BMPs and 256 as PNG: that is
 * what Windows' own icons do, and every reader (Explorer, NSIS' makensis,
 * resedit inside electron-builder) takes BMP entries, while PNG entries below
 * 256 px are refused by some older ones.
 */

/** One square image: its PNG bytes, and its pixels as premultiplied RGBA (what resvg renders). */
export interface IconImage {
  size: number;
  png: Buffer;
  premultipliedRgba: Buffer;
}

const DIR_HEADER = 6;
const DIR_ENTRY = 16;
const BITMAP_INFO_HEADER = 40;
/** Entries at this size and above are stored as PNG. */
const PNG_FROM = 256;

export function encodeIco(images: readonly IconImage[]): Buffer {
  const payloads = images.map((image) =>
    image.size >= PNG_FROM ? image.png : encodeBmpEntry(image),
  );
  const header = Buffer.alloc(DIR_HEADER + DIR_ENTRY * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    const at = DIR_HEADER + DIR_ENTRY * i;
    const payload = payloads[i]!;
    // 256 does not fit in a byte; the format spells it 0.
    header.writeUInt8(image.size >= 256 ? 0 : image.size, at);
    header.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(payload.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += payload.length;
  });
  return Buffer.concat([header, ...payloads]);
}

/**
 * A BMP icon entry: BITMAPINFOHEADER, then BGRA rows bottom-up, then the
 * 1-bit AND mask (set where the pixel is fully transparent) for readers that
 * ignore alpha. The header's height counts both bitmaps, hence 2 × size.
 */
function encodeBmpEntry({ size, premultipliedRgba }: IconImage): Buffer {
  const maskRowBytes = Math.ceil(size / 32) * 4;
  const colourBytes = size * size * 4;
  const out = Buffer.alloc(BITMAP_INFO_HEADER + colourBytes + maskRowBytes * size);
  out.writeUInt32LE(BITMAP_INFO_HEADER, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8);
  out.writeUInt16LE(1, 12); // planes
  out.writeUInt16LE(32, 14); // bits per pixel
  out.writeUInt32LE(0, 16); // BI_RGB: uncompressed
  out.writeUInt32LE(colourBytes + maskRowBytes * size, 20);
  // Resolution and palette fields stay 0.
  const maskStart = BITMAP_INFO_HEADER + colourBytes;
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4;
      const [r, g, b] = unpremultiply(premultipliedRgba, src);
      const a = premultipliedRgba[src + 3]!;
      const dst = BITMAP_INFO_HEADER + (row * size + x) * 4;
      out.writeUInt8(b, dst);
      out.writeUInt8(g, dst + 1);
      out.writeUInt8(r, dst + 2);
      out.writeUInt8(a, dst + 3);
      if (a === 0) {
        const byte = maskStart + row * maskRowBytes + (x >> 3);
        out.writeUInt8(out[byte]! | (0x80 >> (x & 7)), byte);
      }
    }
  }
  return out;
}

/** BMP alpha is straight, resvg's is premultiplied: divide the colour back out. */
function unpremultiply(rgba: Buffer, at: number): [number, number, number] {
  const a = rgba[at + 3]!;
  if (a === 0) return [0, 0, 0];
  const channel = (c: number): number => Math.min(255, Math.round((c * 255) / a));
  return [channel(rgba[at]!), channel(rgba[at + 1]!), channel(rgba[at + 2]!)];
}
