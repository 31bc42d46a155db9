import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findLeftovers } from '../../../../electron/platform/leftovers/leftovers';
import {
  couldBeStashOf,
  projectFromDirName,
} from '../../../../electron/platform/leftovers/stashNames';
import { tempTree } from '../../../support/tempTree';

const root = tempTree('leftovers');
let counter = 0;

/** A fresh install layout: bin/python3.12 (an executable file), bin/, lib/.../site-packages. */
function install(prefixName = `env-${counter++}`): { site: string; bin: string; python: string } {
  const prefix = join(root, prefixName);
  const site = join(prefix, 'lib', 'python3.12', 'site-packages');
  const bin = join(prefix, 'bin');
  mkdirSync(site, { recursive: true });
  mkdirSync(bin, { recursive: true });
  const python = join(bin, 'python3.12');
  writeFileSync(python, '');
  chmodSync(python, 0o755);
  symlinkSync('python3.12', join(bin, 'python3'));
  return { site, bin, python };
}

function dir(path: string, files: Record<string, string> = {}): string {
  mkdirSync(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

/** What pip writes as a console script's first line (distlib ScriptMaker). */
function launcher(path: string, interpreter: string): string {
  writeFileSync(path, `#!${interpreter}\nimport sys\nfrom pip._internal.cli.main import main\n`);
  chmodSync(path, 0o755);
  return path;
}

const NO_PIP = (python: string) => ({ pipVersion: null, executable: python });
const HAS_PIP = (python: string) => ({ pipVersion: '24.0', executable: python });

describe('findLeftovers', () => {
  test('a failed `pip install -U pip`: stashes named from METADATA, and pip missing', async () => {
    const { site, bin, python } = install();
    dir(join(site, '~ip'), { '__init__.py': '' });
    dir(join(site, '~ip-23.0.dist-info'), {
      METADATA: 'Metadata-Version: 2.1\nName: pip\nVersion: 23.0\n',
    });
    const pip3 = launcher(join(bin, 'pip3'), join(bin, 'python3'));

    expect(await findLeftovers([site], [bin], NO_PIP(python))).toEqual([
      { kind: 'stash-folder', path: join(site, '~ip'), package: 'pip' },
      { kind: 'stash-folder', path: join(site, '~ip-23.0.dist-info'), package: 'pip' },
      { kind: 'pip-missing', path: pip3, package: 'pip' },
    ]);
  });

  test('a stashed package folder takes its name from the distribution beside it', async () => {
    const { site, python } = install();
    dir(join(site, '~umpy'));
    dir(join(site, 'numpy-1.26.4.dist-info'));
    dir(join(site, '~yping_extensions'));
    dir(join(site, 'typing_extensions-4.12.2.dist-info'));
    expect(await findLeftovers([site], [], HAS_PIP(python))).toEqual([
      { kind: 'stash-folder', path: join(site, '~umpy'), package: 'numpy' },
      { kind: 'stash-folder', path: join(site, '~yping_extensions'), package: 'typing_extensions' },
    ]);
  });

  test('~ip and ~~p with no pip in the install are pip; with pip present and no metadata, unknown', async () => {
    const { site, python } = install();
    dir(join(site, '~ip'));
    dir(join(site, '~~p'));
    expect(await findLeftovers([site], [], NO_PIP(python))).toEqual([
      { kind: 'stash-folder', path: join(site, '~ip'), package: 'pip' },
      { kind: 'stash-folder', path: join(site, '~~p'), package: 'pip' },
      { kind: 'pip-missing', path: join(site, '~ip'), package: 'pip' },
    ]);
    expect(await findLeftovers([site], [], HAS_PIP(python))).toEqual([
      { kind: 'stash-folder', path: join(site, '~ip'), package: null },
      { kind: 'stash-folder', path: join(site, '~~p'), package: null },
    ]);
  });

  test('an import name unlike its distribution (yaml from PyYAML) stays unknown', async () => {
    const { site, python } = install();
    dir(join(site, '~aml'));
    dir(join(site, 'PyYAML-6.0.1.dist-info'));
    expect(await findLeftovers([site], [], HAS_PIP(python))).toEqual([
      { kind: 'stash-folder', path: join(site, '~aml'), package: null },
    ]);
  });

  test('.deleteme files in scripts folders and at the top of site-packages', async () => {
    const { site, bin, python } = install();
    writeFileSync(join(bin, 'pip.exe.deleteme'), 'MZ');
    writeFileSync(join(bin, 'black.exe.deleteme'), 'MZ');
    writeFileSync(join(site, '_cffi_backend.pyd.deleteme'), '');
    expect(await findLeftovers([site], [bin], HAS_PIP(python))).toEqual([
      { kind: 'deleteme-file', path: join(site, '_cffi_backend.pyd.deleteme'), package: null },
      { kind: 'deleteme-file', path: join(bin, 'black.exe.deleteme'), package: null },
      { kind: 'deleteme-file', path: join(bin, 'pip.exe.deleteme'), package: 'pip' },
    ]);
  });

  test('reads only the top level of each folder', async () => {
    const { site, bin, python } = install();
    dir(join(site, 'pkg', '~nested'));
    writeFileSync(join(site, 'pkg', 'old.pyd.deleteme'), '');
    dir(join(bin, 'sub'), { 'tool.deleteme': '' });
    writeFileSync(join(site, '~not-a-folder'), '');
    expect(await findLeftovers([site], [bin], NO_PIP(python))).toEqual([]);
  });

  test("another Python's pip3 in a shared bin folder is no sign that this one lost pip", async () => {
    const { bin, python } = install();
    const other = install();
    launcher(join(bin, 'pip3'), other.python);
    launcher(join(bin, 'pip'), '/usr/bin/env python3');
    expect(await findLeftovers([], [bin], NO_PIP(python))).toEqual([]);
  });

  test("pip's /bin/sh form for interpreter paths with spaces is followed", async () => {
    const { bin, python } = install(`with space & 100% ünï`);
    const pip = join(bin, 'pip3.12');
    writeFileSync(pip, `#!/bin/sh\n'''exec' "${python}" "$0" "$@"\n' '''\nimport sys\n`);
    expect(await findLeftovers([], [bin], NO_PIP(python))).toEqual([
      { kind: 'pip-missing', path: pip, package: 'pip' },
    ]);
  });

  test('a Windows pip.exe launcher is evidence; an installed pip means nothing is missing', async () => {
    const { bin, python } = install();
    writeFileSync(join(bin, 'pip.exe'), Buffer.from('MZ\x90\x00 launcher stub', 'latin1'));
    expect(await findLeftovers([], [bin], NO_PIP(python))).toEqual([
      { kind: 'pip-missing', path: join(bin, 'pip.exe'), package: 'pip' },
    ]);
    expect(await findLeftovers([], [bin], HAS_PIP(python))).toEqual([]);
  });

  test('folders that do not exist, and the same folder twice, are fine', async () => {
    const { site, python } = install();
    dir(join(site, '~ip'));
    expect(
      await findLeftovers(
        [join(root, 'nowhere'), site, site],
        [join(root, 'nobin')],
        HAS_PIP(python),
      ),
    ).toEqual([{ kind: 'stash-folder', path: join(site, '~ip'), package: null }]);
  });
});

describe('stash names (pip AdjacentTempDirectory._generate_names)', () => {
  test.each([
    ['~ip', 'pip', true],
    ['~~p', 'pip', true],
    ['~-p', 'pip', true],
    ['~pip', 'pip', true],
    ['~-pip', 'pip', true],
    ['~umpy', 'numpy', true],
    ['~yping_extensions', 'typing-extensions', true],
    ['~ip', 'numpy', false],
    ['~ip', 'zipp', false],
    ['pip', 'pip', false],
    ['~xip', 'pip', false],
  ])('%s could stash %s: %s', (stash, original, expected) => {
    expect(couldBeStashOf(stash, original)).toBe(expected);
  });

  test.each([
    ['numpy-1.26.4.dist-info', 'numpy'],
    ['foo-1.0-py3.8.egg-info', 'foo'],
    ['foo.egg-info', 'foo'],
    ['numpy', null],
  ])('%s belongs to %s', (name, project) => {
    expect(projectFromDirName(name)).toBe(project);
  });
});
