import { currentOwners } from '../../platform/posix/foreignOwners';
import { probeWritable } from '../../platform/writeProbe';
import type { CheckRunner } from '../checks/checkContext';
import type { VerifySpec } from '../planning/recipe';
import { msg } from '../../shared/i18n/message';
import { checkWords } from '../checks/checkWords';
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
    ? { ok: true, detail: msg(checkWords.writable, { folder: check.folder }) }
    : {
        ok: false,
        detail: msg(checkWords.notWritable, {
          folder: check.folder,
          code: probe.errorCode ?? 'unknown',
        }),
      };
};

export const checkOwnedBy: CheckRunner<'owned-by'> = async (check, ctx) => {
  const recorded = RecordedOwnersSchema.safeParse(ctx.recordOf(check.recordStepId)?.data);
  if (!recorded.success) return { ok: false, detail: msg(checkWords.ownersMissing) };
  const now = await currentOwners(recorded.data.entries.map((entry) => entry.path));
  const others = now.filter((entry) => entry.uid !== check.uid);
  return others.length === 0
    ? { ok: true, detail: msg(checkWords.allOwned, { count: now.length }) }
    : {
        ok: false,
        detail: msg(checkWords.othersOwn, { count: others.length, path: others[0]!.path }),
      };
};
