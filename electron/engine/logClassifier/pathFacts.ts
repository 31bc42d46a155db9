/**
 * What a path printed in a pip log says about where it is. Works on the
 * path as printed: mixed slashes, lower-cased (pip normcases on Windows),
 * 8.3 short names, redacted user names.
 */
export interface PathFacts {
  windows: boolean;
  /** Lower case, forward slashes, no doubled slashes. */
  normalized: string;
  length: number;
  /** Program Files, ProgramData, C:\Windows, /usr, /Library, /System, dist-packages… */
  adminOnly: boolean;
  /** An all-users `C:\PythonXY` (admin-only for new files on modern installs). */
  rootPythonFolder: boolean;
  /** `C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python…` */
  storePackageFolder: boolean;
  /** `%LOCALAPPDATA%\Packages\PythonSoftwareFoundation.Python…\LocalCache` */
  storeLocalCache: boolean;
  /** A user's temporary folder, or /tmp. */
  inTemp: boolean;
  /** Inside a site-packages or dist-packages folder: an installed package, wherever the env lives. */
  inSitePackages: boolean;
  /** A folder pip made for its own temporary work (`pip-unpack-…`, `pip-build-…`). */
  pipTempKind: string | null;
  /** pip's uninstall stash (`pip-uninstall-…`, old `pip-…-uninstall`, or a `~name` folder). */
  inUninstallStash: boolean;
  /** For the old `pip-xxx-uninstall\program files\…` stash: the path it was moved from. */
  stashedOriginal: string | null;
  /** A loadable binary: .pyd, .dll, .exe, .so, .dylib. */
  binary: boolean;
  /** pip's own launcher: pip.exe, pip3.exe, pip3.12.exe. */
  pipLauncher: boolean;
  /** Under a Python 2 install (the era of `pypiwin32`). */
  python2: boolean;
  basename: string;
}

const WINDOWS_PATH = /^(?:[a-z]:|\\\\|\/\/\?\/)|\\/i;

export function isWindowsPath(path: string): boolean {
  return WINDOWS_PATH.test(path);
}

export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
}

export function pathFacts(path: string): PathFacts {
  const windows = isWindowsPath(path);
  const normalized = normalizePath(path);
  const segments = normalized.split('/');
  const basename = segments[segments.length - 1] ?? '';
  const stash = stashOf(normalized, windows);
  const tempKind = pipTempKind(segments);
  const subject = stash ? normalizePath(stash) : normalized;

  return {
    windows,
    normalized,
    length: path.length,
    adminOnly: windows ? isWindowsAdminOnly(subject) : isPosixAdminOnly(subject),
    rootPythonFolder: windows && /^[a-z]:\/python\d+[^/]*\//.test(subject),
    storePackageFolder: /\/program files\/windowsapps\//.test(normalized),
    storeLocalCache: /\/packages\/pythonsoftwarefoundation\.python[^/]*\/localcache\//.test(
      normalized,
    ),
    inTemp: isTemp(normalized),
    inSitePackages: /\/(?:site|dist)-packages\//.test(normalized),
    pipTempKind: tempKind,
    inUninstallStash:
      tempKind === 'uninstall' ||
      /\/(?:site|dist)-packages\/~/.test(normalized) ||
      /\/~cripts\//.test(normalized),
    stashedOriginal: stash,
    binary: /\.(?:pyd|dll|exe|so(?:\.\d+)*|dylib)$/.test(basename),
    pipLauncher: /^pip(?:\d+(?:\.\d+)?)?\.exe$/.test(basename),
    python2: /python2\d?(?:[./]|$)|python2\.\d|(?:mini|ana)conda2\b|\d27\.dll$/.test(normalized),
    basename,
  };
}

function isWindowsAdminOnly(p: string): boolean {
  return /^(?:[a-z]:)?\/(?:program files(?: \(x86\))?|programdata|windows)\//.test(p);
}

function isPosixAdminOnly(p: string): boolean {
  return (
    /^\/(?:usr|opt|library|system|etc|snap|sbin|bin|lib|lib64|var\/lib|root)\//.test(p) ||
    /\/dist-packages\//.test(p)
  );
}

function isTemp(p: string): boolean {
  return (
    /\/appdata\/local\/temp\//.test(p) ||
    /^(?:[a-z]:)?\/windows\/temp\//.test(p) ||
    /^(?:[a-z]:)?\/(?:temp|tmp)\//.test(p) ||
    /^\/(?:private\/)?var\/(?:tmp|folders)\//.test(p) ||
    /^\/private\/tmp\//.test(p)
  );
}

/** pip's temporary folder names, new (`pip-unpack-abc`) and old (`pip-abc-uninstall`, `pip-build-abc`). */
function pipTempKind(segments: string[]): string | null {
  for (const segment of segments) {
    const modern =
      /^pip-(unpack|build-env|build|install|req-build|req-tracker|uninstall|ephem-wheel-cache|wheel|target|download|modern-metadata|metadata|record|resolve|standalone-pip)-/.exec(
        segment,
      );
    if (modern) return modern[1]!;
    const old = /^pip-[a-z0-9_]+-(uninstall|build|unpack)$/.exec(segment);
    if (old) return old[1]!;
  }
  return null;
}

/**
 * Old pip moved a file being uninstalled to `%TEMP%\pip-xxx-uninstall\<its
 * full path without the drive>`. The original location decides the cause.
 */
function stashOf(normalized: string, windows: boolean): string | null {
  const match = /\/pip-[a-z0-9_]+-uninstall\/(.+)$/.exec(normalized);
  if (!match) return null;
  const rest = match[1]!;
  if (windows) return `c:/${rest}`;
  return `/${rest}`;
}

/** Whether `path` lies inside `folder` (as printed: either slash, any case). */
export function isInside(path: string, folder: string): boolean {
  const inner = normalizePath(path);
  const outer = normalizePath(folder).replace(/\/$/, '');
  return outer !== '' && (inner === outer || inner.startsWith(`${outer}/`));
}

/**
 * The temporary folder a path of pip's lies in, as printed: the folder that
 * holds its `pip-…` work folder (`/tmp` for `/tmp/pip-install-x/…`), else the
 * folder the log set as TMPDIR, else the system's temporary folder itself.
 */
export function tempFolderOf(path: string, tempSetting: string | null): string | null {
  const pipFolder = /^(.*?)[\\/](?:pip-|pip_build_)[^\\/]*(?:[\\/]|$)/i.exec(path);
  if (pipFolder && pipFolder[1] !== '') return pipFolder[1]!;
  if (tempSetting && isInside(path, tempSetting)) return tempSetting;
  const system =
    /^(.*?[\\/]AppData[\\/]Local[\\/]Temp)(?=[\\/]|$)/i.exec(path) ??
    /^((?:[A-Za-z]:)?[\\/](?:Windows[\\/])?(?:temp|tmp))(?=[\\/]|$)/i.exec(path) ??
    /^(\/(?:private\/)?var\/(?:tmp|folders\/[^/]+\/[^/]+\/T))(?=\/|$)/.exec(path) ??
    /^(\/private\/tmp)(?=\/|$)/.exec(path);
  return system ? system[1]! : null;
}
