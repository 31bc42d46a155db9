import { defineMessages } from '@formatjs/intl';
import { msg } from './i18n/message';
import type { Message } from './i18n/message';
import type { LogFinding } from './model/logFinding';
import { normalizePackageName } from './packageName';

/**
 * What the user ran, for "You ran: …": the pip command as the log shows it,
 * else the `pip install requests` that pip's first `Collecting requests`
 * answers; null when the log shows neither (or only pip upgrading itself,
 * which is no install of the user's).
 */
export function commandYouRan(log: LogFinding | null): string | null {
  if (!log) return null;
  if (log.command !== null) return log.command;
  if (log.requested === null || normalizePackageName(log.requested) === 'pip') return null;
  return `pip install ${log.requested}`;
}

const owners = defineMessages({
  package: {
    id: 'ui.belongsTo.package',
    defaultMessage: '{package}',
    description:
      'Beside "Belongs to": the package whose file pip failed on; {package} is its name (never translated)',
  },
  dependency: {
    id: 'ui.belongsTo.dependency',
    defaultMessage: '{package}, which {requested} needs',
    description:
      'Beside "Belongs to": the file pip failed on belongs to {package}, a dependency of the package the user asked for, {requested}. Both are package names',
  },
});

/**
 * Whose file pip failed on, as evidence: "charset-normalizer, which requests
 * needs" when it is a dependency of the package asked for, else the package
 * alone; null when the log names none.
 */
export function failingFileOwner(log: LogFinding | null): Message | null {
  // Only a file can belong to a package: a PEP 668 refusal names no file ("Belongs to: the package" misleads).
  if (!log?.package || log.path === null) return null;
  return isDependency(log) && log.requested !== null
    ? msg(owners.dependency, { package: log.package, requested: log.requested })
    : msg(owners.package, { package: log.package });
}

/** The file pip failed on belongs to another package than the one the user asked for. */
export function isDependency(log: LogFinding): boolean {
  return (
    log.package !== null &&
    log.requested !== null &&
    normalizePackageName(log.package) !== normalizePackageName(log.requested)
  );
}
