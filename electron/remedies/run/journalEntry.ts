import { z } from 'zod';
import { MessageSchema } from '../../shared/model/message';
import {
  ActionOutcomeSchema,
  StepItemSchema,
  StepReportSchema,
  StepStatusSchema,
  VerificationSchema,
} from '../../shared/actionModel';
import { recordedText } from '../steps/stepWords';
import { RerunStatusSchema } from '../../shared/rerunModel';
import { PlanFactsSchema } from './planFacts';

/**
 * One line of the action journal. Every entry names its run; together they
 * tell, after any crash, what was planned (as facts: planFacts.ts), which
 * step was about to run (intent), how each step that ran ended (result),
 * and how the action ended.
 */

const base = { v: z.literal(1), at: z.string(), runId: z.string() };

/** What a step records for its undo or for the steps after it; each step kind reads its own shape. */
export const StepDataSchema = z.json();
export type StepData = z.infer<typeof StepDataSchema>;

/** Words of a step: a Message; English text in lines written before the app was translated (issue #17). */
const RecordedWordsSchema = z.union([MessageSchema, z.string().transform(recordedText)]);
const RecordedItemSchema = StepItemSchema.extend({
  label: RecordedWordsSchema,
  detail: RecordedWordsSchema,
});
const RecordedReportSchema = StepReportSchema.extend({
  detail: RecordedWordsSchema,
  items: z.array(RecordedItemSchema),
});

export const JournalEntrySchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('planned'), facts: PlanFactsSchema }),
  z.object({
    ...base,
    type: z.literal('step-intent'),
    stepId: z.string(),
    attempt: z.number().int().positive(),
    /** Facts read before the change (did the folder exist, what was installed): the undo needs them. */
    data: StepDataSchema,
  }),
  z.object({
    ...base,
    type: z.literal('step-result'),
    stepId: z.string(),
    attempt: z.number().int().positive(),
    status: StepStatusSchema,
    detail: RecordedWordsSchema,
    output: z.string(),
    items: z.array(RecordedItemSchema),
    data: StepDataSchema,
  }),
  z.object({
    ...base,
    type: z.literal('consent'),
    stepId: z.string(),
    agreed: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal('finished'),
    // Lines written before the app was translated (issue #17) hold the summary in English.
    outcome: ActionOutcomeSchema.extend({
      summary: z.union([MessageSchema, z.string()]),
      steps: z.array(RecordedReportSchema),
      verification: VerificationSchema.extend({ detail: RecordedWordsSchema }),
    }),
  }),
  /** The user said it needs nothing more: the app stops offering it. */
  z.object({ ...base, type: z.literal('resolved') }),
  /** The user's install, run again after this run's fix: its facts, never its command. */
  z.object({
    ...base,
    type: z.literal('install-again'),
    packageName: z.string().max(200),
    /** A Message; a string in lines written before the app was translated (issue #17). */
    where: z.union([MessageSchema, z.string()]),
    status: RerunStatusSchema,
    exitCode: z.number().int().nullable(),
  }),
]);
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Omit applied to each member of a union, so the discriminant survives. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An entry before the journal stamps it with its version and time. */
export type NewJournalEntry = OmitEach<JournalEntry, 'v' | 'at'>;

/**
 * A `planned` line written before the journal kept facts only: it carries
 * the commands themselves. Read so the app can say what it was, never run:
 * nothing in it can be checked against the builders.
 */
export const LegacyPlannedEntrySchema = z.object({
  ...base,
  type: z.literal('planned'),
  recipe: z.object({ plan: z.object({ title: z.string() }) }),
});

/** What reading the journal yields: its entries, and old plans known only by their title. */
export type JournalLine =
  JournalEntry | { v: 1; at: string; runId: string; type: 'legacy-planned'; title: string };
