import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CauseSchema, ConfidenceSchema } from '../../../../electron/shared/model/vocabulary';
import { REPO } from '../../../support/repoPaths';

export const REPO_ROOT = REPO;
export const SAMPLES_COPY = join(
  REPO_ROOT,
  'tests',
  'fixtures',
  'pip-logs',
  'shared-samples.jsonl',
);
export const SAMPLES_ORIGINAL = join(REPO_ROOT, '..', 'shared', 'samples', 'pip-logs.jsonl');

/** One line of shared/samples/pip-logs.jsonl (fields as its README describes them). */
export const SampleSchema = z.object({
  id: z.string(),
  source: z.string(),
  os: z.enum(['windows', 'macos', 'linux', 'unknown']),
  log: z.string(),
  category: CauseSchema,
  path: z.string().nullable(),
  package: z.string().nullable(),
  fix_that_worked: z.string().nullable(),
  confidence: ConfidenceSchema,
});
export type Sample = z.infer<typeof SampleSchema>;

/** The labelled real logs, from the copy kept in this repository. */
export function loadSamples(): Sample[] {
  return readFileSync(SAMPLES_COPY, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => SampleSchema.parse(JSON.parse(line)));
}
