import type { Verification } from '../../shared/actionModel';
import type { CheckKind, CheckOf, VerifySpec } from '../planning/recipe';
import type { CheckResult, VerifyContext } from './checkContext';
import { msg } from '../../shared/i18n/message';
import { sentences } from '../steps/stepWords';
import { checkWords } from './checkWords';
import { CHECK_KINDS } from './checkKinds';

export type { CheckResult, VerifyContext } from './checkContext';

/**
 * A fresh look at what the action changed; every check runs, and all must
 * pass. `onlyHeld`: what failed is only that programs hold files, which a
 * sign-out or restart releases.
 */
export async function verifyAction(
  checks: readonly VerifySpec[],
  ctx: VerifyContext,
): Promise<{ verification: Verification; onlyHeld: boolean }> {
  if (checks.length === 0) {
    return {
      verification: { ok: null, detail: msg(checkWords.nothingToCheck) },
      onlyHeld: false,
    };
  }
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(check, ctx));
  const failed = results.filter((result) => !result.ok);
  return {
    verification: {
      ok: failed.length === 0,
      detail: sentences(...results.map((result) => result.detail)),
    },
    onlyHeld: failed.length > 0 && failed.every((result) => result.held === true),
  };
}

export function runCheck<K extends CheckKind>(
  check: CheckOf<K>,
  ctx: VerifyContext,
): Promise<CheckResult> {
  return CHECK_KINDS[check.kind as K](check, ctx);
}
