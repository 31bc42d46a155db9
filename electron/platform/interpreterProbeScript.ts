import { PROBE_MARKER } from './systemProbe';

/**
 * The Python snippet each interpreter runs once (`python -E -c <this>`) to
 * describe itself. It must run unchanged on Python 2.6 through 3.14, so: no
 * f-strings, no dict or set comprehensions, no str.format auto-numbering, and
 * every module newer than 2.6 (sysconfig, site.getuserbase) is guarded.
 *
 * It prints one JSON line. json.dumps escapes everything outside ASCII, so the
 * pipe's code page cannot corrupt a user's non-ASCII paths. The marker key
 * tells our answer apart from whatever else a program might print.
 *
 * It never imports pip: that runs pip's code (slow, and it may be the broken
 * thing). pip's version comes from its metadata, found the way `import pip`
 * would find the package: the first sys.path folder holding pip/__init__.py.
 * That covers purelib, the user site (which comes first when enabled) and
 * distribution folders such as Debian's dist-packages.
 *
 * Folder facts follow pip's own choice of source: distutils on Python < 3.10,
 * sysconfig from 3.10 (pip `locations/__init__.py` `_USE_SYSCONFIG_DEFAULT`).
 * They differ on Debian-patched Pythons, and pip writes where distutils says.
 */

export const INTERPRETER_PROBE_SCRIPT = String.raw`
import sys
# -c puts the working folder first on sys.path; a json.py there must not be imported.
if sys.path and sys.path[0] == '':
    del sys.path[0]
import os
# Run with -S: the site module is imported here without running its main(), so no
# .pth file of the install is executed (a broken one cannot crash the probe, a slow one
# cannot slow it). What main() would have done that the facts depend on is done below.
import site

if hasattr(site, 'venv'):
    # Applies pyvenv.cfg (sys.prefix becomes the venv) exactly as site.main() does.
    site.venv(set())
if site.ENABLE_USER_SITE is None:
    site.ENABLE_USER_SITE = site.check_enableusersite()
# -E hides PYTHONNOUSERSITE from check_enableusersite(); the user's own python and pip
# (run without -E) obey it, so the probe answers for them as they run.
if os.environ.get('PYTHONNOUSERSITE'):
    site.ENABLE_USER_SITE = False

try:
    text_type = unicode
except NameError:
    text_type = str

facts = {'${PROBE_MARKER}': 1, 'errors': []}


def text(value):
    # Python 2 gives byte strings in the file system encoding; json.dumps expects UTF-8.
    if value is None or isinstance(value, text_type):
        return value
    return value.decode(sys.getfilesystemencoding() or 'utf-8', 'replace')


def fact(key, read):
    try:
        facts[key] = read()
    except Exception:
        facts[key] = None
        facts['errors'].append('%s: %s' % (key, text(repr(sys.exc_info()[1]))))


def version():
    # Not platform.python_version(): importing platform costs more than all the rest.
    info = sys.version_info
    text = '%d.%d.%d' % tuple(info[:3])
    level = {'alpha': 'a', 'beta': 'b', 'candidate': 'rc'}.get(info[3])
    return level and '%s%s%d' % (text, level, info[4]) or text


def implementation():
    name = getattr(getattr(sys, 'implementation', None), 'name', None)
    known = {'cpython': 'CPython', 'pypy': 'PyPy', 'ironpython': 'IronPython', 'graalpy': 'GraalVM'}
    if name:
        return known.get(name, name)
    import platform  # Python 2 has no sys.implementation
    return platform.python_implementation()


def base_prefix():
    # virtualenv < 20 sets sys.real_prefix instead of sys.base_prefix (3.3+).
    return getattr(sys, 'real_prefix', None) or getattr(sys, 'base_prefix', None) or sys.prefix


def distutils_paths():
    from distutils.dist import Distribution
    command = Distribution().get_command_obj('install')
    command.finalize_options()
    return {'purelib': command.install_purelib, 'platlib': command.install_platlib,
            'scripts': command.install_scripts}


def sysconfig_paths():
    import sysconfig
    paths = sysconfig.get_paths()
    return {'purelib': paths['purelib'], 'platlib': paths['platlib'], 'scripts': paths['scripts']}


def install_paths():
    # pip takes these from distutils before Python 3.10. The two only disagree where a
    # distribution patched distutils (Debian's dist-packages); elsewhere sysconfig is the
    # same answer without distutils' slow import.
    patched = [p for p in sys.path if p.endswith('dist-packages')]
    readers = [sysconfig_paths, distutils_paths]
    if sys.version_info < (3, 10) and patched:
        readers.reverse()
    try:
        return readers[0]()
    except Exception:
        return readers[1]()


def stdlib():
    try:
        import sysconfig
        return sysconfig.get_path('stdlib')
    except ImportError:
        from distutils.sysconfig import get_python_lib
        return get_python_lib(standard_lib=True)


def user_site():
    import site
    if hasattr(site, 'getusersitepackages'):
        return site.getusersitepackages()
    return site.USER_SITE


def user_scheme():
    import sysconfig
    if hasattr(sysconfig, 'get_preferred_scheme'):
        return sysconfig.get_preferred_scheme('user')
    if os.name == 'nt':
        return 'nt_user'
    if sys.platform == 'darwin' and getattr(sys, '_framework', None):
        return 'osx_framework_user'
    return 'posix_user'


def user_scripts():
    try:
        import sysconfig
    except ImportError:
        import site
        return os.path.join(site.USER_BASE, os.name == 'nt' and 'Scripts' or 'bin')
    return sysconfig.get_path('scripts', user_scheme())


def user_site_enabled():
    import site
    # None means "disabled for security reasons" (owner mismatch): as off as False.
    return bool(site.ENABLE_USER_SITE)


def metadata_version(path):
    if os.path.isdir(path):
        for name in ('METADATA', 'PKG-INFO'):
            if os.path.isfile(os.path.join(path, name)):
                path = os.path.join(path, name)
                break
        else:
            return None
    # Binary: the text after the headers may not decode in the locale's code page.
    handle = open(path, 'rb')
    try:
        for line in handle:
            if line.startswith(b'Version:'):
                return line[len(b'Version:'):].strip().decode('utf-8', 'replace')
            if not line.strip():
                return None
    finally:
        handle.close()
    return None


def pip_folders():
    # The folders "python -m pip" would import pip from, in sys.path order as site.main()
    # would build it: the user site first when enabled, then the site-packages folders.
    folders = []
    if site.ENABLE_USER_SITE:
        folders.append(user_site())
    if hasattr(site, 'getsitepackages'):
        folders.extend(site.getsitepackages())
    paths = install_paths()
    folders.extend([paths['purelib'], paths['platlib']])
    folders.extend(sys.path)
    return folders


def pip_version():
    for folder in pip_folders():
        if not folder or not os.path.isfile(os.path.join(folder, 'pip', '__init__.py')):
            continue
        names = sorted(os.listdir(folder))
        for name in names:
            if name.startswith('pip-') and (name.endswith('.dist-info') or name.endswith('.egg-info')):
                found = metadata_version(os.path.join(folder, name))
                if found:
                    return found
        return None
    return None


def in_venv():
    return sys.prefix != base_prefix()


def externally_managed():
    # pip check_externally_managed: never inside a venv, else the marker in stdlib decides.
    return not in_venv() and os.path.isfile(os.path.join(stdlib(), 'EXTERNALLY-MANAGED'))


def to_json(value):
    # A small encoder instead of json: importing json (and re) costs more than the probe.
    # Everything outside printable ASCII is \\u-escaped, so the pipe's encoding never matters.
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return '{' + ','.join([to_json(text(k)) + ':' + to_json(v) for k, v in value.items()]) + '}'
    if isinstance(value, (list, tuple)):
        return '[' + ','.join([to_json(v) for v in value]) + ']'
    value = text(value)
    out = []
    for char in value:
        code = ord(char)
        if char == '"' or char == '\\':
            out.append('\\' + char)
        elif 0x20 <= code < 0x7f:
            out.append(char)
        elif code > 0xffff:
            code -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff)))
        else:
            out.append('\\u%04x' % code)
    return '"' + ''.join(out) + '"'


fact('realExecutable', lambda: sys.executable and text(os.path.realpath(sys.executable)) or None)
fact('version', version)
fact('implementation', implementation)
fact('prefix', lambda: text(sys.prefix))
fact('basePrefix', lambda: text(base_prefix()))
fact('inVenv', in_venv)
fact('paths', lambda: dict([(k, text(v)) for k, v in install_paths().items()]))
fact('stdlib', lambda: text(stdlib()))
fact('userSite', lambda: text(user_site()))
fact('userScripts', lambda: text(user_scripts()))
fact('userSiteEnabled', user_site_enabled)
fact('pipVersion', pip_version)
fact('externallyManaged', externally_managed)
fact('condaPrefix', lambda: os.path.isdir(os.path.join(sys.prefix, 'conda-meta')))
fact('platform', lambda: sys.platform)
sys.stdout.write(to_json(facts) + '\n')
sys.stdout.flush()
`;
