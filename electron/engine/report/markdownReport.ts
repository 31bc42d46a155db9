import type {
  AccessCheck,
  Diagnosis,
  PythonInstall,
  Recommendation,
  RunningProcess,
  Shell,
} from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { commandYouRan, isDependency } from '../../shared/requestedInstall';
import type { ChangeSummary } from '../../shared/changeModel';
import { changesSection } from './changesSection';
import { translator as translatorFor } from '../i18n/translator';
import type { Translator } from '../i18n/translator';
import type { Message } from '../../shared/i18n/message';
import { mdCode, mdFence, mdText } from './markdownText';
import { createRedactor, REDACTED_USER } from './redactPersonal';
import type { Redactor } from './redactPersonal';
import { osTraits } from '../../platform/osTraits';
import type { Platform } from '../../shared/model/platform';

export interface ReportOptions {
  /** Keep the user name and home folder; by default they read `<user>`. */
  includePersonal: boolean;
  app: { name: string; version: string; platform: Platform };
  /** The user's home folder, hidden even when its name differs from the user name. */
  homeDir: string | null;
  /** What Pip Doctor changed in this session, from the action journal; none when nothing ran. */
  changes?: readonly ChangeSummary[];
  /** The language the report is written in: the app's; English by default. */
  translator?: Translator;
}

/** Past these, a list says how many more there are: the report is pasted into help requests. */
const MAX_PROCESSES = 50;
const MAX_HELD_FILES = 20;

const FENCE_LANGUAGE: Record<Shell, string> = {
  bash: 'bash',
  powershell: 'powershell',
  cmd: 'bat',
};

/**
 * The report a user exports to ask for help: what was found, the facts
 * behind it, the fixes ranked for this machine with their exact commands,
 * and what could not be inspected. Platform-neutral: it formats the
 * Diagnosis the scan produced and nothing else.
 */
export function markdownReport(diagnosis: Diagnosis, options: ReportOptions): string {
  const redactor = options.includePersonal
    ? { text: (value: string) => value, account: (value: string) => value }
    : createRedactor({
        userName: diagnosis.user.name,
        homeDir: options.homeDir,
        platform: diagnosis.platform,
      });
  const w = new ReportWriter(redactor, options.translator ?? translatorFor('en'));

  const sections = [
    header(diagnosis, options, w),
    found(diagnosis, w),
    changesSection(options.changes ?? [], (text) => w.text(text)),
    logSection(diagnosis.log, w),
    pipSection(diagnosis, w),
    installsSection(diagnosis, w),
    processesSection(diagnosis.processes, w),
    remediesSection(diagnosis.recommendations, diagnosis, w),
    gapsSection(diagnosis, w),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Every value from the machine goes through here: redacted, then made inert for Markdown. */
class ReportWriter {
  constructor(
    private readonly redactor: Redactor,
    /** The report's language: the engine's messages and the report's own words. */
    readonly t: Translator,
  ) {}

  /** One of the engine's messages in the report's language, redacted and made inert like any value. */
  message(value: Message): string {
    return this.text(this.t.text(value));
  }

  text(value: string): string {
    return mdText(this.redactor.text(value));
  }

  code(value: string): string {
    return mdCode(this.redactor.text(value));
  }

  account(value: string): string {
    return mdText(this.redactor.account(value));
  }

  fence(lines: readonly string[], language: string): string {
    return mdFence(
      lines.map((line) => this.redactor.text(line)),
      language,
    );
  }
}

function header(diagnosis: Diagnosis, options: ReportOptions, w: ReportWriter): string[] {
  const { app } = options;
  const lines = [
    `# ${mdText(app.name)} report`,
    '',
    `- App: ${mdText(`${app.name} ${app.version}`)} on ${app.platform}`,
    `- Scanned: ${mdText(diagnosis.scannedAt)} on ${diagnosis.platform}`,
    `- User: ${w.account(diagnosis.user.name)}${diagnosis.user.uid === null ? '' : ` (uid ${diagnosis.user.uid})`}, ${diagnosis.elevated ? 'elevated (administrator or root)' : 'not elevated'}`,
  ];
  if (osTraits(diagnosis.platform).hasSystemSettings) {
    const { longPathsEnabled, controlledFolderAccess, canElevate } = diagnosis.settings;
    lines.push(
      `- Long paths: ${onOff(longPathsEnabled)}; Controlled Folder Access: ${onOff(controlledFolderAccess)}; can elevate: ${yesNo(canElevate)}`,
    );
  }
  if (!options.includePersonal)
    lines.push('', `The user name and home folder are shown as ${mdCode(REDACTED_USER)}.`);
  return lines;
}

function found(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const cause = diagnosis.cause === 'none' ? 'none found' : mdCode(diagnosis.cause);
  const noticed = diagnosis.observations.map(
    (observation) => `- ${w.message(observation.message)}`,
  );
  return [
    '## What was found',
    '',
    `**Cause:** ${cause}`,
    '',
    w.message(diagnosis.causeSummary),
    ...(noticed.length > 0 ? ['', '**Also noticed:**', '', ...noticed] : []),
  ];
}

function logSection(log: LogFinding | null, w: ReportWriter): string[] {
  const lines = ['## The pip error', ''];
  if (!log) return [...lines, 'No pip log was given.'];
  lines.push(`- Category: ${mdCode(log.category)} (confidence: ${log.confidence})`);
  if (log.code) lines.push(`- Error: ${mdCode(log.code)}`);
  if (log.path) lines.push(`- Path: ${w.code(log.path)}`);
  if (log.secondPath) lines.push(`- Second path: ${w.code(log.secondPath)}`);
  const ran = commandYouRan(log);
  if (ran) lines.push(`- You ran: ${w.code(ran)}`);
  if (log.package) lines.push(`- The failing file belongs to: ${ownerOfFailingFile(log, w)}`);
  if (log.alternatives.length > 0)
    lines.push(
      `- Other possible causes: ${log.alternatives.map((cause) => mdCode(cause)).join(', ')}`,
    );
  lines.push(`- Summary: ${w.text(log.summary)}`);
  if (log.evidence.length > 0)
    lines.push('', 'The lines that decided it:', '', w.fence(log.evidence, 'text'));
  return lines;
}

/** `charset-normalizer`, which `requests` needs: names as code, so none reads as Markdown. */
function ownerOfFailingFile(log: LogFinding, w: ReportWriter): string {
  const owner = w.code(log.package ?? '');
  return isDependency(log) ? `${owner}, which ${w.code(log.requested ?? '')} needs` : owner;
}

function pipSection(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const lines = ['## Which Python pip uses', ''];
  for (const entry of diagnosis.pipOnPath) {
    if (!entry.path) {
      lines.push(`- ${mdCode(entry.command)}: not on PATH`);
      continue;
    }
    const install = installById(diagnosis, entry.installId);
    const runs = install
      ? describeInstall(install, w)
      : 'an interpreter that could not be identified';
    lines.push(`- ${mdCode(entry.command)} → ${w.code(entry.path)} → ${runs}`);
  }
  const target = installById(diagnosis, diagnosis.targetInstallId);
  lines.push(
    '',
    target
      ? `pip most likely installs into ${describeInstall(target, w)}.`
      : 'Which Python pip installs into could not be decided.',
  );
  return lines;
}

function installsSection(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const lines = [`## Python installs (${diagnosis.installs.length})`];
  diagnosis.installs.forEach((install, index) => {
    const target = install.id === diagnosis.targetInstallId ? ' (pip installs here)' : '';
    lines.push('', `### ${index + 1}. ${installTitle(install)}${target}`, '');
    lines.push(`- Path: ${w.code(install.executable)}`);
    const otherNames = install.names.filter((name) => name !== install.executable);
    if (otherNames.length > 0)
      lines.push(`- Reached as: ${otherNames.map((name) => w.code(name)).join(', ')}`);
    if (install.prefix) lines.push(`- Prefix: ${w.code(install.prefix)}`);
    lines.push(
      install.status === 'ok'
        ? `- Status: ok${install.statusDetail ? ` (${w.message(install.statusDetail)})` : ''}`
        : `- Status: ${mdCode(install.status)}: ${install.statusDetail ? w.message(install.statusDetail) : w.text('no detail')}`,
    );
    if (install.status === 'ok') {
      lines.push(`- pip: ${install.pipVersion ? mdCode(install.pipVersion) : 'not installed'}`);
      if (install.externallyManaged) lines.push('- Externally managed (PEP 668): yes');
      lines.push(...foldersLines(install.folders, w));
    }
    if (install.leftovers.length > 0) {
      lines.push('- Left behind by an interrupted pip run:');
      for (const leftover of install.leftovers) {
        const owner = leftover.package ? ` (package ${w.code(leftover.package)})` : '';
        lines.push(`  - ${leftover.kind}: ${w.code(leftover.path)}${owner}`);
      }
    }
  });
  return lines;
}

function foldersLines(folders: AccessCheck[], w: ReportWriter): string[] {
  const blocked = folders.filter((folder) => folder.writable !== true);
  if (folders.length === 0) return ['- Folders pip writes to: none reported'];
  if (blocked.length === 0) return [`- Folders pip writes to: all ${folders.length} writable`];
  const lines = [
    `- Folders pip writes to: ${folders.length - blocked.length} of ${folders.length} writable`,
  ];
  for (const folder of blocked) {
    const state = folder.writable === false ? 'not writable' : 'could not be checked';
    const facts = [
      folder.owner ? `owner ${w.account(folder.owner)}` : null,
      folder.mode ? `mode ${w.text(folder.mode)}` : null,
    ].filter((fact): fact is string => fact !== null);
    lines.push(
      `  - ${folder.role} ${w.code(folder.path)} ${state}: ${folder.reason ? w.message(folder.reason) : w.text('no reason given')}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`,
    );
    for (const entry of folder.acl ?? []) {
      if (!entry.appliesToUser) continue;
      lines.push(
        `    - ${entry.type} ${w.account(entry.principal)}: ${w.text(entry.rights)}${entry.inherited ? ' (inherited)' : ''}`,
      );
    }
  }
  return lines;
}

function processesSection(processes: RunningProcess[], w: ReportWriter): string[] {
  const holding = processes.filter((running) => running.holds.length > 0);
  const lines = [
    '## Programs holding Python files',
    '',
    holding.length === 0
      ? 'No running program holds files of the inspected installs.'
      : `${holding.length} running program${holding.length === 1 ? '' : 's'} hold${holding.length === 1 ? 's' : ''} files of the inspected installs.`,
  ];
  // Holders first: they are the ones that block pip.
  const ordered = [...holding, ...processes.filter((running) => running.holds.length === 0)];
  for (const running of ordered.slice(0, MAX_PROCESSES))
    lines.push('', ...processLines(running, w));
  if (ordered.length > MAX_PROCESSES)
    lines.push('', `…and ${ordered.length - MAX_PROCESSES} more running Python programs.`);
  return lines;
}

function processLines(running: RunningProcess, w: ReportWriter): string[] {
  const who = running.user
    ? `, user ${w.account(running.user)}${running.sameUser ? '' : ' (another user)'}`
    : '';
  const startedBy = running.startedBy ? `, started by ${w.message(running.startedBy.phrase)}` : '';
  const lines = [
    `- pid ${running.pid}${startedBy}${who}, running since ${mdText(running.startTime)}`,
    `  - Command line: ${w.code(running.commandLine)}`,
  ];
  if (running.parents.length > 0)
    lines.push(
      `  - Started from: ${running.parents.map((parent) => `${w.text(parent.name)} (pid ${parent.pid})`).join(' ← ')}`,
    );
  if (running.holds.length > 0) {
    lines.push('  - Holds:');
    for (const path of running.holds.slice(0, MAX_HELD_FILES)) lines.push(`    - ${w.code(path)}`);
    if (running.holds.length > MAX_HELD_FILES)
      lines.push(`    - …and ${running.holds.length - MAX_HELD_FILES} more files`);
  }
  return lines;
}

function remediesSection(
  recommendations: Recommendation[],
  diagnosis: Diagnosis,
  w: ReportWriter,
): string[] {
  const lines = ['## Remedies, best first'];
  const applicable = recommendations.filter((r) => r.applicable);
  const notApplicable = recommendations.filter((r) => !r.applicable);
  if (applicable.length === 0) lines.push('', 'No remedy applies to what was found.');
  for (const recommendation of applicable) {
    const install = installById(diagnosis, recommendation.installId);
    lines.push(
      '',
      `### ${recommendation.rank}. ${recommendation.title} (${mdCode(recommendation.id)})`,
      '',
      w.text(recommendation.reason),
    );
    if (install) lines.push('', `For ${describeInstall(install, w)}.`);
    if (recommendation.commands.length > 0)
      lines.push('', w.fence(recommendation.commands, FENCE_LANGUAGE[recommendation.shell]));
  }
  if (notApplicable.length > 0) {
    lines.push('', '### Would not help here', '');
    for (const recommendation of notApplicable)
      lines.push(
        `- ${recommendation.title} (${mdCode(recommendation.id)}): ${w.text(recommendation.reason)}`,
      );
  }
  return lines;
}

function gapsSection(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const lines = ['## What could not be inspected', ''];
  if (diagnosis.gaps.length === 0) return [...lines, 'Everything was inspected.'];
  for (const gap of diagnosis.gaps) {
    const reveal = gap.howToReveal ? ` ${w.message(gap.howToReveal)}` : '';
    lines.push(`- ${gap.area}: ${w.message(gap.message)}${reveal}`);
  }
  return lines;
}

function installById(diagnosis: Diagnosis, id: string | null): PythonInstall | null {
  return id === null ? null : (diagnosis.installs.find((install) => install.id === id) ?? null);
}

function installTitle(install: PythonInstall): string {
  const version = install.version
    ? `Python ${mdText(install.version)}`
    : 'Python (version unknown)';
  return `${version}, ${install.kind}`;
}

function describeInstall(install: PythonInstall, w: ReportWriter): string {
  return `${installTitle(install)} at ${w.code(install.executable)}`;
}

function onOff(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'on' : 'off';
}

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}
