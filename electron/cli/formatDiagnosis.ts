import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';
import type { Translator } from '../engine/i18n/translator';
import type { Diagnosis, PythonInstall, TargetReason } from '../shared/model/diagnosis';

const OK = '✓';
const BAD = '✗';
const INFO = '•';
const WARN = '!';

/** The terminal report: the cause and the fix to try first, then the facts behind them. */
const words = defineMessages({
  tryFirst: {
    id: 'cli.diagnosis.tryFirst',
    defaultMessage: 'Try first: {remedy} — {reason}',
    description: 'The fix to try first: {remedy} is its id (venv, user-install, …), not translated',
  },
});

export function formatDiagnosis(diagnosis: Diagnosis, t: Translator): string {
  const lines: string[] = [];
  const target =
    diagnosis.installs.find((install) => install.id === diagnosis.targetInstallId) ?? null;
  const first = diagnosis.recommendations.find((r) => r.applicable);

  lines.push(`${diagnosis.cause === 'none' ? OK : BAD} ${t.text(diagnosis.causeSummary)}`);
  if (first) {
    lines.push('', t.text(msg(words.tryFirst, { remedy: first.id, reason: first.reason })));
    for (const command of first.commands) lines.push(`    ${command}`);
  }
  if (diagnosis.observations.length > 0) {
    lines.push('', 'Also noticed:');
    for (const observation of diagnosis.observations)
      lines.push(`  ${WARN} ${t.text(observation.message)}`);
  }

  lines.push('', 'Which Python each command runs:');
  for (const entry of diagnosis.pipOnPath) {
    const install = diagnosis.installs.find((i) => i.id === entry.installId);
    lines.push(
      `  ${entry.path ? INFO : WARN} ${entry.command.padEnd(8)} ${entry.path ? `→ ${install ? describe(install) : 'an interpreter that could not be identified'}` : 'not on PATH'}`,
    );
  }

  lines.push('', `Python installs (${diagnosis.installs.length}):`);
  for (const install of diagnosis.installs) {
    const marker =
      install.status !== 'ok' ? WARN : install.folders.some((f) => f.writable === false) ? BAD : OK;
    lines.push(
      `  ${marker} ${describe(install)}${install.id === target?.id ? `   ← ${TARGET_WORDS[diagnosis.targetBecause ?? 'only-install']}` : ''}`,
    );
    if (install.status !== 'ok')
      lines.push(
        `      ${install.status}: ${install.statusDetail ? t.text(install.statusDetail) : ''}`,
      );
    for (const folder of install.folders) {
      if (folder.writable === false)
        lines.push(
          `      ${BAD} ${folder.role} ${folder.path}: ${folder.reason ? t.text(folder.reason) : 'not writable'}`,
        );
    }
    if (install.externallyManaged) lines.push(`      ${INFO} externally managed (PEP 668)`);
    for (const leftover of install.leftovers)
      lines.push(`      ${WARN} leftover ${leftover.kind}: ${leftover.path}`);
  }

  const holders = diagnosis.processes.filter((p) => p.holds.length > 0);
  if (diagnosis.processes.length > 0) {
    lines.push(
      '',
      `Running Python programs (${diagnosis.processes.length}, ${holders.length} holding files):`,
    );
    for (const p of diagnosis.processes.slice(0, 20)) {
      lines.push(
        `  ${p.holds.length > 0 ? WARN : INFO} pid ${p.pid} ${p.startedBy ? `(${t.text(p.startedBy.phrase)}) ` : ''}${p.user && !p.sameUser ? `[user ${p.user}] ` : ''}${truncate(p.commandLine, 90)}`,
      );
      for (const path of p.holds.slice(0, 3)) lines.push(`      holds ${path}`);
    }
  }

  lines.push('', `Elevated: ${diagnosis.elevated ? 'yes (running as root/Administrator)' : 'no'}`);

  if (diagnosis.recommendations.length > 0) {
    lines.push('', 'Remedies, best first:');
    for (const r of diagnosis.recommendations) {
      lines.push(`  ${r.rank}. ${r.applicable ? '' : '(would not help) '}${r.id}: ${r.reason}`);
      if (r.applicable) for (const command of r.commands) lines.push(`       ${command}`);
    }
  }
  for (const gap of diagnosis.gaps) {
    lines.push(
      '',
      `${WARN} Not inspected: ${t.text(gap.message)}${gap.howToReveal ? ` ${t.text(gap.howToReveal)}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Why the marked install is the one the report is about. */
const TARGET_WORDS: Readonly<Record<TargetReason, string>> = {
  'log-path': 'pip failed here (the path in your log)',
  'log-interpreter': 'pip failed here (the Python in your log)',
  'virtual-env': 'your active virtual environment',
  'pip-on-path': 'pip installs here',
  'python-on-path': 'python runs this one',
  'only-install': 'the only working Python',
};

function describe(install: PythonInstall): string {
  const version = install.version ? `Python ${install.version}` : 'Python (version unknown)';
  return `${version} ${install.kind} ${install.executable}`;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
