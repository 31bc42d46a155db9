import type { Command } from '../../shared/actionModel';

/**
 * pkexec asks polkit for the administrator password in a dialog and runs
 * one program as root. It starts the program with a clean environment and
 * needs its absolute path. Exit codes (pkexec(1)): 126 the user dismissed
 * the dialog, 127 not authorised or no way to ask (no polkit agent).
 */

export const PKEXEC_DISMISSED = 126;
export const PKEXEC_NOT_AUTHORIZED = 127;

export function withPkexec(pkexecPath: string, command: Command): Command {
  return { program: pkexecPath, args: [command.program, ...command.args], env: {} };
}

export type PkexecAnswer = 'ran' | 'declined' | 'unavailable';

/**
 * 126 is pkexec's alone (a program that exits 126 itself is vanishingly
 * rare). 127 is also what a shell says of a missing program, so pkexec's own
 * words decide between a refusal ("Not authorized"), no way to ask (no
 * polkit agent in this session) and the program's own exit code.
 */
export function interpretPkexec(exitCode: number | null, stderr: string): PkexecAnswer {
  if (exitCode === PKEXEC_DISMISSED) return 'declined';
  if (exitCode !== PKEXEC_NOT_AUTHORIZED) return 'ran';
  if (/Not authori[sz]ed/i.test(stderr)) return 'declined';
  if (/authentication agent|Error executing command as another user/i.test(stderr))
    return 'unavailable';
  return 'ran';
}
