import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { enableLongPathsCommands } from './commands';

export function adviseEnableLongPaths({ os, settings }: RemedyFacts): Advice {
  const alreadyOn = settings?.longPathsEnabled === true;
  return {
    reason:
      'Windows limits paths to 260 characters unless long paths are enabled (needs administrator rights once).',
    commands: enableLongPathsCommands(),
    applicable: os.pathLengthLimit !== null && !alreadyOn,
  };
}

export function whyNotEnableLongPaths({ os }: RemedyFacts): string {
  return os.pathLengthLimit !== null
    ? 'Long paths are already enabled on this computer.'
    : 'Only Windows limits paths to 260 characters.';
}
