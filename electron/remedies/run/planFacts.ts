import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { PlatformSchema } from '../../shared/model/platform';
import { ActionRunIdSchema } from '../../shared/actionModel';
import { RemedySchema } from '../../shared/model/vocabulary';
import { ProcessRefSchema } from '../../shared/planRequest';
import { FolderRoleSchema } from '../../shared/model/diagnosis';
import type { PlanRequest } from '../../shared/planRequest';
import { StepSpecSchema } from '../planning/recipe';
import type { Recipe, SpecOf, StepKind, StepSpec } from '../planning/recipe';
import { MessageSchema } from '../../shared/model/message';
import { msg } from '../../shared/i18n/message';
import { planWords } from '../planning/planWords';

/**
 * What the journal keeps of a plan (DESIGN.md rule 10): ids and facts, never
 * a command. The journal is a file any program of the user can rewrite, so
 * Resume and Undo build their commands again with the remedies' own
 * builders from these facts, after a fresh scan has confirmed them; a
 * command in the file would be run by whoever wrote it.
 */

/** The request as the user made it, with a folder picked in main's dialog as its path (its id died with the process). */
export const RecordedRequestSchema = z
  .object({
    installId: z.string().max(64),
    packageName: z.string().max(200).optional(),
    baseInstallId: z.string().max(64).optional(),
    venvFolder: z
      .union([z.literal('project'), z.object({ pickedPath: z.string() }).strict()])
      .optional(),
    processes: z.array(ProcessRefSchema).max(256).optional(),
    folderRole: FolderRoleSchema.optional(),
    dryRunFirst: z.boolean().optional(),
  })
  .strict();
export type RecordedRequest = z.infer<typeof RecordedRequestSchema>;

const KINDS = StepSpecSchema.options.map((option) => option.shape.kind.value) as [
  StepKind,
  ...StepKind[],
];

/** The keys of a step spec that hold a command: never written, always rebuilt. */
const COMMAND_KEYS = ['run', 'restore'] as const;
type CommandKey = (typeof COMMAND_KEYS)[number];

/** A step's facts: its spec without the commands (folders, pids with start times, paths, scope). */
export type FactsOf<K extends StepKind> = Omit<SpecOf<K>, CommandKey>;
export type StepFacts = { [K in StepKind]: FactsOf<K> }[StepKind];

/**
 * The plan's words as the journal keeps them: a message id with its values,
 * formatted in whatever language the app speaks when it shows them later. An
 * older journal holds English sentences: they are shown as they were written.
 */
const RecordedWordsSchema = z.union([
  MessageSchema,
  z.string().transform((title) => msg(planWords.olderTitle, { title })),
]);

export const StepFactSchema = z
  .object({
    id: z.string(),
    /** Shown on the pending card before the plan is rebuilt; never run. */
    title: RecordedWordsSchema,
    changes: RecordedWordsSchema.nullable(),
    kind: z.enum(KINDS),
    facts: z.record(z.string(), z.json()),
  })
  .strict();
export type StepFact = z.infer<typeof StepFactSchema>;

export const PlanFactsSchema = z
  .object({
    remedy: RemedySchema,
    title: RecordedWordsSchema,
    platform: PlatformSchema,
    scanId: z.string(),
    scannedAt: z.string(),
    installId: z.string().nullable(),
    request: RecordedRequestSchema,
    /** Set when the run undoes an earlier one: its steps are rebuilt from that run's facts. */
    undoOf: ActionRunIdSchema.nullable(),
    steps: z.array(StepFactSchema),
  })
  .strict();
export type PlanFacts = z.infer<typeof PlanFactsSchema>;

function isFactKey(key: string): boolean {
  return key !== 'kind' && !(COMMAND_KEYS as readonly string[]).includes(key);
}

export function factsOfSpec(spec: StepSpec): Record<string, z.infer<ReturnType<typeof z.json>>> {
  const facts = Object.fromEntries(Object.entries(spec).filter(([key]) => isFactKey(key)));
  return z.record(z.string(), z.json()).parse(facts);
}

/** The facts of a recipe the builders made, with the request it was made for. */
export function factsOf(recipe: Recipe, request: RecordedRequest): PlanFacts {
  const { plan } = recipe;
  return {
    remedy: plan.remedy,
    title: plan.title,
    platform: recipe.platform,
    scanId: plan.scanId,
    scannedAt: recipe.scannedAt,
    installId: plan.installId,
    request,
    undoOf: plan.undoOf,
    steps: recipe.specs.map(({ stepId, spec }) => {
      const step = plan.steps.find((candidate) => candidate.id === stepId);
      return {
        id: stepId,
        title: step?.title ?? msg(planWords.olderTitle, { title: stepId }),
        changes: step?.changes ?? null,
        kind: spec.kind,
        facts: factsOfSpec(spec),
      };
    }),
  };
}

/** What the renderer's request becomes in the journal: the same ids, a picked folder by its path. */
export function recordedRequest(
  request: PlanRequest,
  pickedFolder: (id: string) => string | null,
): RecordedRequest {
  const { venvFolder, ...ids } = request;
  const rest = RecordedRequestSchema.omit({ venvFolder: true }).strip().parse(ids);
  if (venvFolder === undefined) return rest;
  if (venvFolder === 'project') return { ...rest, venvFolder };
  const pickedPath = pickedFolder(venvFolder.pickedFolderId);
  return pickedPath === null ? rest : { ...rest, venvFolder: { pickedPath } };
}

/**
 * The steps whose facts differ between what the journal says and what the
 * builders made again from a fresh scan; empty when the record holds. The
 * titles are left out: they are words (a version number may have moved).
 */
export function differingSteps(recorded: PlanFacts, rebuilt: PlanFacts): string[] {
  const differing: string[] = [];
  const count = Math.max(recorded.steps.length, rebuilt.steps.length);
  for (let index = 0; index < count; index++) {
    const was = recorded.steps[index];
    const now = rebuilt.steps[index];
    const same =
      was !== undefined &&
      now !== undefined &&
      was.id === now.id &&
      was.kind === now.kind &&
      isDeepStrictEqual(was.changes, now.changes) &&
      isDeepStrictEqual(was.facts, now.facts);
    if (!same) differing.push(was?.id ?? now?.id ?? String(index));
  }
  if (recorded.remedy !== rebuilt.remedy || recorded.installId !== rebuilt.installId)
    differing.unshift('plan');
  return differing;
}

/** The facts of one step, checked against its kind's own schema (commands stripped). */
export function parseStepFacts<K extends StepKind>(kind: K, facts: unknown): FactsOf<K> | null {
  const option = StepSpecSchema.options.find((candidate) => candidate.shape.kind.value === kind)!;
  const shape = Object.fromEntries(
    Object.entries(option.shape as Record<string, z.ZodType>).filter(
      ([key]) => key === 'kind' || isFactKey(key),
    ),
  );
  const parsed = z
    .object(shape)
    .strict()
    .safeParse({ ...(facts as object), kind });
  // The schema is the kind's own, minus its commands: what it accepts is a FactsOf<K>.
  return parsed.success ? (parsed.data as FactsOf<K>) : null;
}
