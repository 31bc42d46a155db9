import { REMEDIES } from '../registry';
import type { PlanContext } from './planContext';
import type { Recipe } from './recipe';
import { UserFacingError } from '../../shared/userFacingError';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';

/**
 * The plan of the remedy the request names, built by that remedy.
 * `use-python-m-pip` and `pipx-or-venv` are advice about what to type (and
 * pipx is the user's own tool to install): the app shows their commands
 * rather than running them.
 */
export async function buildRecipe(ctx: PlanContext): Promise<Recipe> {
  const builder = REMEDIES[ctx.request.remedy].plan;
  if (builder === null) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.plan.recipeOnly',
          defaultMessage:
            'This fix is a way of typing pip commands; copy the commands shown with it. There is nothing for Pip Doctor to run.',
        }),
      ),
      `no action for remedy ${ctx.request.remedy}`,
    );
  }
  return builder(ctx);
}
