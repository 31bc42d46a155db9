import type { HolderChoice } from '../../../electron/shared/contract';
import type { Message } from '../../../electron/shared/i18n/message';

/** One program as the user knows it: a holder and the holders it started (a venv launcher and its kernel). */
export interface HolderGroup {
  name: Message;
  /** The first is the one that started the others. */
  members: HolderChoice[];
  sameUser: boolean;
}

/**
 * The holders as programs: a holder started by another listed holder goes
 * with it, so a launcher and its kernel are ticked, counted and closed
 * together instead of reading the same twice apart from the pid.
 */
export function holderGroups(holders: readonly HolderChoice[]): HolderGroup[] {
  const byPid = new Map(holders.map((holder) => [holder.pid, holder]));
  const rootOf = (holder: HolderChoice): HolderChoice => {
    const seen = new Set<number>();
    let at = holder;
    while (at.parentPid !== null && byPid.has(at.parentPid) && !seen.has(at.pid)) {
      seen.add(at.pid);
      at = byPid.get(at.parentPid)!;
    }
    return at;
  };
  const groups = new Map<number, HolderChoice[]>();
  for (const holder of holders) {
    const root = rootOf(holder);
    groups.set(root.pid, [...(groups.get(root.pid) ?? []), holder]);
  }
  return [...groups.entries()].map(([rootPid, members]) => {
    const root = byPid.get(rootPid)!;
    return {
      name: root.name,
      members: [root, ...members.filter((member) => member !== root)],
      sameUser: members.every((member) => member.sameUser),
    };
  });
}

/** The groups the user left ticked (a group is ticked while none of its pids is unticked). */
export function tickedGroups(
  groups: readonly HolderGroup[],
  unticked: readonly number[],
): HolderGroup[] {
  return groups.filter((group) => group.members.every((member) => !unticked.includes(member.pid)));
}
