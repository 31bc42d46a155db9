import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWheel } from '../../unit/remedies/buildWheel';

/**
 * What the machines' users install: `demo`, which needs `demo-dep`, so the
 * package the user asked for differs from the one whose file fails (pip
 * installs the dependency first). Two versions of each: demo 2.0 needs
 * demo-dep >= 2.0, so upgrading demo also replaces demo-dep. `tool` is
 * something root once installed with `sudo pip install --user`.
 */
export type PackageForm = 'wheels' | 'sdist-dependency';

const VERSIONS = ['1.0', '2.0'] as const;

export function buildDemoPackages(folder: string, form: PackageForm): void {
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  for (const version of VERSIONS) {
    buildWheel(folder, {
      name: 'demo',
      version,
      files: { 'demo/__init__.py': `import demo_dep\nVERSION = '${version}'\n` },
      requires: [version === '2.0' ? 'demo-dep>=2.0' : 'demo-dep'],
    });
    if (form === 'wheels')
      buildWheel(folder, {
        name: 'demo-dep',
        version,
        files: { 'demo_dep/__init__.py': `VERSION = '${version}'\n` },
      });
    else buildDemoDepSdist(folder, version);
  }
  buildWheel(folder, { name: 'tool', version: '1.0', files: { 'tool.py': 'NAME = "tool"\n' } });
}

/**
 * demo-dep as a source archive with its own build backend (PEP 517
 * `backend-path`), so building it needs nothing from an index. pip unpacks
 * it into TMPDIR; its 64 KiB data file is what no longer fits there.
 */
function buildDemoDepSdist(folder: string, version: string): void {
  const stem = `demo_dep-${version}`;
  const tree = join(folder, `.${stem}-tree`);
  const source = join(tree, stem);
  mkdirSync(join(source, 'demo_dep'), { recursive: true });
  writeFileSync(
    join(source, 'pyproject.toml'),
    '[build-system]\nrequires = []\nbuild-backend = "backend"\nbackend-path = ["."]\n',
  );
  writeFileSync(join(source, 'backend.py'), backendSource(version));
  writeFileSync(
    join(source, 'PKG-INFO'),
    `Metadata-Version: 2.1\nName: demo-dep\nVersion: ${version}\n`,
  );
  writeFileSync(join(source, 'demo_dep', '__init__.py'), `VERSION = '${version}'\n`);
  writeFileSync(join(source, 'demo_dep', 'data.bin'), Buffer.alloc(64 * 1024, 'd'));
  execFileSync('tar', ['-czf', join(folder, `${stem}.tar.gz`), '-C', tree, stem]);
  rmSync(tree, { recursive: true, force: true });
}

/** A wheel of everything under demo_dep/, with METADATA, WHEEL and a RECORD of sha256 hashes. */
function backendSource(version: string): string {
  return `import base64, hashlib, os, zipfile

INFO = 'demo_dep-${version}.dist-info'


def _files():
    for folder, _, names in os.walk('demo_dep'):
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, 'rb') as file:
                yield path.replace(os.sep, '/'), file.read()
    yield INFO + '/METADATA', b'Metadata-Version: 2.1\\nName: demo-dep\\nVersion: ${version}\\n'
    yield INFO + '/WHEEL', b'Wheel-Version: 1.0\\nGenerator: demo-backend\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n'


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name = 'demo_dep-${version}-py3-none-any.whl'
    record = []
    with zipfile.ZipFile(os.path.join(wheel_directory, name), 'w') as wheel:
        for path, data in _files():
            wheel.writestr(path, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
            record.append(f'{path},sha256={digest},{len(data)}')
        record.append(INFO + '/RECORD,,')
        wheel.writestr(INFO + '/RECORD', '\\n'.join(record) + '\\n')
    return name
`;
}
