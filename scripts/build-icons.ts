/**
 * `npm run icons`: regenerate assets/icon/icon.{ico,icns,png} and icon@2x.png
 * from assets/icon/icon.svg. The outputs are committed, so packaging never
 * needs this script; tests/unit/packaging/icons.test.ts fails when they drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderIconFiles } from './icons/renderIcons';

const ICON_DIR = path.resolve(__dirname, '..', 'assets', 'icon');

const files = renderIconFiles(readFileSync(path.join(ICON_DIR, 'icon.svg')));
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(path.join(ICON_DIR, name), bytes);
  console.log(`${path.join('assets', 'icon', name)}  ${bytes.length} bytes`);
}
