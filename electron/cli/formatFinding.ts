import { defineMessages } from '@formatjs/intl';
import type { Translator } from '../engine/i18n/translator';
import { msg } from '../shared/i18n/message';
import { isUnrecognisedLog } from '../shared/unrecognisedLog';
import type { LogFinding } from '../shared/model/logFinding';

const CAUSE_TITLES = defineMessages({
  permission: {
    id: 'cli.cause.permission',
    defaultMessage: 'Permission: the folder needs administrator or root rights',
  },
  lock: { id: 'cli.cause.lock', defaultMessage: 'Locked: a running program holds the file' },
  'self-upgrade-lock': {
    id: 'cli.cause.selfUpgradeLock',
    defaultMessage: 'pip tried to replace its own running pip.exe',
  },
  'store-python': {
    id: 'cli.cause.storePython',
    defaultMessage: "Microsoft Store Python's read-only folder",
  },
  pep668: { id: 'cli.cause.pep668', defaultMessage: 'Externally managed Python (PEP 668)' },
  'long-path': { id: 'cli.cause.longPath', defaultMessage: 'Path longer than Windows allows' },
  'temp-dir': { id: 'cli.cause.tempDir', defaultMessage: "A problem with pip's temporary files" },
  antivirus: { id: 'cli.cause.antivirus', defaultMessage: 'A virus scanner got in the way' },
  'not-permission': { id: 'cli.cause.notPermission', defaultMessage: 'Not a permission problem' },
});

const words = defineMessages({
  unrecognised: {
    id: 'cli.finding.unrecognised',
    defaultMessage: 'Not recognised: no pip error found',
  },
  confidence: {
    id: 'cli.finding.confidence',
    defaultMessage:
      '{confidence, select, high {high confidence} medium {medium confidence} other {low confidence}}',
    description: 'After the cause title, in brackets with the cause id: "(lock, high confidence)"',
  },
  error: { id: 'cli.finding.error', defaultMessage: 'Error:' },
  path: { id: 'cli.finding.path', defaultMessage: 'Path:' },
  then: {
    id: 'cli.finding.then',
    defaultMessage: 'Then:',
    description: 'The second path of "a -> b"',
  },
  package: { id: 'cli.finding.package', defaultMessage: 'Package:' },
  alsoPossible: { id: 'cli.finding.alsoPossible', defaultMessage: 'Also possible: {causes}' },
  evidence: { id: 'cli.finding.evidence', defaultMessage: 'Evidence:' },
});

/** The human report for one log, as a terminal shows it, in the terminal's language. */
export function formatFinding(label: string, finding: LogFinding, t: Translator): string {
  const mark = finding.category === 'not-permission' ? '•' : '✗';
  const title = isUnrecognisedLog(finding)
    ? t.text(msg(words.unrecognised))
    : t.text(msg(CAUSE_TITLES[finding.category]));
  const confidence = t.text(msg(words.confidence, { confidence: finding.confidence }));
  // Labels are padded to one column by their length in this language, not English's.
  const field = (label: Parameters<typeof msg>[0], value: string) => {
    const name = t.text(msg(label));
    return `    ${name.padEnd(9)} ${value}`;
  };
  const lines = [
    `${label}`,
    `  ${mark} ${title} (${finding.category}, ${confidence})`,
    `    ${t.text(finding.summary)}`,
  ];
  if (finding.code) lines.push(field(words.error, finding.code));
  if (finding.path) lines.push(field(words.path, finding.path));
  if (finding.secondPath) lines.push(field(words.then, finding.secondPath));
  if (finding.package) lines.push(field(words.package, finding.package));
  if (finding.alternatives.length > 0)
    lines.push(
      `    ${t.text(msg(words.alsoPossible, { causes: finding.alternatives.join(', ') }))}`,
    );
  if (finding.evidence.length > 0) {
    lines.push(`    ${t.text(msg(words.evidence))}`);
    for (const line of finding.evidence) lines.push(`      | ${line}`);
  }
  return `${lines.join('\n')}\n`;
}
