import { z } from 'zod';
import { CauseSchema, ConfidenceSchema } from './vocabulary';

/** What the pip-log classifier concludes from one pasted log or log file. */
export const LogFindingSchema = z.object({
  category: CauseSchema,
  /** `WinError 5`, `Errno 13`, … as printed, or null when the log names no OS error. */
  code: z.string().nullable(),
  /** The first path the decisive error names, repr() escaping undone. */
  path: z.string().nullable(),
  /** The second path of an `a -> b` error. */
  secondPath: z.string().nullable(),
  /** Distribution owning the failing file, else the requested one; `pip` for a self-upgrade. */
  package: z.string().nullable(),
  confidence: ConfidenceSchema,
  /** Other causes the log leaves open, most likely first. */
  alternatives: z.array(CauseSchema),
  /** The log lines that decided it, trimmed. */
  evidence: z.array(z.string()),
  /** One or two sentences a non-expert understands. */
  summary: z.string(),
});
export type LogFinding = z.infer<typeof LogFindingSchema>;
