import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { runPwsh } from '../../support/pwsh';

/**
 * Command lines run the way a user pastes them into PowerShell, with a tiny
 * program standing in for python.exe, icacls.exe and the rest: it logs, as
 * hex of the exact bytes, every argument it received and the environment
 * variables a command may set, so a test can check that each arrived
 * byte-exact.
 */

const RUN_LINES_PS1 = join(__dirname, 'runLines.ps1');

/** Variables the printer reports: the temp folders, and any the test names PD_*. */
const PRINTER_SOURCE = `#!/usr/bin/python3
import json, os, sys
record = {
    "case": os.environ.get("PIP_DOCTOR_CASE"),
    "program": os.fsencode(sys.argv[0]).hex(),
    "argv": [os.fsencode(arg).hex() for arg in sys.argv[1:]],
    "env": {name: os.fsencode(value).hex() for name, value in os.environ.items()
            if name.startswith("PD_") or name in ("TMP", "TEMP")},
}
with open(os.environ["PIP_DOCTOR_ARGV_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(record) + "\\n")
`;

/** Writes the argv printer at `path` (any name: it runs by its shebang). */
export function writeArgvPrinter(path: string): string {
  writeFileSync(path, PRINTER_SOURCE, 'utf8');
  chmodSync(path, 0o755);
  return path;
}

export const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
export const unhex = (bytes: string) => Buffer.from(bytes, 'hex').toString('utf8');

const RecordSchema = z.object({
  case: z.string().nullable(),
  program: z.string(),
  argv: z.array(z.string()),
  env: z.record(z.string(), z.string()),
});

/** What the printer received, decoded (byte-exactness is checked on the hex before decoding). */
export interface PrinterRecord {
  program: string;
  argvHex: string[];
  argv: string[];
  envHex: Record<string, string>;
}

const AnswerSchema = z.object({
  case: z.number(),
  parseError: z.string().nullable(),
  errors: z.array(z.string()),
});

export interface LineResult {
  line: string;
  parseError: string | null;
  errors: string[];
  /** Every printer run the line started, in order. */
  runs: PrinterRecord[];
}

export type ArgumentPassing = 'Standard' | 'Legacy';

/** Runs every line in one pwsh process, each as its own script block, in order. */
export async function runPastedLines(
  pwsh: string,
  passing: ArgumentPassing,
  lines: readonly string[],
  scratch: string,
): Promise<LineResult[]> {
  mkdirSync(scratch, { recursive: true });
  const log = join(scratch, `argv-${passing}-${Date.now()}.jsonl`);
  const run = await runPwsh(pwsh, ['-File', RUN_LINES_PS1], JSON.stringify({ passing, lines }), {
    ...process.env,
    PIP_DOCTOR_ARGV_LOG: log,
  });
  const answers = run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => AnswerSchema.parse(JSON.parse(line)));
  if (run.exitCode !== 0 || answers.length !== lines.length) {
    throw new Error(
      `runLines.ps1 answered ${answers.length} of ${lines.length} lines (exit code ${run.exitCode}): ${run.stderr}`,
    );
  }
  const records = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => RecordSchema.parse(JSON.parse(line)))
    : [];
  return answers.map((answer, index) => ({
    line: lines[index]!,
    parseError: answer.parseError,
    errors: answer.errors,
    runs: records
      .filter((record) => record.case === String(index))
      .map((record) => ({
        program: unhex(record.program),
        argvHex: record.argv,
        argv: record.argv.map(unhex),
        envHex: record.env,
      })),
  }));
}
