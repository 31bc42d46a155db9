import { z } from 'zod';
import { ActionPlanSchema } from '../../shared/actionModel';
import { PlatformSchema } from '../../shared/model/platform';
import {
  ImportsCheckSchema,
  PathsGoneCheckSchema,
  PipRunsCheckSchema,
  UnheldCheckSchema,
} from '../checks/specs';
import { CloseByForceSpecSchema, CloseGracefullySpecSchema } from '../close-processes/specs';
import {
  LongPathsOnCheckSchema,
  ReadLongPathsSpecSchema,
  SetLongPathsSpecSchema,
} from '../enable-long-paths/specs';
import {
  ChownSpecSchema,
  GrantAclSpecSchema,
  OwnedByCheckSchema,
  RecordOwnersSpecSchema,
  WritableCheckSchema,
} from '../grant-access/specs';
import { CheckUnheldSpecSchema, RemovePathsSpecSchema } from '../repair-install/specs';
import { AwaitRestartSpecSchema } from '../restart/specs';
import { CommandSpecSchema, PipInstallSpecSchema } from '../steps/specs';
import { UserPathSpecSchema } from '../user-install/specs';
import { CreateVenvSpecSchema, RemoveVenvSpecSchema } from '../venv/specs';

/**
 * What main keeps of a plan to run it: the plan the user saw, and for each of
 * its steps the exact work behind it. It lives in memory only, the one
 * object that is shown and then run; the journal gets its facts
 * (run/planFacts.ts), and Resume and Undo build a new one from them. Each
 * step kind and check kind is defined by the remedy that owns it (specs.ts).
 */

export const StepSpecSchema = z.discriminatedUnion('kind', [
  CommandSpecSchema,
  PipInstallSpecSchema,
  CreateVenvSpecSchema,
  RemoveVenvSpecSchema,
  UserPathSpecSchema,
  GrantAclSpecSchema,
  RecordOwnersSpecSchema,
  ChownSpecSchema,
  ReadLongPathsSpecSchema,
  SetLongPathsSpecSchema,
  CloseGracefullySpecSchema,
  CloseByForceSpecSchema,
  CheckUnheldSpecSchema,
  RemovePathsSpecSchema,
  AwaitRestartSpecSchema,
]);
export type StepSpec = z.infer<typeof StepSpecSchema>;
export type StepKind = StepSpec['kind'];
export type SpecOf<K extends StepKind> = Extract<StepSpec, { kind: K }>;

export const VerifySpecSchema = z.discriminatedUnion('kind', [
  ImportsCheckSchema,
  UnheldCheckSchema,
  PipRunsCheckSchema,
  PathsGoneCheckSchema,
  WritableCheckSchema,
  OwnedByCheckSchema,
  LongPathsOnCheckSchema,
]);
export type VerifySpec = z.infer<typeof VerifySpecSchema>;
export type CheckKind = VerifySpec['kind'];
export type CheckOf<K extends CheckKind> = Extract<VerifySpec, { kind: K }>;

export const RecipeSchema = z.object({
  plan: ActionPlanSchema,
  platform: PlatformSchema,
  /** In the order of plan.steps, with the same ids. */
  specs: z.array(z.object({ stepId: z.string(), spec: StepSpecSchema })),
  verify: z.array(VerifySpecSchema),
  /** When the scan behind it was taken; the run refuses a plan from an old scan. */
  scannedAt: z.string(),
});
export type Recipe = z.infer<typeof RecipeSchema>;
