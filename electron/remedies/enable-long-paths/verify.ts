import type { ElevatedRun } from '../../platform/elevation';
import { runPlanned } from '../../platform/runElevated';
import { parseLongPathsQuery } from '../../platform/windows/longPaths';
import type { CheckRunner } from '../checks/checkContext';
import { msg } from '../../shared/i18n/message';
import { checkWords } from '../checks/checkWords';
import type { VerifySpec } from '../planning/recipe';

/** What proves long paths are on: Windows reads the value back as 1. */
export function enableLongPathsChecks(read: ElevatedRun): VerifySpec[] {
  return [{ kind: 'long-paths-on', run: read }];
}

export const checkLongPathsOn: CheckRunner<'long-paths-on'> = async (check, ctx) => {
  const result = await runPlanned(check.run, ctx.stepContext);
  const value =
    result.kind === 'ran' ? parseLongPathsQuery(result.exitCode, result.stdout) : undefined;
  return value === 1
    ? { ok: true, detail: msg(checkWords.longPathsOn) }
    : {
        ok: false,
        detail:
          value === undefined
            ? msg(checkWords.longPathsUnexpected)
            : msg(checkWords.longPathsValue, { value: String(value) }),
      };
};
