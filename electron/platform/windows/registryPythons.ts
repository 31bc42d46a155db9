import { win32 } from 'node:path';
import { envValue } from './commandRunner';

/** A Python registered under PEP 514: HKCU or HKLM, Software\Python\<Company>\<Tag>. */
export interface RegistryPython {
  /** "HKCU", "HKLM (64-bit view)", "HKLM (32-bit view)": where it was read. */
  where: string;
  company: string;
  tag: string;
  /** InstallPath's default value: sys.prefix. */
  installPath: string | null;
  executable: string | null;
  displayName: string | null;
}

export interface RegistryListing {
  pythons: RegistryPython[];
  /** Values that came back mangled (U+FFFD): reg.exe writes a pipe in the console code page. */
  undecodable: string[];
}

/** `HKEY_…\Software\[Wow6432Node\]Python\<Company>\<Tag>[\InstallPath]`. */
const KEY =
  /^HKEY_[A-Z_]+\\Software\\(?:Wow6432Node\\)?Python\\([^\\]+)\\([^\\]+)(\\InstallPath)?$/i;
/** 4-space indent, name, 4 spaces, REG_ type, 4 spaces, data: anchored on the type, the only unlocalised part. */
const VALUE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/**
 * `reg query <hive>\Software\Python /s` output (windows-probes.md §6.4):
 * blank line, key path, indented values, blank line. The default value's
 * name is localised ("(Default)", "(Standard)"), so it is recognised by its
 * parentheses; its "value not set" text is too, so only data that looks like
 * an absolute path counts as a path. `PyLauncher` is the launcher's own key,
 * not a Python. REG_EXPAND_SZ data is expanded here.
 */
export function parseRegistryQuery(
  stdout: string,
  where: string,
  env: NodeJS.ProcessEnv,
): RegistryListing {
  const listing = new ListingBuilder(where);
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line === '') continue;
    if (/^HKEY_/i.test(line)) {
      listing.openKey(line);
      continue;
    }
    const value = VALUE.exec(line);
    if (!value) continue;
    const [, name, type, rawData] = value;
    if (rawData === undefined) continue;
    if (rawData.includes('\uFFFD')) {
      listing.undecodable.push(rawData);
      continue;
    }
    const data = type === 'REG_EXPAND_SZ' ? expand(rawData, env) : rawData;
    // The default value's name is localised, in parentheses: "(Default)", "(Standard)".
    listing.value(/^\(.*\)$/.test(name!) ? null : name!, data);
  }
  return listing.result();
}

/** The first line of a `reg export` file (regedit's format 5, UTF-16LE). */
const EXPORT_HEADER = 'Windows Registry Editor Version 5.00';
/** `"name"=` or `@=` (the default value), then the data. */
const EXPORT_VALUE = /^(@|"((?:[^"\\]|\\.)*)")=(.*)$/;

/**
 * A `reg export <hive>\Software\Python <file>` file: UTF-16LE, so every
 * letter of a non-English folder name arrives intact (reg query writes in
 * the console code page, where GBK bytes can even pass for other UTF-8
 * letters). Keys in brackets; `@` is the default value, in no language;
 * strings are quoted with \\ and \" escaped; REG_EXPAND_SZ comes as
 * `hex(2):` UTF-16LE bytes, wrapped over lines ending in `\`. Null when the
 * bytes are not such a file.
 */
export function parseRegExport(
  bytes: Buffer,
  where: string,
  env: NodeJS.ProcessEnv,
): RegistryListing | null {
  if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] !== 0xfe) return null;
  const text = bytes.subarray(2).toString('utf16le');
  const lines = text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/);
  if (lines[0]?.trim() !== EXPORT_HEADER) return null;
  const listing = new ListingBuilder(where);
  for (const line of lines.slice(1)) {
    if (line.startsWith('[') && line.endsWith(']')) {
      listing.openKey(line.slice(1, -1));
      continue;
    }
    const value = EXPORT_VALUE.exec(line);
    if (!value) continue;
    const name = value[1] === '@' ? null : value[2]!.replace(/\\(.)/g, '$1');
    const data = exportedString(value[3]!, env);
    if (data !== null) listing.value(name, data);
  }
  return listing.result();
}

/** A string value's data: `"…"` (REG_SZ) or `hex(2):…` (REG_EXPAND_SZ, expanded); null for other types. */
function exportedString(data: string, env: NodeJS.ProcessEnv): string | null {
  if (data.startsWith('"') && data.endsWith('"')) return data.slice(1, -1).replace(/\\(.)/g, '$1');
  const expandable = /^hex\(2\):([0-9a-f,\s]*)$/i.exec(data);
  if (!expandable) return null;
  const hex = expandable[1]!.replace(/[,\s]/g, '');
  const raw = Buffer.from(hex, 'hex').toString('utf16le').replace(/\0+$/, '');
  return expand(raw, env);
}

/** PEP 514 registrations gathered key by key, whichever format they were read from. */
class ListingBuilder {
  private readonly byKey = new Map<string, RegistryPython>();
  private current: { python: RegistryPython; installPathKey: boolean } | null = null;
  readonly undecodable: string[] = [];

  constructor(private readonly where: string) {}

  openKey(path: string): void {
    const key = KEY.exec(path);
    if (!key || /^PyLauncher$/i.test(key[1]!)) {
      this.current = null;
      return;
    }
    const id = `${key[1]!.toLowerCase()}\\${key[2]!.toLowerCase()}`;
    let python = this.byKey.get(id);
    if (!python) {
      python = {
        where: this.where,
        company: key[1]!,
        tag: key[2]!,
        installPath: null,
        executable: null,
        displayName: null,
      };
      this.byKey.set(id, python);
    }
    this.current = { python, installPathKey: key[3] !== undefined };
  }

  /** A value of the open key; `name` null for the key's default value. */
  value(name: string | null, data: string): void {
    const current = this.current;
    if (current === null) return;
    if (current.installPathKey && name === null && looksAbsolute(data))
      current.python.installPath = data;
    else if (current.installPathKey && /^ExecutablePath$/i.test(name ?? '') && looksAbsolute(data))
      current.python.executable = data;
    else if (!current.installPathKey && /^DisplayName$/i.test(name ?? ''))
      current.python.displayName = data;
  }

  result(): RegistryListing {
    const pythons = [...this.byKey.values()]
      .map((python) => ({
        ...python,
        executable:
          python.executable ??
          (python.installPath === null ? null : win32.join(python.installPath, 'python.exe')),
      }))
      .filter((python) => python.executable !== null);
    return { pythons, undecodable: this.undecodable };
  }
}

function looksAbsolute(data: string): boolean {
  return /^(?:[a-z]:\\|\\\\)/i.test(data);
}

function expand(data: string, env: NodeJS.ProcessEnv): string {
  return data.replace(/%([^%]+)%/g, (whole, name: string) => envValue(env, name) ?? whole);
}
