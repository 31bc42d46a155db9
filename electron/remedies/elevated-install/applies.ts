import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { elevatedInstallCommands } from './commands';

export function adviseElevatedInstall(facts: RemedyFacts): Advice {
  return {
    reason:
      facts.os.administrator === 'administrator'
        ? 'Runs pip as administrator. It works, but every later install and upgrade needs administrator rights again.'
        : 'Runs pip as root. It works, but it mixes pip files with the ones your system manages; prefer a virtual environment.',
    commands: elevatedInstallCommands(facts),
    applicable: !facts.target.externallyManaged && facts.blocked !== null,
  };
}

export function whyNotElevatedInstall({ target }: RemedyFacts): string {
  return target.externallyManaged
    ? 'Running pip as root here would change files your operating system manages and can break it.'
    : 'pip can already write where it installs; administrator rights would change nothing.';
}
