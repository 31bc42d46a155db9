import { z } from 'zod';
import { FolderRoleSchema } from './model/diagnosis';
import { RemedySchema } from './model/vocabulary';

/**
 * What the renderer may ask for when it wants a plan (DESIGN.md rule 2):
 * ids from the latest scan and a package name, never a path or a command.
 * Strict, so a request that smuggles a `command` or a `path` is refused
 * rather than ignored. No Node imports: the IPC contract uses it.
 */

/** A process as the scan showed it: pids are reused, the start time tells two apart. */
export const ProcessRefSchema = z
  .object({ pid: z.number().int().positive(), startTime: z.string().max(40) })
  .strict();

/** Where a virtual environment goes: the project's `.venv`, or a folder picked in main's dialog. */
export const VenvFolderChoiceSchema = z.union([
  z.literal('project'),
  z.object({ pickedFolderId: z.string().regex(/^folder-[0-9a-f]{16}$/) }).strict(),
]);

export const PlanRequestSchema = z
  .object({
    scanId: z.string().max(64),
    remedy: RemedySchema,
    installId: z.string().max(64),
    /** Checked against PEP 508's name rule before it goes near a command line. */
    packageName: z.string().max(200).optional(),
    /** venv: another install of the same scan to base it on (default: installId). */
    baseInstallId: z.string().max(64).optional(),
    venvFolder: VenvFolderChoiceSchema.optional(),
    /** close-processes: a subset of the scan's processes (default: every holder of the install). */
    processes: z.array(ProcessRefSchema).max(256).optional(),
    /** grant-access: which of the install's folders (default: the first one pip cannot write). */
    folderRole: FolderRoleSchema.optional(),
    /** Run `pip install --dry-run` before the real install. */
    dryRunFirst: z.boolean().optional(),
  })
  .strict();
export type PlanRequest = z.infer<typeof PlanRequestSchema>;
