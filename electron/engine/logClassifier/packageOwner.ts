import type { PathFacts } from './pathFacts';
import { distributionFromArchiveName } from './pipCommand';

/**
 * Import names whose distribution is called something else. Only names that
 * really differ are listed; any other top-level name is its own distribution.
 */
const DISTRIBUTION_OF_IMPORT: Record<string, string> = {
  _cffi_backend: 'cffi',
  win32: 'pywin32',
  win32com: 'pywin32',
  win32comext: 'pywin32',
  pythonwin: 'pywin32',
  pythoncom: 'pywin32',
  pywintypes: 'pywin32',
  pywin32_system32: 'pywin32',
  win32api: 'pywin32',
  cv2: 'opencv-python',
  pil: 'Pillow',
  sklearn: 'scikit-learn',
  skimage: 'scikit-image',
  yaml: 'PyYAML',
  _yaml: 'PyYAML',
  bs4: 'beautifulsoup4',
  dateutil: 'python-dateutil',
  attr: 'attrs',
  openssl: 'pyOpenSSL',
  crypto: 'pycryptodome',
  jwt: 'PyJWT',
  serial: 'pyserial',
  usb: 'pyusb',
  gi: 'PyGObject',
  wx: 'wxPython',
  mysqldb: 'mysqlclient',
  zmq: 'pyzmq',
  git: 'GitPython',
  docx: 'python-docx',
  pptx: 'python-pptx',
  magic: 'python-magic',
  fitz: 'PyMuPDF',
  dotenv: 'python-dotenv',
  pkg_resources: 'setuptools',
  _distutils_hack: 'setuptools',
  distutils_precedence: 'setuptools',
  google: 'protobuf',
  grpc: 'grpcio',
  _cython: 'Cython',
  cython: 'Cython',
  charset_normalizer: 'charset-normalizer',
  tensorflow_core: 'tensorflow',
  _pytest: 'pytest',
  ruamel: 'ruamel.yaml',
  _brotli: 'Brotli',
  brotli: 'Brotli',
  _ruamel_yaml: 'ruamel.yaml.clib',
  _rust: 'cryptography',
  nacl: 'PyNaCl',
  _sodium: 'PyNaCl',
};

/** Distributions often stashed as `~xxx`; log mentions are tried first. */
const COMMON_DISTRIBUTIONS = [
  'numpy',
  'pandas',
  'scipy',
  'matplotlib',
  'torch',
  'pip',
  'setuptools',
  'wheel',
  'cffi',
  'cryptography',
  'pillow',
  'grpcio',
  'protobuf',
  'tensorflow',
  'tensorboard',
  'pyzmq',
  'psutil',
  'lxml',
  'pydantic_core',
  'pydantic',
  'charset_normalizer',
  'regex',
  'tokenizers',
  'safetensors',
  'orjson',
  'markupsafe',
  'pywin32',
  'pyyaml',
  'yaml',
  'jupyter',
  'ipykernel',
  'debugpy',
  'kiwisolver',
  'contourpy',
  'fonttools',
  'opencv_python',
  'cv2',
  'scikit_learn',
  'sklearn',
  'numba',
  'llvmlite',
  'pyarrow',
  'h5py',
  'greenlet',
  'sqlalchemy',
  'aiohttp',
  'frozenlist',
  'multidict',
  'yarl',
  'websockets',
  'zmq',
  'tornado',
  'pyodbc',
  'psycopg2',
];

const DIST_INFO = /^([a-z0-9][a-z0-9_.]*?)-\d[^/]*\.(?:dist-info|egg-info|data|egg)$/i;

/** The distribution that owns the file at `path`, when the path says so. */
export function packageOwningPath(
  path: string,
  facts: PathFacts,
  mentioned: ReadonlySet<string>,
): string | null {
  // Keep the case as printed for names (dist-info folders), but match on lower case.
  const printed = path.replace(/\\+/g, '/').split('/');
  const segments = facts.normalized.split('/');

  const site = lastIndexOf(segments, (s) => s === 'site-packages' || s === 'dist-packages');
  if (site >= 0 && site + 1 < segments.length) {
    return ownerOfTopLevel(printed[site + 1]!, facts, mentioned, site + 1 < segments.length - 1);
  }
  // macOS system Python keeps packages in …/Extras/lib/python/<name>.
  const libPython = lastIndexOf(
    segments,
    (s, i) => s.startsWith('python') && segments[i - 1] === 'lib',
  );
  if (
    libPython >= 0 &&
    libPython + 1 < segments.length &&
    DIST_INFO.test(segments[libPython + 1]!)
  ) {
    return DIST_INFO.exec(printed[libPython + 1]!)![1]!;
  }

  const temp = segments.findIndex((s) => s.startsWith('pip-'));
  if (temp >= 0 && temp + 1 < segments.length) {
    const inside = printed[temp + 1]!;
    if (facts.pipTempKind === 'unpack' || facts.pipTempKind === 'download') {
      return distributionFromArchiveName(inside);
    }
    if (facts.pipTempKind === 'build') return inside;
    if (facts.pipTempKind === 'install') return inside.replace(/_[0-9a-f]{6,}$/i, '');
  }
  return null;
}

function ownerOfTopLevel(
  entry: string,
  facts: PathFacts,
  mentioned: ReadonlySet<string>,
  isFolder: boolean,
): string | null {
  const distInfo = DIST_INFO.exec(entry);
  if (distInfo) return distInfo[1]!;
  if (entry.startsWith('~')) return resolveStash(entry.toLowerCase(), mentioned);
  // A module file: six.py, _cffi_backend.cp38-win_amd64.pyd, foo.cpython-311-x86_64-linux-gnu.so
  const importName = isFolder ? entry : entry.split('.')[0]!;
  // Only a Python identifier can be imported; "held module.py" is no package of anyone's.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(importName) || importName === '__pycache__') return null;
  const known = DISTRIBUTION_OF_IMPORT[importName.toLowerCase()];
  if (known === 'pywin32' && facts.python2) {
    // On Python 2, pip installed pywin32 as the `pypiwin32` wheels.
    return 'pypiwin32';
  }
  return known ?? importName;
}

/**
 * pip's AdjacentTempDirectory renames `numpy` to `~umpy` (then `~~mpy`…):
 * leading characters become `~`. Match the rest against names the log
 * mentions, then against distributions that are often held open.
 */
function resolveStash(stash: string, mentioned: ReadonlySet<string>): string | null {
  const tail = stash.replace(/^~+/, '');
  const width = stash.length;
  const fits = (name: string) =>
    name.length === width && name.toLowerCase().replace(/-/g, '_').endsWith(tail);
  for (const name of mentioned) if (fits(name)) return name;
  return COMMON_DISTRIBUTIONS.find(fits) ?? null;
}

function lastIndexOf(items: string[], test: (item: string, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}
