import { currentOwners } from '../../platform/posix/foreignOwners';
import { probeWritable } from '../../platform/writeProbe';
import type { CheckRunner } from '../checks/checkContext';
import type { VerifySpec } from '../planning/recipe';
import { RecordedOwnersSchema } from './specs';

/** ACL systems: the folder can be written. */
export function aclGrantChecks(folder: string): VerifySpec[] {
  return [{ kind: 'writable', folder }];
}

/** Owner systems: every recorded file is the user's, and the folder can be written. */
export function handBackChecks(recordStepId: string, uid: number, folder: string): VerifySpec[] {
  return [
    { kind: 'owned-by', recordStepId, uid },
    { kind: 'writable', folder },
  ];
}

export const checkWritable: CheckRunner<'writable'> = async (check) => {
  const probe = await probeWritable(check.folder);
  return probe.writable === true
    ? { ok: true, detail: `You can write to ${check.folder} now.` }
    : {
        ok: false,
        detail: `${check.folder} is still not writable (${probe.errorCode ?? 'unknown'}).`,
      };
};

export const checkOwnedBy: CheckRunner<'owned-by'> = async (check, ctx) => {
  const recorded = RecordedOwnersSchema.safeParse(ctx.recordOf(check.recordStepId)?.data);
  if (!recorded.success)
    return { ok: false, detail: 'The recorded owners are missing from the journal.' };
  const now = await currentOwners(recorded.data.entries.map((entry) => entry.path));
  const others = now.filter((entry) => entry.uid !== check.uid);
  return others.length === 0
    ? { ok: true, detail: `All ${now.length} files are yours now.` }
    : {
        ok: false,
        detail: `${others.length} files still belong to someone else, e.g. ${others[0]!.path}.`,
      };
};
