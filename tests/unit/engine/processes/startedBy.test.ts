import { english } from '../../../support/english';
import type { Starter } from '../../../../electron/shared/model/diagnosis';
import { describe, expect, it } from 'vitest';
import {
  describeStarter,
  parentChain,
  startedBy,
} from '../../../../electron/engine/processes/startedBy';
import type { ProcessIdentity } from '../../../../electron/engine/processes/startedBy';

// Names, executables and command lines as each OS reports them for these apps.
function proc(name: string, executable: string | null, commandLine = ''): ProcessIdentity {
  return { name, executable, commandLine };
}

const bash = proc('bash', '/usr/bin/bash', '/bin/bash');
const zsh = proc('zsh', '/bin/zsh', '-zsh');
const pythonLinux = proc('python3', '/usr/bin/python3.11', 'python3 train.py');
const pythonWindows = proc(
  'python.exe',
  'C:\\Users\\Ana\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
  'python  train.py',
);
const codeLinux = proc('code', '/usr/share/code/code', '/usr/share/code/code --type=ptyHost');
const codeWindows = proc(
  'Code.exe',
  'C:\\Users\\Ana\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
  '"C:\\Users\\Ana\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe"',
);
const jupyterLab = proc(
  'jupyter-lab',
  '/home/ana/venv/bin/python3.12',
  '/home/ana/venv/bin/python /home/ana/venv/bin/jupyter-lab --no-browser',
);
const kernel = proc(
  'python',
  '/home/ana/venv/bin/python3.12',
  '/home/ana/venv/bin/python -m ipykernel_launcher -f /home/ana/.local/share/jupyter/runtime/kernel-1.json',
);
const gnomeTerminal = proc('gnome-terminal-', '/usr/libexec/gnome-terminal-server');

describe('describeStarter', () => {
  it.each<[string, ProcessIdentity, ProcessIdentity[], string | null]>([
    ['VS Code on Windows', pythonWindows, [codeWindows], 'VS Code'],
    ["VS Code's integrated terminal", pythonLinux, [bash, codeLinux], 'VS Code'],
    [
      'a macOS Code Helper',
      pythonLinux,
      [
        proc(
          'Code Helper (Plugin)',
          '/Applications/Visual Studio Code.app/Contents/Frameworks/Code Helper (Plugin).app/Contents/MacOS/Code Helper (Plugin)',
        ),
      ],
      'VS Code',
    ],
    [
      'Electron from a vscode folder',
      pythonLinux,
      [proc('electron', '/usr/lib/vscode/electron')],
      'VS Code',
    ],
    [
      'VS Code Server over SSH',
      pythonLinux,
      [proc('node', '/home/ana/.vscode-server/cli/servers/Stable-1/server/node')],
      'VS Code',
    ],
    [
      'a Jupyter kernel started by VS Code',
      kernel,
      [codeLinux],
      'Jupyter kernel started by VS Code',
    ],
    [
      'a Jupyter kernel started by JupyterLab',
      kernel,
      [jupyterLab, bash, gnomeTerminal],
      'Jupyter kernel',
    ],
    ['a Jupyter kernel on its own', kernel, [], 'Jupyter kernel'],
    [
      "a kernel's subprocess belongs to whoever started the kernel",
      pythonLinux,
      [kernel, codeLinux],
      'VS Code',
    ],
    [
      'Pylance',
      proc(
        'node',
        '/usr/share/code/code',
        '/usr/share/code/code /home/ana/.vscode/extensions/ms-python.vscode-pylance-2024.8.1/dist/server.bundle.js --node-ipc',
      ),
      [],
      'Python language server (Pylance) started by VS Code',
    ],
    [
      'debugpy started by VS Code',
      proc(
        'python3',
        '/usr/bin/python3.11',
        'python3 /home/ana/.vscode/extensions/ms-python.debugpy-2024.10.0/bundled/libs/debugpy/launcher --connect 127.0.0.1:5678 train.py',
      ),
      [codeLinux],
      'Python debugger (debugpy) started by VS Code',
    ],
    ['a terminal tab', pythonLinux, [bash, gnomeTerminal], 'GNOME Terminal'],
    ['tmux', pythonLinux, [bash, proc('tmux: server', '/usr/bin/tmux', 'tmux')], 'tmux'],
    ['Konsole', pythonLinux, [zsh, proc('konsole', '/usr/bin/konsole')], 'Konsole'],
    [
      'macOS Terminal',
      pythonLinux,
      [
        zsh,
        proc('login', '/usr/bin/login'),
        proc('Terminal', '/System/Applications/Utilities/Terminal.app/Contents/MacOS/Terminal'),
      ],
      'Terminal',
    ],
    [
      'iTerm2',
      pythonLinux,
      [zsh, proc('iTerm2', '/Applications/iTerm.app/Contents/MacOS/iTerm2')],
      'iTerm2',
    ],
    [
      'the Command Prompt',
      pythonWindows,
      [proc('cmd.exe', 'C:\\Windows\\System32\\cmd.exe'), proc('WindowsTerminal.exe', null)],
      'Command Prompt',
    ],
    [
      'PowerShell',
      pythonWindows,
      [proc('powershell.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')],
      'PowerShell',
    ],
    [
      'Windows Terminal',
      pythonWindows,
      [
        proc(
          'WindowsTerminal.exe',
          'C:\\Program Files\\WindowsApps\\Microsoft.WindowsTerminal_1.21\\WindowsTerminal.exe',
        ),
      ],
      'Windows Terminal',
    ],
    ['a bare shell', pythonLinux, [zsh, proc('init', '/sbin/init')], 'zsh shell'],
    [
      'PyCharm (a JVM from its folder)',
      pythonLinux,
      [
        proc(
          'java',
          '/opt/pycharm-community-2024.1/jbr/bin/java',
          '/opt/pycharm-community-2024.1/jbr/bin/java -Didea.platform.prefix=PyCharmCore',
        ),
      ],
      'PyCharm',
    ],
    [
      'PyCharm on Windows',
      pythonWindows,
      [proc('pycharm64.exe', 'C:\\Program Files\\JetBrains\\PyCharm 2024.1\\bin\\pycharm64.exe')],
      'PyCharm',
    ],
    [
      "PyCharm's debugger",
      proc(
        'python',
        '/home/ana/PycharmProjects/demo/venv/bin/python',
        '/home/ana/PycharmProjects/demo/venv/bin/python /opt/pycharm/plugins/python/helpers/pydev/pydevd.py --file train.py',
      ),
      [],
      'PyCharm debugger',
    ],
    [
      'a Python in ~/PycharmProjects is not PyCharm',
      proc(
        'python',
        '/home/ana/PycharmProjects/demo/venv/bin/python',
        '/home/ana/PycharmProjects/demo/venv/bin/python train.py',
      ),
      [bash],
      'bash shell',
    ],
    [
      'a Spyder kernel',
      proc(
        'python',
        '/opt/conda/bin/python3.11',
        '/opt/conda/bin/python -m spyder_kernels.console -f /tmp/kernel.json',
      ),
      [proc('spyder', '/opt/conda/bin/python3.11', '/opt/conda/bin/python /opt/conda/bin/spyder')],
      'Spyder kernel',
    ],
    [
      'Anaconda Navigator',
      pythonWindows,
      [
        proc(
          'pythonw.exe',
          'C:\\Users\\Ana\\anaconda3\\pythonw.exe',
          'C:\\Users\\Ana\\anaconda3\\pythonw.exe C:\\Users\\Ana\\anaconda3\\Scripts\\anaconda-navigator-script.py',
        ),
      ],
      'Anaconda Navigator',
    ],
    [
      "IDLE's shell subprocess",
      proc(
        'pythonw.exe',
        'C:\\Python312\\pythonw.exe',
        "C:\\Python312\\pythonw.exe -c __import__('idlelib.run').run.main(True) 51234",
      ),
      [
        proc(
          'pythonw.exe',
          'C:\\Python312\\pythonw.exe',
          '"C:\\Python312\\pythonw.exe" "C:\\Python312\\Lib\\idlelib\\idle.pyw"',
        ),
      ],
      'IDLE shell',
    ],
    [
      'a script started from IDLE',
      pythonLinux,
      [proc('idle3', '/usr/bin/python3.11', '/usr/bin/python3 /usr/bin/idle3')],
      'IDLE',
    ],
    [
      "a user's own code.py is not VS Code",
      proc('python3', '/usr/bin/python3.11', 'python3 code.py'),
      [],
      null,
    ],
    ['nothing recognisable', pythonLinux, [proc('systemd', '/usr/lib/systemd/systemd')], null],
  ])('%s', (_label, process, parents, expected) => {
    expect(phraseOf(describeStarter(process, parents))).toBe(expected);
  });

  it('returns the role and the app separately', () => {
    expect(startedBy(kernel, [bash, codeLinux])).toEqual({
      role: 'jupyter-kernel',
      app: 'VS Code',
      appKind: 'app',
    });
    expect(startedBy(pythonLinux, [bash, gnomeTerminal])).toEqual({
      role: null,
      app: 'GNOME Terminal',
      appKind: 'terminal',
    });
    // A shell is only where it was typed: said as such, in the user's words.
    const typed = describeStarter(pythonLinux, [bash]);
    expect(typed?.appKind).toBe('shell');
    expect(phraseOf(typed)).toBe('bash shell');
    expect(startedBy(kernel, [jupyterLab])).toEqual({
      role: 'jupyter-kernel',
      app: 'Jupyter',
      appKind: 'app',
    });
  });

  it('lets the nearest app win over one further up', () => {
    expect(phraseOf(describeStarter(pythonLinux, [bash, gnomeTerminal, codeLinux]))).toBe(
      'GNOME Terminal',
    );
    expect(phraseOf(describeStarter(kernel, [jupyterLab, bash, codeLinux]))).toBe('Jupyter kernel');
  });
});

describe('parentChain', () => {
  const row = (pid: number, ppid: number) => ({ pid, ppid, name: `p${pid}` });
  const table = (...rows: Array<ReturnType<typeof row>>) => new Map(rows.map((r) => [r.pid, r]));

  it('walks ppid up to pid 1, nearest first', () => {
    const chain = parentChain(40, table(row(1, 0), row(10, 1), row(20, 10), row(40, 20)));
    expect(chain.map((p) => p.pid)).toEqual([20, 10, 1]);
  });

  it('stops at a parent the table does not know', () => {
    expect(parentChain(40, table(row(20, 15), row(40, 20))).map((p) => p.pid)).toEqual([20]);
    expect(parentChain(99, table(row(40, 20)))).toEqual([]);
  });

  it('survives a cycle (a pid reused mid-scan) and a chain longer than the limit', () => {
    expect(parentChain(5, table(row(5, 6), row(6, 7), row(7, 5))).map((p) => p.pid)).toEqual([
      6, 7,
    ]);
    const long = table(...Array.from({ length: 200 }, (_, i) => row(i + 2, i + 3)));
    expect(parentChain(2, long)).toHaveLength(64);
    expect(parentChain(2, long, 5)).toHaveLength(5);
  });
});

/** The phrase a person reads for a starter, in English. */
function phraseOf(starter: Starter | null): string | null {
  return starter && english(starter.phrase);
}
