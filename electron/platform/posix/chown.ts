import type { Command } from '../../shared/actionModel';

/** Bytes of paths per chown: far below ARG_MAX (2 MiB on Linux, 1 MiB on macOS) with room for the environment. */
const MAX_ARGUMENT_BYTES = 128 * 1024;

/**
 * `chown -h OWNER -- PATHS…` in as few commands as fit on a command line.
 * -h: a symlink's own owner changes, never its target's. `--`: a file named
 * `-R` is a file.
 */
export function chownCommands(chown: string, owner: string, paths: readonly string[]): Command[] {
  const commands: Command[] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const size = Buffer.byteLength(path) + 1;
    if (batch.length > 0 && bytes + size > MAX_ARGUMENT_BYTES) {
      commands.push(chownCommand(chown, owner, batch));
      batch = [];
      bytes = 0;
    }
    batch.push(path);
    bytes += size;
  }
  if (batch.length > 0) commands.push(chownCommand(chown, owner, batch));
  return commands;
}

function chownCommand(chown: string, owner: string, paths: string[]): Command {
  return { program: chown, args: ['-h', owner, '--', ...paths], env: {} };
}
