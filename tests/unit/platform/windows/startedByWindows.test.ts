import { english } from '../../../support/english';
import type { Starter } from '../../../../electron/shared/model/diagnosis';
import { describe, expect, it } from 'vitest';
import { describeStarter, startedBy } from '../../../../electron/engine/processes/startedBy';
import type { ProcessIdentity } from '../../../../electron/engine/processes/startedBy';

/**
 * The Windows shapes of the apps that start Pythons, as Win32_Process
 * reports them: quoted paths with spaces (Program Files, "Microsoft VS
 * Code"), distlib launchers (jupyter.exe runs `python.exe "...\jupyter.exe" lab`),
 * Git Bash's mintty. The cross-platform cases live in tests/unit/engine.
 */
const proc = (name: string, executable: string | null, commandLine = ''): ProcessIdentity => ({
  name,
  executable,
  commandLine,
});

const programFiles = 'C:\\Program Files\\Python312';
const python = (commandLine: string) =>
  proc('python.exe', `${programFiles}\\python.exe`, commandLine);
const explorer = proc('explorer.exe', 'C:\\WINDOWS\\Explorer.EXE', 'C:\\WINDOWS\\Explorer.EXE');

describe('the app behind a Windows process', () => {
  const kernel = python(
    `"${programFiles}\\python.exe" -m ipykernel_launcher -f C:\\Users\\ana\\AppData\\Roaming\\jupyter\\runtime\\kernel-1.json`,
  );

  it('reads a quoted interpreter path with spaces and the launcher it runs (jupyter-lab.exe)', () => {
    const lab = python(`"${programFiles}\\python.exe" "${programFiles}\\Scripts\\jupyter-lab.exe"`);
    expect(startedBy(kernel, [lab, explorer])).toEqual({
      role: 'jupyter-kernel',
      app: 'Jupyter',
      appKind: 'app',
    });
  });

  it('recognises `jupyter lab` run through jupyter.exe, as the launcher and as its Python', () => {
    const launcher = proc(
      'jupyter.exe',
      `${programFiles}\\Scripts\\jupyter.exe`,
      `"${programFiles}\\Scripts\\jupyter.exe" lab`,
    );
    const viaPython = python(
      `"${programFiles}\\python.exe" "${programFiles}\\Scripts\\jupyter.exe" lab`,
    );
    expect(startedBy(kernel, [launcher]).app).toBe('Jupyter');
    expect(startedBy(kernel, [viaPython]).app).toBe('Jupyter');
  });
});

describe('describeStarter with Windows command lines', () => {
  it.each<[string, ProcessIdentity, ProcessIdentity[], string | null]>([
    [
      'a script run by a Python under Program Files, from `jupyter notebook`',
      python(`"${programFiles}\\python.exe" train.py`),
      [python(`"${programFiles}\\python.exe" "${programFiles}\\Scripts\\jupyter.exe" notebook`)],
      'Jupyter',
    ],
    [
      'Spyder started from its Start-menu launcher under Program Files',
      python(
        `"${programFiles}\\python.exe" -m spyder_kernels.console -f C:\\Users\\ana\\kernel.json`,
      ),
      [python(`"${programFiles}\\python.exe" "${programFiles}\\Scripts\\spyder.exe"`), explorer],
      'Spyder kernel',
    ],
    [
      'Git Bash (mintty)',
      python('python  train.py'),
      [
        proc('bash.exe', 'C:\\Program Files\\Git\\usr\\bin\\bash.exe', '/usr/bin/bash --login -i'),
        proc(
          'mintty.exe',
          'C:\\Program Files\\Git\\usr\\bin\\mintty.exe',
          '"C:\\Program Files\\Git\\usr\\bin\\mintty.exe" --nodaemon -o AppID=GitForWindows.Bash',
        ),
      ],
      'Git Bash',
    ],
    [
      'Anaconda Navigator under a quoted ProgramData path',
      python(`"C:\\ProgramData\\anaconda3\\python.exe" analysis.py`),
      [
        proc(
          'pythonw.exe',
          'C:\\ProgramData\\anaconda3\\pythonw.exe',
          '"C:\\ProgramData\\anaconda3\\pythonw.exe" "C:\\ProgramData\\anaconda3\\Scripts\\anaconda-navigator-script.py"',
        ),
      ],
      'Anaconda Navigator',
    ],
    [
      "a user's own code.py under a quoted path is still not VS Code",
      python(`"${programFiles}\\python.exe" "C:\\Users\\ana\\My Scripts\\code.py"`),
      [explorer],
      null,
    ],
  ])('%s', (_label, process, parents, expected) => {
    expect(phraseOf(describeStarter(process, parents))).toBe(expected);
  });
});

/** The phrase a person reads for a starter, in English. */
function phraseOf(starter: Starter | null): string | null {
  return starter && english(starter.phrase);
}
