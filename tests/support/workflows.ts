import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * The GitHub Actions workflows, read as data. Some checks cannot run on the
 * offline Linux machines (installers, the real Windows); tests that leave
 * them to a workflow assert that the workflow really does them, so the hand-off
 * cannot quietly disappear.
 */
export const WORKFLOWS = join(__dirname, '..', '..', '.github', 'workflows');

const StepSchema = z.object({
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const JobSchema = z.object({
  'runs-on': z.string(),
  strategy: z
    .object({ matrix: z.object({ include: z.array(z.record(z.string(), z.string())) }) })
    .optional(),
  steps: z.array(StepSchema),
});

const WorkflowSchema = z.object({ jobs: z.record(z.string(), JobSchema) });

export type Workflow = z.infer<typeof WorkflowSchema>;
export type WorkflowJob = z.infer<typeof JobSchema>;
export type WorkflowStep = z.infer<typeof StepSchema>;

/** A workflow by file name (`readWorkflow('release.yml')`), or by absolute path. */
export function readWorkflow(file: string): Workflow {
  const path = isAbsolute(file) ? file : join(WORKFLOWS, file);
  return WorkflowSchema.parse(parseYaml(readFileSync(path, 'utf8')));
}
