/**
 * The committed icons are exactly what `npm run icons` makes from icon.svg,
 * and each container holds every size the OS asks for, readable by the same
 * library electron-builder uses to put the icon into the .exe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Data } from 'resedit';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES } from '../../../scripts/icons/icns';
import { ICO_SIZES, renderIconFiles, type IconFiles } from '../../../scripts/icons/renderIcons';
import { REPO } from '../../support/repoPaths';

const ICON_DIR = join(REPO, 'assets', 'icon');
const committed = (name: string): Buffer => readFileSync(join(ICON_DIR, name));

const REFERENCE_PLATFORM = process.platform === 'linux' && process.arch === 'x64';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

interface IcoEntry {
  width: number;
  height: number;
  bitCount: number;
  payload: Buffer;
}

function readIco(ico: Buffer): IcoEntry[] {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const offset = ico.readUInt32LE(at + 12);
    return {
      width: ico[at]! || 256,
      height: ico[at + 1]! || 256,
      bitCount: ico.readUInt16LE(at + 6),
      payload: ico.subarray(offset, offset + ico.readUInt32LE(at + 8)),
    };
  });
}

describe('icons', () => {
  const regenerated: IconFiles = renderIconFiles(committed('icon.svg'));

  // resvg's anti-aliasing can round differently on other CPUs, so the exact bytes are
  // pinned on the platform CI and the committed files use; the checks below run everywhere.
  it.runIf(REFERENCE_PLATFORM).each(Object.keys(regenerated))(
    '%s is byte-for-byte what npm run icons makes from icon.svg (linux-x64)',
    (name) => {
      const fresh = regenerated[name as keyof IconFiles];
      expect(
        fresh.equals(committed(name)),
        `${name} differs from a fresh render: run \`npm run icons\` on linux-x64 and commit the result`,
      ).toBe(true);
    },
  );

  it('icon.ico holds 16, 24, 32, 48, 64, 128 and 256 px, each entry its stated size', () => {
    const entries = readIco(committed('icon.ico'));
    expect(entries.map((e) => e.width)).toEqual([...ICO_SIZES]);
    for (const { width, height, bitCount, payload } of entries) {
      expect([width, height, bitCount]).toEqual([width, width, 32]);
      if (width === 256) {
        expect(pngSize(payload)).toEqual([256, 256]);
      } else {
        // BITMAPINFOHEADER: 40 bytes, width, then height counting colour + mask.
        expect([payload.readUInt32LE(0), payload.readInt32LE(4), payload.readInt32LE(8)]).toEqual([
          40,
          width,
          width * 2,
        ]);
      }
    }
  });

  it("icon.ico parses with resedit, which electron-builder uses to set the .exe's icon", () => {
    const icon = Data.IconFile.from(committed('icon.ico'));
    expect(icon.icons.map((i) => i.width || 256)).toEqual([...ICO_SIZES]);
  });

  it('icon.icns holds PNGs from 32 to 1024 px under the right types', () => {
    const icns = committed('icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Array<[string, number]> = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const data = icns.subarray(at + 8, at + icns.readUInt32BE(at + 4));
      found.push([icns.toString('latin1', at, at + 4), pngSize(data)[0]]);
    }
    expect(found).toEqual(ICNS_TYPES.map(([type, size]) => [type, size]));
  });

  it('icon.png is 512 px and icon@2x.png 1024 px', () => {
    expect(pngSize(committed('icon.png'))).toEqual([512, 512]);
    expect(pngSize(committed('icon@2x.png'))).toEqual([1024, 1024]);
  });
});
