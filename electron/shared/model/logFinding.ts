import { z } from 'zod';
import { CauseSchema, ConfidenceSchema } from './vocabulary';
import { MessageSchema } from './message';

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
  /**
   * The package the user asked for, from the command they ran (`pip install
   * requests`), else pip's first `Collecting requests`, `Processing
   * ./requests-2.32.3-py3-none-any.whl` or `Installing collected packages`:
   * what a fix installs, which may differ from the dependency whose file failed.
   */
  requested: z.string().nullable(),
  /** The pip command line the log shows the user typing, as printed; null when it shows none. */
  command: z.string().nullable(),
  /** The interpreter that ran pip, when the log names it (`/opt/venv/bin/python -m pip`, pip's traceback). */
  interpreter: z.string().nullable(),
  confidence: ConfidenceSchema,
  /** Other causes the log leaves open, most likely first. */
  alternatives: z.array(CauseSchema),
  /** The log lines that decided it, trimmed. */
  evidence: z.array(z.string()),
  /** One or two sentences a non-expert understands, in the user's language (an id and its values). */
  summary: MessageSchema,
});
export type LogFinding = z.infer<typeof LogFindingSchema>;
