import {
  describeStarter,
  startedBy,
  starterOf,
} from '../../../electron/engine/processes/startedBy';
import { describe, expect, test } from 'vitest';
import { buildRecipe } from '../../../electron/remedies/planning/buildRecipe';
import {
  holderDescriptionMessage,
  holderNameMessage,
} from '../../../electron/remedies/close-processes/holderWords';
import { PlanFactsSchema } from '../../../electron/remedies/run/planFacts';
import type { Diagnosis, RunningProcess } from '../../../electron/shared/model/diagnosis';
import { english, inLanguage } from '../../support/english';
import { HOME, PROJECT, PYTHON, SITE, WINDOWS_DIAGNOSIS, windowsPlanContext } from './windowsScan';

/**
 * Issue #17: the plan dialog in the user's language. The plans are built by
 * the real builders from a recorded Windows scan; only the words change with
 * the language, never a path, a package or a program's name.
 */

const HELD = `${SITE}\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`;
const CODE = `${HOME}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe`;

/** The recorded scan's Jupyter kernel, and VS Code itself holding the same file. */
function twoHolders(): Diagnosis {
  const kernel = WINDOWS_DIAGNOSIS.processes.find((process) => process.pid === 8132)!;
  const code: RunningProcess = {
    ...kernel,
    pid: 9240,
    startTime: '2026-11-24T08:15:40.000Z',
    executable: CODE,
    commandLine: `"${CODE}"`,
    // As a scan finds VS Code's own process: it is the app.
    startedBy: describeStarter(
      { name: 'Code.exe', executable: CODE, commandLine: `"${CODE}"` },
      [],
    ),
    holds: [HELD],
  };
  return {
    ...WINDOWS_DIAGNOSIS,
    installs: WINDOWS_DIAGNOSIS.installs.map((install) =>
      install.id === kernel.installId ? { ...install, heldBy: [kernel.pid, code.pid] } : install,
    ),
    processes: [kernel, code],
  };
}

describe('the plan dialog in other languages', () => {
  test('closing two programs: German counts them with its own plural and keeps the program names', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'close-processes', installId: 'py-0123456789ab' }, twoHolders()),
    );
    const { title } = recipe.plan;
    expect(english(title)).toBe('Close 2 programs: Jupyter kernel (VS Code notebook) and VS Code');
    expect(inLanguage('de', title)).toMatch(/^2 Programme schließen: .*Jupyter.* und VS Code$/);
    // Russian needs a third form for 2 to 4 ("few"), and its own "and".
    expect(inLanguage('ru', title)).toMatch(/^Закрыть 2 программы: .*Jupyter.* и VS Code$/);
    expect(recipe.plan.steps.map((step) => inLanguage('de', step.title))).toEqual([
      'Die Programme bitten, sich zu beenden',
      'Noch laufende Programme zwangsweise beenden',
    ]);
    expect(inLanguage('de', recipe.plan.steps[1]!.confirmation!)).toMatch(/^Diese Programme/);
  });

  test('one program: its name goes whole into the title', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'close-processes', installId: 'py-0123456789ab' }),
    );
    expect(english(recipe.plan.title)).toBe('Close the Jupyter kernel (VS Code notebook)');
    expect(inLanguage('de', recipe.plan.title)).toMatch(/^Jupyter-Kernel .*VS Code.* schließen$/);
    // The program left alone is named with its pid, in the warning's own language.
    expect(inLanguage('de', recipe.plan.warnings[1]!)).toMatch(
      /^System \(PID 4\) bleibt unberührt/,
    );
  });

  test('a program started from a shell: the shell keeps its name, the words around it are translated', () => {
    const kernel = WINDOWS_DIAGNOSIS.processes.find((process) => process.pid === 8132)!;
    const script: RunningProcess = {
      ...kernel,
      pid: 4711,
      commandLine: `"${PYTHON}" train.py`,
      // As the scan finds it: a python.exe whose nearest recognisable parent is bash.
      startedBy: starterOf(
        startedBy({ name: 'python.exe', executable: PYTHON }, [
          { name: 'bash', executable: '/usr/bin/bash' },
        ]),
      ),
    };
    expect(english(holderNameMessage(script))).toBe('Python program started from bash shell');
    const german = inLanguage('de', holderNameMessage(script));
    expect(german).toMatch(/^Python-Programm/);
    expect(german).toContain('bash');
    const japanese = inLanguage('ja', holderNameMessage(script, true));
    expect(japanese).toContain('bash');
    expect(japanese).toContain('4711');
    expect(japanese).not.toMatch(/started|shell/);
    expect(english(holderDescriptionMessage(script))).toBe('python.exe (pid 4711, bash shell)');
  });

  test('a venv plan in Chinese: the step titles are translated, the folder and the package are not', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'venv', installId: 'py-0123456789ab', packageName: 'numpy' }),
    );
    const venv = `${PROJECT}\\.venv`;
    expect(recipe.plan.steps.map((step) => inLanguage('zh-Hans', step.title))).toEqual([
      '创建虚拟环境',
      '将 numpy 安装到其中',
    ]);
    expect(inLanguage('zh-Hans', recipe.plan.title)).toBe(
      `在 ${venv} 中创建虚拟环境，并将 numpy 安装到其中`,
    );
    expect(inLanguage('zh-Hans', recipe.plan.steps[1]!.changes!)).toBe(
      `仅将 numpy（及其依赖）安装到 ${venv}；不会改动 ${PYTHON}。`,
    );
    // What the user types stays exactly as it is run; the words around it are translated.
    const [activate] = recipe.plan.instructions;
    expect(activate!.text).toBe(`& '${venv.replaceAll("'", "''")}\\Scripts\\Activate.ps1'`);
    expect(inLanguage('zh-Hans', activate!.title)).toBe('在 PowerShell 中激活');
  });
});

describe('the journal keeps the plan’s words as messages', () => {
  test('a plan title an older journal wrote in English still reads as it was written', () => {
    const facts = PlanFactsSchema.parse({
      remedy: 'venv',
      title: 'Create a virtual environment in /home/ana/p/.venv',
      platform: 'linux',
      scanId: 'scan-00000000000000a1',
      scannedAt: '2026-11-24T08:00:00.000Z',
      installId: 'py-1',
      request: { installId: 'py-1' },
      undoOf: null,
      steps: [
        {
          id: 'create-venv',
          title: 'Create the virtual environment',
          changes: null,
          kind: 'create-venv',
          facts: { folder: '/home/ana/p/.venv' },
        },
      ],
    });
    expect(english(facts.title)).toBe('Create a virtual environment in /home/ana/p/.venv');
    expect(english(facts.steps[0]!.title)).toBe('Create the virtual environment');
  });
});
