import { listOf, msg } from '../shared/i18n/message';
import type { Translator } from '../engine/i18n/translator';
import type { Diagnosis, PythonInstall } from '../shared/model/diagnosis';
import type { MessageDescriptor } from '@formatjs/intl';
import type { MessageValue } from '../shared/i18n/message';
import { DIAGNOSIS_WORDS as W, TARGET_WORDS } from './diagnosisWords';

const OK = '✓';
const BAD = '✗';
const INFO = '•';
const WARN = '!';

/** The terminal report: the cause and the fix to try first, then the facts behind them. */
export function formatDiagnosis(diagnosis: Diagnosis, t: Translator): string {
  const say = (descriptor: MessageDescriptor, values?: Record<string, MessageValue>) =>
    t.text(msg(descriptor, values));
  const describe = (install: PythonInstall) =>
    install.version
      ? say(W.install, { version: install.version, kind: install.kind, path: install.executable })
      : say(W.installNoVersion, { kind: install.kind, path: install.executable });
  const lines: string[] = [];
  const target =
    diagnosis.installs.find((install) => install.id === diagnosis.targetInstallId) ?? null;
  const first = diagnosis.recommendations.find((r) => r.applicable);

  lines.push(`${diagnosis.cause === 'none' ? OK : BAD} ${t.text(diagnosis.causeSummary)}`);
  if (first) {
    lines.push('', say(W.tryFirst, { remedy: first.id, reason: first.reason }));
    for (const command of first.commands) lines.push(`    ${command}`);
  }
  if (diagnosis.observations.length > 0) {
    lines.push('', say(W.alsoNoticed));
    for (const observation of diagnosis.observations)
      lines.push(`  ${WARN} ${t.text(observation.message)}`);
  }

  lines.push('', say(W.whichPython));
  for (const entry of diagnosis.pipOnPath) {
    const install = diagnosis.installs.find((i) => i.id === entry.installId);
    const runs = entry.path
      ? `→ ${install ? describe(install) : say(W.unidentified)}`
      : say(W.notOnPath);
    lines.push(`  ${entry.path ? INFO : WARN} ${entry.command.padEnd(8)} ${runs}`);
  }

  lines.push('', say(W.installsHeading, { count: diagnosis.installs.length }));
  for (const install of diagnosis.installs) {
    const marker =
      install.status !== 'ok' ? WARN : install.folders.some((f) => f.writable === false) ? BAD : OK;
    const why =
      install.id === target?.id
        ? `   ← ${say(TARGET_WORDS[diagnosis.targetBecause ?? 'only-install'])}`
        : '';
    lines.push(`  ${marker} ${describe(install)}${why}`);
    if (install.status !== 'ok')
      lines.push(
        `      ${install.status}: ${install.statusDetail ? t.text(install.statusDetail) : ''}`,
      );
    for (const folder of install.folders) {
      if (folder.writable === false)
        lines.push(
          `      ${BAD} ${say(W.folderBlocked, {
            role: folder.role,
            path: folder.path,
            reason: folder.reason ?? say(W.notWritable),
          })}`,
        );
    }
    if (install.externallyManaged) lines.push(`      ${INFO} ${say(W.externallyManaged)}`);
    for (const leftover of install.leftovers)
      lines.push(`      ${WARN} ${say(W.leftover, { kind: leftover.kind, path: leftover.path })}`);
  }

  const holders = diagnosis.processes.filter((p) => p.holds.length > 0);
  if (diagnosis.processes.length > 0) {
    lines.push(
      '',
      say(W.processesHeading, { count: diagnosis.processes.length, holding: holders.length }),
    );
    for (const p of diagnosis.processes.slice(0, 20)) {
      const running = say(W.process, {
        // The pid as text: a number would be formatted as a quantity ("4,242").
        pid: String(p.pid),
        hasStarter: p.startedBy ? 'yes' : 'no',
        starter: p.startedBy ? p.startedBy.phrase : '',
        otherUser: p.user && !p.sameUser ? 'yes' : 'no',
        user: p.user ?? '',
        command: truncate(p.commandLine, 90),
      });
      lines.push(`  ${p.holds.length > 0 ? WARN : INFO} ${running}`);
      for (const path of p.holds.slice(0, 3)) lines.push(`      ${say(W.holds, { path })}`);
    }
  }

  lines.push('', say(W.elevated, { elevated: diagnosis.elevated ? 'yes' : 'no' }));

  if (diagnosis.recommendations.length > 0) {
    lines.push('', say(W.remediesHeading));
    for (const r of diagnosis.recommendations) {
      const remedy = say(W.remedy, {
        rank: String(r.rank),
        applicable: r.applicable ? 'yes' : 'no',
        remedy: r.id,
        reason: r.reason,
      });
      lines.push(`  ${remedy}`);
      if (r.applicable) for (const command of r.commands) lines.push(`       ${command}`);
    }
  }
  for (const gap of diagnosis.gaps) {
    const gapWords = gap.howToReveal
      ? listOf([gap.message, gap.howToReveal], 'sentences')
      : gap.message;
    lines.push('', `${WARN} ${say(W.notInspected, { gap: gapWords })}`);
  }
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
