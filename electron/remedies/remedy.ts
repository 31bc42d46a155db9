import type { RemedyAdvisor } from '../engine/recommend/remedyFacts';
import type { RemedyId } from '../shared/model/vocabulary';
import type { PlanContext } from './planning/planContext';
import type { Recipe } from './planning/recipe';

/** Builds the plan of a fix from the latest scan and the user's choices (DESIGN.md rule 6). */
export type PlanBuilder = (ctx: PlanContext) => Recipe | Promise<Recipe>;

/**
 * One remedy, whole: when it applies and why (applies.ts), its commands
 * (commands.ts), its words (words.ts) and, where Pip Doctor can carry it
 * out, its plan (plan.ts). Its own step kinds, their undo and its checks
 * are registered in steps/stepKinds.ts and checks/checkKinds.ts.
 */
export interface Remedy<R extends RemedyId = RemedyId> extends RemedyAdvisor {
  id: R;
  /** null: advice about what to type; there is nothing for the app to run. */
  plan: PlanBuilder | null;
}
