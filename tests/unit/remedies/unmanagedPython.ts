import { execFileSync } from 'node:child_process';
import { SYSTEM_PYTHON } from './actionHarness';

/**
 * An interpreter that allows `pip install --user`: not a venv, not marked
 * EXTERNALLY-MANAGED (PEP 668), user site on. Debian's own Python is
 * managed, so on a bare Debian machine there is none and the test says so.
 */
export function findUnmanagedPython(): string | null {
  const candidates = new Set<string>();
  for (const name of ['python3', SYSTEM_PYTHON]) {
    try {
      candidates.add(
        execFileSync(name, ['-c', 'import sys; print(sys.executable)'], {
          encoding: 'utf8',
        }).trim(),
      );
    } catch {
      // Not on this machine.
    }
  }
  const check = [
    'import os, site, sys, sysconfig',
    "managed = os.path.exists(os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED'))",
    'print(managed or sys.prefix != sys.base_prefix or not site.ENABLE_USER_SITE)',
  ].join('\n');
  for (const python of candidates) {
    try {
      if (execFileSync(python, ['-c', check], { encoding: 'utf8' }).trim() === 'False')
        return python;
    } catch {
      // Not a working interpreter.
    }
  }
  return null;
}
