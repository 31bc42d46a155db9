/**
 * Lines that matter to the verdict besides the OS error itself. Each pattern
 * is pip's or Python's own text (pip src/pip/_internal, CPython), not words
 * from a particular log.
 */
export const PEP668 = /externally-managed-environment|This environment is externally managed/;
export const LONG_PATH_HINT =
  /does not have Windows Long Path support enabled|enable-long-paths|file or folder name exceeding 255 characters/;
/** pip ≥ 25.2's other long-path hint: one name over 255 characters, which long paths do not fix. */
export const LONG_NAME_HINT = /file or folder name exceeding 255 characters/;
/** pip's guard against replacing itself through pip.exe (utils/misc.py). */
export const PIP_SELF_GUARD = /To modify pip, please run the following command/;
export const USER_OPTION_HINT = /Consider using the `?--user`? option/;
export const CHECK_PERMISSIONS_ONLY = /^\s*Check the permissions\.?\s*$/;
export const COULD_NOT_INSTALL =
  /Could not install packages due to an? (?:OSError|EnvironmentError)/;
export const EXCEPTION_LINE =
  /^\s*(?:[A-Za-z_][\w.]*(?:Error|Exception)|OSError|IOError|WindowsError)\s*:/;
export const SELF_UPGRADE_CONTEXT =
  /(?:Attempting uninstall: pip\s*$|Uninstalling pip-\d|Found existing installation: pip \d|install\s+(?:-U|--upgrade)\s+pip\b|install\s+pip\s+(?:-U|--upgrade)\b)/;

/** Virus scanners and Windows' own protection, by the names people and tools print. */
const SCANNER_BRANDS = [
  'Windows Defender',
  'Microsoft Defender',
  'McAfee',
  'Norton',
  'Symantec',
  'Kaspersky',
  'Avast',
  'AVG',
  'Avira',
  'Bitdefender',
  'ESET',
  'Sophos',
  'Trend Micro',
  'Malwarebytes',
  'Webroot',
  'CrowdStrike',
  'SentinelOne',
  'Carbon Black',
  'Cylance',
  'Controlled Folder Access',
  'F-Secure',
  'Dr.Web',
  'ZoneAlarm',
];
/** Security products that inspect web traffic (TLS interception, firewalls) rather than files. */
const WEB_FILTER_BRANDS = [
  'Zscaler',
  'Netskope',
  'Forcepoint',
  'Fortinet',
  'FortiClient',
  'GlobalProtect',
  'Cisco Umbrella',
];
const SCANNER_WORDS = /\b(?:antivirus|anti-virus|virus scanner|virus detected|quarantined?)\b/i;
const SCANNER_BRAND = new Set(SCANNER_BRANDS);
/** Every brand in one expression, so a line is read once for all of them. */
const SECURITY_BRAND = new RegExp(
  `\\b(?:${[...SCANNER_BRANDS, ...WEB_FILTER_BRANDS].map((b) => b.replace(/\./g, '\\.')).join('|')})\\b`,
);

/**
 * Which kind of security product a line names, if any: the generic words
 * anywhere, brand names only in prose ("AVG" or "ESET" inside a traceback of
 * someone's code is not a scanner).
 */
export function securityProductIn(line: string): 'scanner' | 'web-filter' | null {
  if (SCANNER_WORDS.test(line)) return 'scanner';
  const brand = SECURITY_BRAND.exec(line);
  if (!brand || /^\s*File "/.test(line)) return null;
  return SCANNER_BRAND.has(brand[0]) ? 'scanner' : 'web-filter';
}

/**
 * The connection dropped mid-download: CPython's ConnectionResetError
 * (ECONNRESET: Errno 104 on Linux, 54 on macOS, WinError 10054), Windows'
 * WSAECONNABORTED 10053 ("aborted by the software in your host machine"), and
 * urllib3's `ProtocolError('Connection aborted.', …)`.
 */
export const CONNECTION_RESET =
  /ConnectionResetError|Connection reset by peer|forcibly closed by the remote host|aborted by the software in your host machine|Connection aborted|\[(?:WinError 1005[34]|Errno (?:104|54))\]/;
/** OS error codes of a reset connection. */
export const RESET_CODES = new Set(['WinError 10054', 'WinError 10053', 'Errno 104', 'Errno 54']);

/** distutils' setup() reports its failure as `error: <message>` (core.py, `"error: " + str(msg)`). */
export const SETUP_ERROR_LINE = /^\s*error:\s*(?:\[|could)/;

/** Failures that have nothing to do with permissions, most telling first. */
export const NOT_PERMISSION_SIGNALS: ReadonlyArray<{ kind: NotPermissionKind; pattern: RegExp }> = [
  { kind: 'disk-full', pattern: /No space left on device|There is not enough space on the disk/ },
  {
    kind: 'build',
    pattern:
      /Microsoft Visual C\+\+ [\d.]+ or greater is required|Failed building wheel for|error: subprocess-exited-with-error|Failed to build (?:installable wheels|\S)|legacy-install-failure|metadata-generation-failed|command '[^']*(?:gcc|cl\.exe|clang)' failed|Could not build wheels for/,
  },
  {
    kind: 'no-match',
    pattern:
      /No matching distribution found for|Could not find a version that satisfies the requirement/,
  },
  { kind: 'tls', pattern: /SSLError|CERTIFICATE_VERIFY_FAILED|SSL: [A-Z_]+/ },
  {
    kind: 'network',
    pattern:
      /ReadTimeoutError|ConnectTimeoutError|NewConnectionError|Max retries exceeded|Temporary failure in name resolution|getaddrinfo failed|Name or service not known|ProxyError|Connection (?:refused|reset|aborted)|ConnectionResetError|forcibly closed by the remote host|aborted by the software in your host machine|Read timed out|Failed to establish a new connection/,
  },
  {
    kind: 'conflict',
    pattern: /ResolutionImpossible|conflicting dependencies|dependency conflict/,
  },
  { kind: 'hash', pattern: /THESE PACKAGES DO NOT MATCH THE HASHES/ },
  { kind: 'python-version', pattern: /requires a different Python|Requires-Python/ },
  { kind: 'memory', pattern: /\bMemoryError\b/ },
];

export type NotPermissionKind =
  | 'disk-full'
  | 'build'
  | 'no-match'
  | 'tls'
  | 'network'
  | 'conflict'
  | 'hash'
  | 'python-version'
  | 'memory';
