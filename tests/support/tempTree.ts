import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { registerRunFolder } from './testRun';

/**
 * A temporary folder removed after the file's tests, readable and
 * traversable by every user so that probes run as uid 65534 can reach it.
 */
export function tempTree(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pip-doctor-${label}-`));
  chmodSync(dir, 0o755);
  registerRunFolder(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
