/**
 * Every icon file the packagers need, rendered from the one SVG. Pure (bytes
 * in, bytes out) so a test can regenerate them and compare with what is
 * committed.
 */
import { Resvg } from '@resvg/resvg-js';
import { encodeIcns, ICNS_TYPES } from './icns';
import { encodeIco, type IconImage } from './ico';

/** What the Windows shell asks for, from a 16 px list row to a 256 px tile. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/**
 * File name → contents. icon.png / icon@2x.png follow Electron's hi-DPI naming
 * so `nativeImage` picks the 1024 px one on 2x screens; the Linux packages use
 * icon.png (512 px is the largest size every hicolor theme lists).
 */
export type IconFiles = Record<'icon.ico' | 'icon.icns' | 'icon.png' | 'icon@2x.png', Buffer>;

export function renderIconFiles(svg: Buffer | string): IconFiles {
  const sizes = new Set<number>([...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size), 512, 1024]);
  const images = new Map<number, IconImage>();
  for (const size of [...sizes].sort((a, b) => a - b)) images.set(size, render(svg, size));
  const png = new Map([...images].map(([size, image]) => [size, image.png]));
  return {
    'icon.ico': encodeIco(ICO_SIZES.map((size) => images.get(size)!)),
    'icon.icns': encodeIcns(png),
    'icon.png': png.get(512)!,
    'icon@2x.png': png.get(1024)!,
  };
}

function render(svg: Buffer | string, size: number): IconImage {
  // No system fonts: the mark has no text, and font discovery would make the
  // output depend on the machine.
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`icon.svg must be square: rendered ${image.width}×${image.height} for ${size}`);
  }
  return { size, png: image.asPng(), premultipliedRgba: image.pixels };
}
