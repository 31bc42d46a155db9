import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * Runs Electronegativity (@doyensec/electronegativity, pinned in
 * package.json) through its own runner over the app's electron/ and
 * renderer/ folders together: its global checks join what it finds in
 * both (a CSP in the page, the handlers in main), and report a handler as
 * missing when they see the renderer alone.
 */

/** One finding, as the tool reports it (its runner's issue objects). */
export const FindingSchema = z.object({
  id: z.string(),
  /** Relative to the scanned folder: electron/main.ts, renderer/index.html. */
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  description: z.string(),
  severity: z.object({ name: z.string() }),
  confidence: z.object({ name: z.string() }),
  manualReview: z.boolean(),
  sample: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

const ResultSchema = z.object({
  globalChecks: z.number(),
  atomicChecks: z.number(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(FindingSchema),
});
export type ScanResult = z.infer<typeof ResultSchema>;

interface RunOptions {
  input: string;
  electronVersionOverride: string;
  isRelative: boolean;
  customScan: string[];
  excludeFromScan: string[];
}

const TOOL_PACKAGE = createRequire(__filename).resolve('@doyensec/electronegativity/package.json');
const TOOL_DIR = dirname(TOOL_PACKAGE);
const toolRequire = createRequire(TOOL_PACKAGE);

/**
 * The tool's runner downloads its messages' translations from S3 on every
 * run, and an offline machine crashes it (a retry after the timeout throws
 * from a timer). Its own English messages ship in the package: this sets
 * them up the way its i18n module does, without the download, before the
 * runner loads.
 */
function useBundledMessages(): void {
  const i18n = toolRequire('i18n') as {
    configure(options: object): void;
    setLocale(locale: string): void;
  };
  const i18nModule = join(TOOL_DIR, 'dist', 'locales', 'i18n.js');
  const offline = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(TOOL_DIR, 'dist', 'locales'),
      updateFiles: false,
      objectNotation: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  toolRequire.cache[i18nModule] = {
    id: i18nModule,
    filename: i18nModule,
    loaded: true,
    exports: offline,
  } as NodeJS.Module;
}

/** The folders of the repository scanned together, copied side by side into one folder. */
export async function runElectronegativity(
  repo: string,
  folders: readonly string[],
  electronVersion: string,
  excludedChecks: readonly string[],
): Promise<ScanResult> {
  useBundledMessages();
  const run = toolRequire('./dist/runner.js') as (options: RunOptions) => Promise<unknown>;
  const scanned = mkdtempSync(join(tmpdir(), 'pip-doctor-electronegativity-'));
  try {
    for (const folder of folders)
      cpSync(join(repo, folder), join(scanned, folder), { recursive: true });
    const result = await run({
      input: scanned,
      electronVersionOverride: electronVersion,
      isRelative: true,
      customScan: [],
      excludeFromScan: excludedChecks.map((check) => check.toLowerCase()),
    });
    return ResultSchema.parse(result);
  } finally {
    rmSync(scanned, { recursive: true, force: true });
  }
}
