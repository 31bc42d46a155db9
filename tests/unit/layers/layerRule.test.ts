import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

/**
 * The layers of DESIGN.md are enforced by ESLint (eslint.layers.mjs). These
 * cases lint one import each, as if written in a real file of the layer, so
 * a config that stops enforcing (a renamed folder, a plugin update that
 * changes how files are matched) fails here and not only in a review.
 */

const eslint = new ESLint({ cwd: process.cwd() });

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = value;\n`, { filePath });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('imports point downward only', () => {
  test.each([
    [
      'the engine importing a remedy',
      'electron/engine/recommend/x.ts',
      "import { REMEDIES as value } from '../../remedies/registry';",
      /boundaries\/dependencies.*"engine" to elements of type "remedies"/,
    ],
    [
      'the engine importing a platform implementation',
      'electron/engine/diagnose/x.ts',
      "import { createPosixSystemProbe as value } from '../../platform/posix/posixSystemProbe';",
      /boundaries\/dependencies.*"engine" to elements of type "platform"/,
    ],
    [
      'the renderer importing main-process code',
      'renderer/src/state/x.ts',
      "import { osTraits as value } from '../../../electron/platform/osTraits';",
      /boundaries\/dependencies.*"renderer" to/,
    ],
    [
      'the preload importing more than the contract',
      'electron/preloadBridge.ts',
      "import { runProcess as value } from './platform/runProcess';",
      /boundaries\/dependencies.*"preload" to elements of type "platform"/,
    ],
    [
      'the shared model importing Node',
      'electron/shared/x.ts',
      "import { readFileSync as value } from 'node:fs';",
      /no-restricted-imports.*no Node and no Electron/,
    ],
    [
      'a remedy starting processes itself',
      'electron/remedies/venv/x.ts',
      "import { spawn as value } from 'node:child_process';",
      /no-restricted-imports.*Only electron\/platform\/ starts processes/,
    ],
  ])('%s is refused', async (_name, filePath, code, expected) => {
    const problems = await problemsOf(filePath, code);
    expect(
      problems.some((problem) => expected.test(problem)),
      problems.join('\n'),
    ).toBe(true);
  });

  test.each([
    [
      'the engine reading the probe interface',
      'electron/engine/diagnose/x.ts',
      "import { PROBE_MARKER as value } from '../../platform/systemProbe';",
    ],
    [
      'a remedy using the engine and the platform runner',
      'electron/remedies/venv/x.ts',
      "import { runProcess } from '../../platform/runProcess';\nimport { describeHolder } from '../../engine/recommend/describeHolder';\nconst value = [runProcess, describeHolder];",
    ],
    [
      'the renderer using the shared model',
      'renderer/src/state/x.ts',
      "import { isValidPackageName as value } from '../../../electron/shared/packageName';",
    ],
  ])('%s is allowed', async (_name, filePath, code) => {
    expect(await problemsOf(filePath, code)).toEqual([]);
  });
});
