import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What an editor's notebook looks like from the process table, made of real
 * processes: an editor named `code` (VS Code's program name; here Python
 * under that name) starts a kernel launcher (`ipykernel_launcher.py`),
 * which starts the kernel itself, as a Windows venv launcher runs the base
 * python.exe as its child. Launcher and kernel both hold `file` open. Each
 * ends when its parent does; closing the editor's stdin ends them all.
 */
const KERNEL = `
import os, subprocess, sys, time
held = open(sys.argv[1], 'rb')
parent = os.getppid()
if sys.argv[2] == 'launcher':
    kernel = subprocess.Popen([sys.executable, __file__, sys.argv[1], 'kernel'], stdout=subprocess.PIPE)
    kernel.stdout.readline()
    print(kernel.pid, flush=True)
else:
    print('ready', flush=True)
while os.getppid() == parent:
    time.sleep(0.2)
`;

const EDITOR = `
import os, subprocess, sys, threading
launcher = subprocess.Popen([os.environ['KERNEL_PYTHON'], os.environ['KERNEL_SCRIPT'], os.environ['HELD_FILE'], 'launcher'], stdout=subprocess.PIPE)
print(launcher.pid, launcher.stdout.readline().decode().strip(), flush=True)
# Reaped when it ends, as an editor does: a zombie would still count as running.
threading.Thread(target=launcher.wait, daemon=True).start()
sys.stdin.read()
`;

export interface NotebookKernel {
  editor: ChildProcess;
  launcherPid: number;
  kernelPid: number;
  stop(): Promise<void>;
}

export async function startNotebookKernel(
  folder: string,
  python: string,
  file: string,
): Promise<NotebookKernel> {
  mkdirSync(folder, { recursive: true });
  const script = join(folder, 'ipykernel_launcher.py');
  writeFileSync(script, KERNEL);
  const editorProgram = join(folder, 'code');
  symlinkSync('/usr/bin/python3', editorProgram);
  // The kernel's path goes by environment: on the editor's own command line it would make it a kernel too.
  const editor = spawn(editorProgram, ['-c', EDITOR], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: '/',
    env: { ...process.env, KERNEL_PYTHON: python, KERNEL_SCRIPT: script, HELD_FILE: file },
  });
  // Both pids come on one line, which may arrive in more than one chunk: read up to its end.
  const [launcherPid, kernelPid] = await new Promise<number[]>((resolve, reject) => {
    let line = '';
    const onData = (chunk: Buffer) => {
      line += chunk.toString();
      if (!line.includes('\n')) return;
      editor.stdout!.off('data', onData);
      resolve(line.split('\n')[0]!.trim().split(/\s+/).map(Number));
    };
    editor.stdout!.on('data', onData);
    editor.once('exit', (code) => reject(new Error(`the editor exited (${code}) early`)));
  });
  return {
    editor,
    launcherPid: launcherPid!,
    kernelPid: kernelPid!,
    async stop() {
      for (const pid of [kernelPid!, launcherPid!]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone: closed by the fix
        }
      }
      if (editor.exitCode === null && editor.signalCode === null) {
        const exited = once(editor, 'exit');
        editor.stdin!.end();
        await exited;
      }
    },
  };
}
