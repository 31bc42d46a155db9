/**
 * The Electronegativity gate of `npm test` (scripts/electronegativity/),
 * run for real: over this repository's electron/ and renderer/ with one
 * window planted that turns the renderer's protections off. Its findings
 * must fail the gate; every other finding must be one the accepted list
 * names, and every acceptance must still match one.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { judge, readAccepted } from '../../../scripts/electronegativity/acceptedFindings';
import { runElectronegativity } from '../../../scripts/electronegativity/runElectronegativity';
import { REPO } from '../../support/repoPaths';

const PLANTED = 'electron/window/leakyWindow.ts';

describe('Electronegativity over electron/ and renderer/', () => {
  const copy = mkdtempSync(join(tmpdir(), 'pip-doctor-electronegativity-test-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  test('a window without isolation or sandbox fails the gate; the app itself has only accepted findings', async () => {
    for (const folder of ['electron', 'renderer'])
      cpSync(join(REPO, folder), join(copy, folder), { recursive: true });
    mkdirSync(join(copy, 'security'));
    cpSync(join(REPO, 'security'), join(copy, 'security'), { recursive: true });
    writeFileSync(
      join(copy, PLANTED),
      [
        "import { BrowserWindow } from 'electron';",
        'export const leaky = () =>',
        '  new BrowserWindow({',
        '    webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },',
        '  });',
        '',
      ].join('\n'),
    );
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const accepted = readAccepted(join(copy, 'security', 'electronegativity-accepted.json'));
    const result = await runElectronegativity(
      copy,
      ['electron', 'renderer'],
      pkg.devDependencies.electron!,
      accepted.excludedChecks.map((entry) => entry.check),
    );
    const verdict = judge(copy, result.issues, accepted);

    expect(result.errors.filter((error) => !error.tolerable)).toEqual([]);
    const planted = verdict.unaccepted.filter((finding) => finding.file === PLANTED);
    expect(planted.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']),
    );
    expect(verdict.unaccepted.filter((finding) => finding.file !== PLANTED)).toEqual([]);
    expect(verdict.unused).toEqual([]);
  }, 120_000);
});
