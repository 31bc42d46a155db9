import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { systemProgram } from '../../../../electron/platform/posix/systemProgram';
import { tempTree } from '../../../support/tempTree';
import { englishDeep } from '../../../support/english';
import { isRoot, NOBODY } from '../accessAsUser';

/**
 * Each test builds a small system under a temporary folder (the resolver's
 * systemRoot seam takes it as `/`): /usr/bin with real files, modes and
 * owners, /bin as the symlink merged-/usr systems have.
 */
const base = tempTree('system-program');
let count = 0;

function system(): string {
  const root = join(base, `system-${count++}`);
  mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
  chmodSync(root, 0o755);
  chmodSync(join(root, 'usr'), 0o755);
  chmodSync(join(root, 'usr', 'bin'), 0o755);
  symlinkSync('usr/bin', join(root, 'bin'));
  return root;
}

function program(root: string, path: string, mode = 0o755): void {
  writeFileSync(join(root, path), '#!/bin/sh\n');
  chmodSync(join(root, path), mode);
}

describe.skipIf(!isRoot)('programs run as root come from fixed system folders, checked', () => {
  test('a root-owned program in /usr/bin is used by its fixed path', () => {
    const root = system();
    program(root, 'usr/bin/pkexec');
    expect(systemProgram('pkexec', root)).toEqual({
      kind: 'found',
      path: join(root, 'usr/bin/pkexec'),
    });
  });

  test('only in /bin, reached through /bin -> usr/bin (a symlink root made), it is found by that path', () => {
    const root = system();
    program(root, 'usr/bin/chown');
    expect(systemProgram('chown', root)).toEqual({
      kind: 'found',
      path: join(root, 'usr/bin/chown'),
    });
    const other = system();
    mkdirSync(join(other, 'sbin'), { mode: 0o755 });
    program(other, 'sbin/pkexec');
    expect(systemProgram('pkexec', other)).toEqual({
      kind: 'found',
      path: join(other, 'sbin/pkexec'),
    });
  });

  test('a group-writable program is refused with the reason, not skipped for another copy', () => {
    const root = system();
    program(root, 'usr/bin/pkexec', 0o775);
    mkdirSync(join(root, 'sbin'), { mode: 0o755 });
    program(root, 'sbin/pkexec');
    expect(englishDeep(systemProgram('pkexec', root))).toEqual({
      kind: 'untrusted',
      path: '/usr/bin/pkexec',
      reason: '/usr/bin/pkexec can be changed by users other than root (mode 775)',
    });
  });

  test('a program that belongs to another user is refused', () => {
    const root = system();
    program(root, 'usr/bin/python3');
    chownSync(join(root, 'usr', 'bin', 'python3'), NOBODY, NOBODY);
    expect(englishDeep(systemProgram('python3', root))).toMatchObject({
      kind: 'untrusted',
      reason: `/usr/bin/python3 belongs to uid ${NOBODY}, not to root`,
    });
  });

  test('a folder on the way that others can write is refused', () => {
    const root = system();
    program(root, 'usr/bin/pkexec');
    chmodSync(join(root, 'usr', 'bin'), 0o777);
    expect(englishDeep(systemProgram('pkexec', root))).toMatchObject({
      kind: 'untrusted',
      reason: '/usr/bin can be changed by users other than root (mode 777)',
    });
  });

  test('a root-owned symlink into a folder the user owns is refused: the user could swap its target', () => {
    const root = system();
    mkdirSync(join(root, 'home', 'user'), { recursive: true, mode: 0o755 });
    chmodSync(join(root, 'home'), 0o755);
    chownSync(join(root, 'home', 'user'), NOBODY, NOBODY);
    program(root, 'home/user/python3');
    symlinkSync('/home/user/python3', join(root, 'usr', 'bin', 'python3'));
    expect(englishDeep(systemProgram('python3', root))).toMatchObject({
      kind: 'untrusted',
      reason: `/home/user belongs to uid ${NOBODY}, not to root`,
    });
  });

  test('missing everywhere: said so, with where it was looked for', () => {
    expect(systemProgram('pkexec', system())).toEqual({ kind: 'missing', name: 'pkexec' });
  });

  test('this machine: /usr/bin/python3 (a symlink to python3.x) is found; PATH plays no part', () => {
    expect(systemProgram('python3')).toEqual({ kind: 'found', path: '/usr/bin/python3' });
  });
});
