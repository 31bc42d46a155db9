/** One line of `icacls <path>`'s listing. */
export interface IcaclsEntry {
  /** As printed: a localised account name, or a SID that has no name (printed without `*`). */
  principal: string;
  inherited: boolean;
  objectInherit: boolean;
  containerInherit: boolean;
  inheritOnly: boolean;
  noPropagate: boolean;
  deny: boolean;
  /** The rights tokens: `['F']`, `['RX']`, `['W', 'D', 'Rc', 'DC']`, `['GR', 'GE']`. */
  rights: string[];
  /** The same rights as an access mask, comparable with Get-Acl's (Synchronize left out). */
  mask: number;
  /** An integrity label line (`Mandatory Label\High Mandatory Level:(NW)`), not an access entry. */
  label: boolean;
}

export interface IcaclsListing {
  path: string;
  entries: IcaclsEntry[];
  /** From the localised summary line, by its first two numbers; null when there is none. */
  summary: { succeeded: number; failed: number } | null;
}

/** icacls' rights tokens (MSDocs icacls.md); W inside a list is the write set without Synchronize. */
const RIGHTS: Record<string, number> = {
  F: 0x1f01ff,
  M: 0x301bf,
  RX: 0x200a9,
  R: 0x20089,
  W: 0x116,
  D: 0x10000,
  RC: 0x20000,
  WDAC: 0x40000,
  WO: 0x80000,
  S: 0x100000,
  AS: 0x1000000,
  MA: 0x2000000,
  GR: 0x80000000,
  GW: 0x40000000,
  GE: 0x20000000,
  GA: 0x10000000,
  RD: 0x1,
  WD: 0x2,
  AD: 0x4,
  REA: 0x8,
  WEA: 0x10,
  X: 0x20,
  DC: 0x40,
  RA: 0x80,
  WA: 0x100,
};
const FLAGS = new Set(['I', 'OI', 'CI', 'IO', 'NP', 'DENY']);
const LABEL_POLICIES = new Set(['NW', 'NR', 'NX']);

/**
 * `icacls <path>` display output (windows-probes.md §1.1): the path and the
 * first entry on line one, further entries aligned under it, a blank line
 * and a localised summary. Only the `(…)` tokens are read for meaning: they
 * are never localised, names are. Account names and paths both contain
 * spaces, so the path is known from the column the next lines are aligned
 * to (or given by the caller, who asked about it). For tests and fixtures,
 * and to show the same facts as icacls would.
 */
export function parseIcaclsListing(text: string, askedPath?: string): IcaclsListing | null {
  const lines = text.split(/\r?\n/);
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const firstLine = lines[firstIndex];
  if (firstLine === undefined) return null;
  const next = lines[firstIndex + 1] ?? '';
  const indent = next.trim() === '' ? 0 : next.length - next.trimStart().length;
  const path = askedPath ?? (indent > 1 ? firstLine.slice(0, indent - 1) : null);
  if (path === null || !firstLine.startsWith(`${path} `)) return null;
  const entries: IcaclsEntry[] = [];
  let index = firstIndex;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') break;
    const entry = parseEntry(line.slice(path.length + 1));
    if (entry) entries.push(entry);
  }
  const rest = lines.slice(index).filter((line) => line.trim() !== '');
  const counts = /(\d+)\D+(\d+)/.exec(rest.at(-1) ?? '');
  return {
    path,
    entries,
    summary: counts ? { succeeded: Number(counts[1]), failed: Number(counts[2]) } : null,
  };
}

function parseEntry(text: string): IcaclsEntry | null {
  const trimmed = text.trim();
  const split = trimmed.indexOf(':(');
  if (split <= 0) return null;
  const principal = trimmed.slice(0, split);
  const list = trimmed.slice(split + 1);
  // Nothing but parenthesised tokens after the colon: "(I)(OI)(CI)(F)".
  if (!/^(?:\([^()]*\))+$/.test(list)) return null;
  const tokens = [...list.matchAll(/\(([^()]*)\)/g)].map((match) => match[1]!);
  const flags = tokens.filter((token) => FLAGS.has(token));
  const rights = tokens.filter((token) => !FLAGS.has(token)).flatMap((token) => token.split(','));
  const label = rights.every((right) => LABEL_POLICIES.has(right));
  if (!label && rights.some((right) => RIGHTS[right.toUpperCase()] === undefined)) return null;
  const mask = label
    ? 0
    : rights.reduce((sum, right) => sum | RIGHTS[right.toUpperCase()]!, 0) & ~RIGHTS.S!;
  return {
    principal,
    inherited: flags.includes('I'),
    objectInherit: flags.includes('OI'),
    containerInherit: flags.includes('CI'),
    inheritOnly: flags.includes('IO'),
    noPropagate: flags.includes('NP'),
    deny: flags.includes('DENY'),
    rights,
    mask: mask >>> 0,
    label,
  };
}
