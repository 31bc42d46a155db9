import { join } from 'node:path';
import { z } from 'zod';
import { runPwsh } from '../../support/pwsh';

/**
 * What PowerShell's own parser says about a text (scriptFacts.ps1): its
 * parse errors, and the facts of its syntax tree that decide whether Windows
 * PowerShell 5.1 can run it.
 */

const SCRIPT_FACTS_PS1 = join(__dirname, 'scriptFacts.ps1');

const ElementSchema = z.union([
  z.object({ parameter: z.string(), argument: z.string().nullable(), attached: z.boolean() }),
  z.object({ value: z.string().nullable(), splatted: z.boolean() }),
]);

export const CommandFactsSchema = z.object({
  /** Null when the name is not a constant (`& $program`). */
  name: z.string().nullable(),
  invocation: z.string(),
  /** The parameters and arguments after the name, in order; a value is null when it is not a constant. */
  elements: z.array(ElementSchema),
  line: z.number(),
  text: z.string(),
});
export type CommandFacts = z.infer<typeof CommandFactsSchema>;

export const ScriptFactsSchema = z.object({
  errors: z.array(
    z.object({ message: z.string(), line: z.number(), column: z.number(), text: z.string() }),
  ),
  /** Syntax that only PowerShell 6 or later has, as scriptFacts.ps1 names it. */
  constructs: z.array(z.object({ construct: z.string(), line: z.number(), text: z.string() })),
  commands: z.array(CommandFactsSchema),
  /** Functions the text defines: calls to them are no cmdlets. */
  functions: z.array(z.string()),
  /** `[Type]::Member` uses. */
  typeMembers: z.array(
    z.object({ type: z.string(), member: z.string().nullable(), line: z.number() }),
  ),
  /** Every type named in a type literal or a cast. */
  types: z.array(z.string()),
  variables: z.array(z.string()),
});
export type ScriptFacts = z.infer<typeof ScriptFactsSchema>;

/** One pwsh run for all the texts (a pwsh start costs about a second): their facts, in order. */
export async function scriptFactsOf(
  pwsh: string,
  texts: readonly string[],
): Promise<ScriptFacts[]> {
  const run = await runPwsh(pwsh, ['-File', SCRIPT_FACTS_PS1], JSON.stringify(texts));
  if (run.exitCode !== 0) {
    throw new Error(`scriptFacts.ps1 failed (exit code ${run.exitCode}): ${run.stderr}`);
  }
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  if (lines.length !== texts.length) {
    throw new Error(
      `scriptFacts.ps1 answered ${lines.length} of ${texts.length} texts: ${run.stderr}`,
    );
  }
  return lines.map((line) => ScriptFactsSchema.parse(JSON.parse(line)));
}
