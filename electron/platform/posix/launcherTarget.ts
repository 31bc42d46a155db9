import { open } from 'node:fs/promises';

/** Enough of a file to see a shebang and pip's `/bin/sh` re-exec trick. */
const HEAD_BYTES = 1024;

export type Launcher =
  | { kind: 'binary' }
  | { kind: 'pyenv-shim' }
  | { kind: 'script'; interpreter: string }
  | { kind: 'unknown' };

/**
 * What a file on PATH really runs. A `pip` is a script whose shebang names
 * its interpreter; when that path is too long or has spaces, pip (distlib)
 * writes `#!/bin/sh` and re-executes with `'''exec' "<python>" "$0" "$@"`.
 * pyenv's shims are bash scripts that run `pyenv exec`.
 */
export async function launcherTarget(path: string): Promise<Launcher> {
  let head: string;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return { kind: 'unknown' };
  }
  if (!head.startsWith('#!')) return { kind: 'binary' };
  if (/pyenv/.test(head) && /\bexec\b.*pyenv|pyenv"? exec/.test(head))
    return { kind: 'pyenv-shim' };

  const reExec = /^'''exec' (?:"([^"]+)"|(\S+))/m.exec(head);
  if (reExec) return { kind: 'script', interpreter: reExec[1] ?? reExec[2]! };

  const shebang = head.slice(2).split('\n')[0]!.trim();
  const [program, ...args] = shebang.split(/\s+/);
  if (program === undefined) return { kind: 'unknown' };
  if (/\/env$/.test(program)) {
    const named = args.find((arg) => !arg.startsWith('-'));
    return named ? { kind: 'script', interpreter: named } : { kind: 'unknown' };
  }
  if (/python[\d.]*$/.test(program)) return { kind: 'script', interpreter: program };
  return { kind: 'unknown' };
}
