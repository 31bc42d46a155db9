/** Who the process is, as the kernel sees it when checking permissions. */
export interface Identity {
  uid: number;
  /** The primary group and every supplementary group. */
  gids: number[];
}

export function currentIdentity(): Identity | null {
  if (process.getuid === undefined || process.getgid === undefined) return null;
  const gids = new Set([process.getgid(), ...(process.getgroups?.() ?? [])]);
  return { uid: process.getuid(), gids: [...gids] };
}

/** The owner, group or other triplet of the mode: the kernel uses exactly one, the first that matches. */
export type PermissionClass = 'owner' | 'group' | 'other';

export function classFor(owner: { uid: number; gid: number }, me: Identity): PermissionClass {
  if (owner.uid === me.uid) return 'owner';
  if (me.gids.includes(owner.gid)) return 'group';
  return 'other';
}

const SHIFT: Record<PermissionClass, number> = { owner: 6, group: 3, other: 0 };

export function allows(mode: number, cls: PermissionClass, bit: 'r' | 'w' | 'x'): boolean {
  const value = { r: 4, w: 2, x: 1 }[bit];
  return ((mode >> SHIFT[cls]) & value) !== 0;
}

/** "755 (rwxr-xr-x)", "1777 (rwxrwxrwt)": the octal people type and the letters `ls -l` shows. */
export function modeText(mode: number): string {
  const bits = mode & 0o7777;
  const octal = bits.toString(8).padStart(3, '0');
  return `${octal} (${modeLetters(bits)})`;
}

/** Just the octal digits, for the short form inside a sentence. */
export function modeOctal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(3, '0');
}

function modeLetters(bits: number): string {
  const triplet = (cls: PermissionClass, special: number, on: string, off: string): string => {
    const r = allows(bits, cls, 'r') ? 'r' : '-';
    const w = allows(bits, cls, 'w') ? 'w' : '-';
    const x = allows(bits, cls, 'x');
    const s = (bits & special) !== 0;
    return r + w + (s ? (x ? on : off) : x ? 'x' : '-');
  };
  return (
    triplet('owner', 0o4000, 's', 'S') +
    triplet('group', 0o2000, 's', 'S') +
    triplet('other', 0o1000, 't', 'T')
  );
}
