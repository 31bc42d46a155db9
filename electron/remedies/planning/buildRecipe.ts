import type { RemedyId } from '../../shared/model/vocabulary';
import { ActionError } from '../run/actionError';
import type { Recipe } from './recipe';
import { closeProcessesPlan } from '../close-processes/plan';
import { elevatedInstallPlan } from '../elevated-install/plan';
import { enableLongPathsPlan } from '../enable-long-paths/plan';
import { grantAccessPlan } from '../grant-access/plan';
import type { PlanContext } from './planContext';
import { repairInstallPlan } from '../repair-install/plan';
import { restartPlan } from '../restart/plan';
import { upgradePipPlan } from '../upgrade-pip/plan';
import { userInstallPlan } from '../user-install/plan';
import { venvPlan } from '../venv/plan';

type Builder = (ctx: PlanContext) => Recipe | Promise<Recipe>;

/**
 * The remedy a plan carries out. `use-python-m-pip` and `pipx-or-venv` are
 * advice about what to type (and pipx is the user's own tool to install);
 * the app shows their commands rather than running them.
 */
const BUILDERS: { readonly [R in RemedyId]: Builder | null } = {
  venv: venvPlan,
  'user-install': userInstallPlan,
  'close-processes': closeProcessesPlan,
  'elevated-install': elevatedInstallPlan,
  'grant-access': grantAccessPlan,
  'upgrade-pip': upgradePipPlan,
  'enable-long-paths': enableLongPathsPlan,
  'use-python-m-pip': null,
  'pipx-or-venv': null,
  'repair-install': repairInstallPlan,
  restart: restartPlan,
};

export async function buildRecipe(ctx: PlanContext): Promise<Recipe> {
  const builder = BUILDERS[ctx.request.remedy];
  if (builder === null) {
    throw new ActionError(
      'This fix is a way of typing pip commands; copy the commands shown with it. There is nothing for Pip Doctor to run.',
      `no action for remedy ${ctx.request.remedy}`,
    );
  }
  return builder(ctx);
}
