// @ts-check
import boundaries from 'eslint-plugin-boundaries';
import { builtinModules } from 'node:module';

/**
 * The layers of DESIGN.md, enforced: imports point downward only.
 *
 *   renderer    main.ts, preload.ts, cli.ts (the entry points)
 *       |         /   \
 *       |       cli   ipc ── security ── window
 *       |         \   /
 *       |        remedies
 *       |           |
 *       |        engine ····· platform's interface (systemProbe, osTraits)
 *       |           |
 *       |        platform
 *        \         |
 *         shared (no Node, no Electron)
 */

/** Each part of the app, by its files (partialMatch: false: the pattern matches a file's whole path). */
const ELEMENTS = [
  { type: 'shared', pattern: 'electron/shared/**', partialMatch: false },
  { type: 'platform', pattern: 'electron/platform/**', partialMatch: false },
  { type: 'engine', pattern: 'electron/engine/**', partialMatch: false },
  { type: 'remedies', pattern: 'electron/remedies/**', partialMatch: false },
  { type: 'ipc', pattern: 'electron/ipc/**', partialMatch: false },
  { type: 'cli', pattern: 'electron/cli/**', partialMatch: false },
  { type: 'security', pattern: 'electron/security/**', partialMatch: false },
  { type: 'window', pattern: 'electron/window/**', partialMatch: false },
  { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
];

const FILES = [
  // What the engine may know of the OS: the probe's interface and the OS traits, no implementation.
  {
    category: 'platform-interface',
    pattern: ['electron/platform/systemProbe.ts', 'electron/platform/osTraits.ts'],
  },
  // The entry points beside the layer folders, by what they may reach.
  // The preload runs in the sandboxed renderer process: it exposes the contract and nothing else.
  { category: 'preload', pattern: ['electron/preload.ts', 'electron/preloadBridge.ts'] },
  // main.ts and cli.ts wire every layer together.
  { category: 'wiring', pattern: ['electron/main.ts', 'electron/cli.ts'] },
];

/** Who may import whom, besides itself. */
const MAY_IMPORT = {
  shared: [],
  platform: ['shared'],
  engine: ['shared'],
  remedies: ['engine', 'platform', 'shared'],
  ipc: ['remedies', 'engine', 'platform', 'security', 'shared'],
  cli: ['remedies', 'engine', 'platform', 'shared'],
  security: ['shared'],
  window: ['security', 'shared'],
  renderer: ['shared'],
};

const NODE_MODULES = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export const layers = [
  {
    files: ['electron/**/*.{ts,tsx,js}', 'renderer/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
      // The entry points are files beside the layer folders; the plugin would warn on every run.
      'boundaries/legacy-warnings': false,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(MAY_IMPORT).map(([from, to]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
            })),
            {
              from: { file: { categories: 'wiring' } },
              allow: {
                to: {
                  element: {
                    types: {
                      anyOf: [
                        'cli',
                        'ipc',
                        'remedies',
                        'engine',
                        'platform',
                        'security',
                        'window',
                        'shared',
                      ],
                    },
                  },
                },
              },
            },
            {
              from: { file: { categories: 'preload' } },
              allow: { to: { file: { categories: 'preload' } } },
            },
            {
              from: { file: { categories: 'preload' } },
              allow: { to: { element: { type: 'shared' } } },
            },
            {
              from: { element: { type: 'engine' } },
              allow: {
                to: { element: { type: 'platform' }, file: { categories: 'platform-interface' } },
              },
            },
          ],
        },
      ],
    },
  },
  {
    // Processes are started in one place (DESIGN.md rule 3): the runner in platform/.
    files: ['electron/**/*.{ts,tsx,js}', 'renderer/**/*.{ts,tsx}'],
    ignores: ['electron/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['child_process', 'node:child_process'].map((name) => ({
            name,
            message: 'Only electron/platform/ starts processes: use its runner (runProcess).',
          })),
        },
      ],
    },
  },
  {
    // The model, the contract and the helpers the renderer shares: no Node, no Electron.
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_MODULES, 'electron'].map((name) => ({
            name,
            message: 'electron/shared/ runs in the renderer too: no Node and no Electron here.',
          })),
        },
      ],
    },
  },
];
