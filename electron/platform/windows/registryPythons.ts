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
  const byKey = new Map<string, RegistryPython>();
  const undecodable: string[] = [];
  let current: { python: RegistryPython; installPathKey: boolean } | null = null;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line === '') continue;
    if (/^HKEY_/i.test(line)) {
      const key = KEY.exec(line);
      if (!key || /^PyLauncher$/i.test(key[1]!)) {
        current = null;
        continue;
      }
      const id = `${key[1]!.toLowerCase()}\\${key[2]!.toLowerCase()}`;
      let python = byKey.get(id);
      if (!python) {
        python = {
          where,
          company: key[1]!,
          tag: key[2]!,
          installPath: null,
          executable: null,
          displayName: null,
        };
        byKey.set(id, python);
      }
      current = { python, installPathKey: key[3] !== undefined };
      continue;
    }
    const value = VALUE.exec(line);
    if (!value || current === null) continue;
    const [, name, type, rawData] = value;
    if (rawData === undefined) continue;
    if (rawData.includes('\uFFFD')) {
      undecodable.push(rawData);
      continue;
    }
    const data = type === 'REG_EXPAND_SZ' ? expand(rawData, env) : rawData;
    const isDefault = /^\(.*\)$/.test(name!);
    if (current.installPathKey && isDefault && looksAbsolute(data))
      current.python.installPath = data;
    else if (current.installPathKey && /^ExecutablePath$/i.test(name!) && looksAbsolute(data))
      current.python.executable = data;
    else if (!current.installPathKey && /^DisplayName$/i.test(name!))
      current.python.displayName = data;
  }
  const pythons = [...byKey.values()]
    .map((python) => ({
      ...python,
      executable:
        python.executable ??
        (python.installPath === null ? null : win32.join(python.installPath, 'python.exe')),
    }))
    .filter((python) => python.executable !== null);
  return { pythons, undecodable };
}

function looksAbsolute(data: string): boolean {
  return /^(?:[a-z]:\\|\\\\)/i.test(data);
}

function expand(data: string, env: NodeJS.ProcessEnv): string {
  return data.replace(/%([^%]+)%/g, (whole, name: string) => envValue(env, name) ?? whole);
}
