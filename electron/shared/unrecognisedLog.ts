// Its own module, with only a type import: the renderer uses it, and importing the schema
// module would ship zod in the first screen's JS (+28 KB gzip, npm run bench first-render).
import type { LogFinding } from './model/logFinding';

/**
 * Text in which nothing matched a pip error at all (a shopping list, half a
 * traceback): "not a permission problem" would claim a pip error was read.
 * The classifier's `nothing-matched` verdict, the only one with no error
 * code and no evidence line.
 */
export function isUnrecognisedLog(finding: LogFinding): boolean {
  return (
    finding.category === 'not-permission' && finding.code === null && finding.evidence.length === 0
  );
}
