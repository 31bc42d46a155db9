import type { Advice } from '../../engine/recommend/remedyFacts';

/** Nothing to type: signing out or restarting releases every handle a program holds. */
export function adviseRestart(): Advice {
  return {
    reason:
      'If the files stay held, signing out or restarting releases every handle; then run pip again before opening your editor.',
    commands: [],
    applicable: true,
  };
}
