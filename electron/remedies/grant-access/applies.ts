import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { grantAccessCommands } from './commands';

/**
 * Only where pip cannot write. On an ACL system the user's account can be
 * granted access (the least recommended fix); on an owner system only
 * folders in the user's own home are handed back: system folders stay root's.
 */
export function adviseGrantAccess(facts: RemedyFacts): Advice | null {
  const { blocked, os } = facts;
  if (!blocked) return null;
  const commands = grantAccessCommands(os, blocked);
  if (os.grantModel === 'acl') {
    return {
      reason: `Gives your account the right to change ${blocked.path}. The least recommended fix: it weakens the protection of a folder shared by every user.`,
      commands,
      applicable: true,
    };
  }
  const home = facts.projectDir.match(/^\/(?:home|Users)\/[^/]+/)?.[0] ?? process.env.HOME ?? '';
  const inHome = home !== '' && blocked.path.startsWith(`${home}/`);
  return {
    reason: inHome
      ? `${blocked.path} is in your own home folder but root owns files in it (left by an earlier sudo pip); hand them back to you.`
      : `${blocked.path} belongs to the system; changing its owner would break what your package manager expects.`,
    commands,
    applicable: inHome,
  };
}
