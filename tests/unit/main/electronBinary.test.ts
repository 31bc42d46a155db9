import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findElectronBinary } from '../../support/electronBinary';
import { tempTree } from '../../support/tempTree';

describe('finding the Electron binary without requiring electron', () => {
  const root = tempTree('electron-binary');

  /** node_modules/electron as npm leaves it: path.txt always, dist/ only after the download. */
  function electronPackage(name: string, withDist: boolean): string {
    const dir = join(root, name);
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'path.txt'), 'electron');
    if (withDist) writeFileSync(join(dir, 'dist', 'electron'), '');
    return dir;
  }

  test('none installed (the offline case): null, and nothing is downloaded', () => {
    expect(findElectronBinary({}, electronPackage('offline', false))).toBeNull();
    expect(findElectronBinary({}, join(root, 'no-such-package'))).toBeNull();
  });

  test('a downloaded dist is found through path.txt', () => {
    const dir = electronPackage('downloaded', true);
    expect(findElectronBinary({}, dir)).toBe(join(dir, 'dist', 'electron'));
  });

  test('ELECTRON_OVERRIDE_DIST_PATH and ELECTRON_EXEC_PATH are honoured, and must exist', () => {
    const dir = electronPackage('overridden', false);
    const dist = join(root, 'custom-dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist }, dir)).toBe(
      join(dist, 'electron'),
    );
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: join(root, 'nope') }, dir)).toBeNull();
    expect(findElectronBinary({ ELECTRON_EXEC_PATH: join(dist, 'electron') }, dir)).toBe(
      join(dist, 'electron'),
    );
    expect(findElectronBinary({ ELECTRON_EXEC_PATH: join(root, 'nope') }, dir)).toBeNull();
  });
});
