import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { elevatedInstallCommands } from './commands';

/** A user who is no administrator can only do this with an administrator's password. */
function needsSomeoneElse({ settings }: RemedyFacts): string {
  return settings?.canElevate === false
    ? ' You are not an administrator: someone who is must type their password.'
    : '';
}

export function adviseElevatedInstall(facts: RemedyFacts): Advice {
  return {
    reason:
      facts.os.administrator === 'administrator'
        ? `Runs pip as administrator. It works, but every later install and upgrade needs administrator rights again.${needsSomeoneElse(facts)}`
        : 'Runs pip as root. It works, but it mixes pip files with the ones your system manages; prefer a virtual environment.',
    commands: elevatedInstallCommands(facts),
    applicable:
      !facts.target.externallyManaged &&
      facts.blocked !== null &&
      // Root in the user's own tree only leaves more files the user cannot change.
      facts.blocked.reclaim === null &&
      !facts.blocked.readOnlyFileSystem,
  };
}

export function whyNotElevatedInstall({ target, blocked }: RemedyFacts): string {
  if (target.externallyManaged)
    return 'Running pip as root here would change files your operating system manages and can break it.';
  if (blocked?.readOnlyFileSystem)
    return `${blocked.path} is on a read-only file system: administrator rights cannot make it writable.`;
  if (blocked?.reclaim)
    return `${blocked.reclaim} is your own folder: pip as root would only leave more files there that you cannot change. Take it back instead.`;
  return 'pip can already write where it installs; administrator rights would change nothing.';
}
