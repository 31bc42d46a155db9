/**
 * The macOS .icns container, written here so a mac build never has to fetch
 * electron-builder's icon converter (it downloads a toolset to turn a PNG
 * into .icns). Only the PNG-payload types are used; macOS has read them
 * since 10.8: ic07–ic10 are 128–1024 px at 1x, ic11–ic14 the @2x variants
 * of 16–256 pt.
 */

/** OSType → pixel size, in the order iconutil writes them. */
export const ICNS_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

const HEADER = 8;

export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`encodeIcns: no ${size} px image for ${type}`);
    const header = Buffer.alloc(HEADER);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(HEADER + png.length, 4); // big-endian, length includes the header
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(entries);
  const header = Buffer.alloc(HEADER);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(HEADER + body.length, 4);
  return Buffer.concat([header, body]);
}
