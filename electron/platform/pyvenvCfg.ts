/** What a virtual environment's pyvenv.cfg says about the Python it was made from. */
export interface PyvenvCfg {
  /** The base interpreter's folder (`home`): where the venv's python looks for its base. */
  home: string | null;
  /** `version` (venv) or `version_info` (virtualenv, uv), cut to its numbers: "3.12.1". */
  version: string | null;
  /** The base interpreter itself (`executable` from venv 3.11+, `base-executable` from virtualenv). */
  executable: string | null;
}

/**
 * Reads pyvenv.cfg the way CPython's site.py does: `key = value` lines,
 * keys without case, values trimmed; anything else is ignored.
 */
export function parsePyvenvCfg(text: string): PyvenvCfg {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at < 0) continue;
    const key = line.slice(0, at).trim().toLowerCase();
    const value = line.slice(at + 1).trim();
    if (key !== '' && value !== '' && !values.has(key)) values.set(key, value);
  }
  const version = values.get('version') ?? values.get('version_info') ?? null;
  return {
    home: values.get('home') ?? null,
    version: version === null ? null : (/^\d+(?:\.\d+)*/.exec(version)?.[0] ?? null),
    executable: values.get('executable') ?? values.get('base-executable') ?? null,
  };
}
