import { isUnrecognisedLog } from '../shared/unrecognisedLog';
import type { LogFinding } from '../shared/model/logFinding';

const CAUSE_TITLES: Record<LogFinding['category'], string> = {
  permission: 'Permission: the folder needs administrator or root rights',
  lock: 'Locked: a running program holds the file',
  'self-upgrade-lock': 'pip tried to replace its own running pip.exe',
  'store-python': "Microsoft Store Python's read-only folder",
  pep668: 'Externally managed Python (PEP 668)',
  'long-path': 'Path longer than Windows allows',
  'temp-dir': "A problem with pip's temporary files",
  antivirus: 'A virus scanner got in the way',
  'not-permission': 'Not a permission problem',
};

/** The human report for one log, as a terminal shows it. */
export function formatFinding(label: string, finding: LogFinding): string {
  const mark = finding.category === 'not-permission' ? '•' : '✗';
  const lines = [
    `${label}`,
    `  ${mark} ${isUnrecognisedLog(finding) ? 'Not recognised: no pip error found' : CAUSE_TITLES[finding.category]} (${finding.category}, ${finding.confidence} confidence)`,
    `    ${finding.summary}`,
  ];
  if (finding.code) lines.push(`    Error:    ${finding.code}`);
  if (finding.path) lines.push(`    Path:     ${finding.path}`);
  if (finding.secondPath) lines.push(`    Then:     ${finding.secondPath}`);
  if (finding.package) lines.push(`    Package:  ${finding.package}`);
  if (finding.alternatives.length > 0)
    lines.push(`    Also possible: ${finding.alternatives.join(', ')}`);
  if (finding.evidence.length > 0) {
    lines.push('    Evidence:');
    for (const line of finding.evidence) lines.push(`      | ${line}`);
  }
  return `${lines.join('\n')}\n`;
}
