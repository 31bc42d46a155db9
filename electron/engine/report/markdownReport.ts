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
import type { MessageDescriptor } from '@formatjs/intl';
import type { MessageValue } from '../../shared/i18n/message';
import { mdCode, mdText } from './markdownText';
import { createRedactor, REDACTED_USER } from './redactPersonal';
import { ReportWriter } from './reportWriter';
import { REPORT_WORDS as W } from './reportWords';
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
    changesSection(options.changes ?? [], w),
    logSection(diagnosis.log, w),
    pipSection(diagnosis, w),
    installsSection(diagnosis, w),
    processesSection(diagnosis.processes, w),
    remediesSection(diagnosis.recommendations, diagnosis, w),
    gapsSection(diagnosis, w),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function header(diagnosis: Diagnosis, options: ReportOptions, w: ReportWriter): string[] {
  const { app } = options;
  const { user } = diagnosis;
  const elevated = diagnosis.elevated ? 'yes' : 'no';
  const account = w.account(user.name);
  const lines = [
    `# ${w.say(W.title, { app: mdText(app.name) })}`,
    '',
    `- ${w.say(W.appLine, { app: mdText(app.name), version: mdText(app.version), platform: app.platform })}`,
    `- ${w.say(W.scannedLine, { time: mdText(diagnosis.scannedAt), platform: diagnosis.platform })}`,
    // The uid as text: a number would be formatted as a quantity ("1,000").
    `- ${
      user.uid === null
        ? w.say(W.userLine, { user: account, elevated })
        : w.say(W.userWithUidLine, { user: account, uid: String(user.uid), elevated })
    }`,
  ];
  if (osTraits(diagnosis.platform).hasSystemSettings) {
    const { longPathsEnabled, controlledFolderAccess, canElevate } = diagnosis.settings;
    lines.push(
      `- ${w.say(W.settingsLine, {
        longPaths: onOff(longPathsEnabled),
        folderAccess: onOff(controlledFolderAccess),
        canElevate: yesNo(canElevate),
      })}`,
    );
  }
  if (!options.includePersonal)
    lines.push('', w.say(W.redacted, { placeholder: mdCode(REDACTED_USER) }));
  return lines;
}

function found(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const cause = diagnosis.cause === 'none' ? w.say(W.noCause) : mdCode(diagnosis.cause);
  const noticed = diagnosis.observations.map(
    (observation) => `- ${w.message(observation.message)}`,
  );
  return [
    `## ${w.say(W.foundHeading)}`,
    '',
    `**${w.say(W.causeLabel)}** ${cause}`,
    '',
    w.message(diagnosis.causeSummary),
    ...(noticed.length > 0 ? ['', `**${w.say(W.alsoNoticed)}**`, '', ...noticed] : []),
  ];
}

function logSection(log: LogFinding | null, w: ReportWriter): string[] {
  const lines = [`## ${w.say(W.logHeading)}`, ''];
  if (!log) return [...lines, w.say(W.noLog)];
  const item = (descriptor: MessageDescriptor, values: Record<string, MessageValue>) =>
    lines.push(`- ${w.say(descriptor, values)}`);
  item(W.category, { category: mdCode(log.category), confidence: log.confidence });
  if (log.code) item(W.error, { code: mdCode(log.code) });
  if (log.path) item(W.path, { path: w.code(log.path) });
  if (log.secondPath) item(W.secondPath, { path: w.code(log.secondPath) });
  const ran = commandYouRan(log);
  if (ran) item(W.youRan, { command: w.code(ran) });
  if (log.package) lines.push(`- ${ownerOfFailingFile(log, w)}`);
  if (log.alternatives.length > 0)
    // Ids and paths in code spans: a comma between them reads the same in every language.
    item(W.alternatives, { causes: log.alternatives.map((cause) => mdCode(cause)).join(', ') });
  item(W.summary, { summary: w.message(log.summary) });
  if (log.evidence.length > 0) lines.push('', w.say(W.evidence), '', w.fence(log.evidence, 'text'));
  return lines;
}

/** `charset-normalizer`, which `requests` needs: names as code, so none reads as Markdown. */
function ownerOfFailingFile(log: LogFinding, w: ReportWriter): string {
  const owner = w.code(log.package ?? '');
  return isDependency(log)
    ? w.say(W.ownerDependency, { package: owner, requested: w.code(log.requested ?? '') })
    : w.say(W.owner, { package: owner });
}

function pipSection(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const lines = [`## ${w.say(W.pipHeading)}`, ''];
  for (const entry of diagnosis.pipOnPath) {
    if (!entry.path) {
      lines.push(`- ${w.say(W.notOnPath, { command: mdCode(entry.command) })}`);
      continue;
    }
    const install = installById(diagnosis, entry.installId);
    const runs = install ? describeInstall(install, w) : w.say(W.unidentified);
    lines.push(`- ${mdCode(entry.command)} → ${w.code(entry.path)} → ${runs}`);
  }
  const target = installById(diagnosis, diagnosis.targetInstallId);
  lines.push(
    '',
    target ? w.say(W.target, { install: describeInstall(target, w) }) : w.say(W.noTarget),
  );
  return lines;
}

function installsSection(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const lines = [`## ${w.say(W.installsHeading, { count: diagnosis.installs.length })}`];
  diagnosis.installs.forEach((install, index) => {
    const title =
      install.id === diagnosis.targetInstallId
        ? w.say(W.installTitleTarget, { title: installTitle(install, w) })
        : installTitle(install, w);
    lines.push('', `### ${index + 1}. ${title}`, '');
    const item = (descriptor: MessageDescriptor, values?: Record<string, MessageValue>) =>
      lines.push(`- ${w.say(descriptor, values)}`);
    item(W.installPath, { path: w.code(install.executable) });
    const otherNames = install.names.filter((name) => name !== install.executable);
    if (otherNames.length > 0)
      item(W.reachedAs, { names: otherNames.map((name) => w.code(name)).join(', ') });
    if (install.prefix) item(W.prefix, { path: w.code(install.prefix) });
    if (install.status !== 'ok')
      item(W.statusBroken, {
        status: mdCode(install.status),
        detail: install.statusDetail ? w.message(install.statusDetail) : w.say(W.noDetail),
      });
    else if (install.statusDetail)
      item(W.statusOkDetail, { detail: w.message(install.statusDetail) });
    else item(W.statusOk);
    if (install.status === 'ok') {
      if (install.pipVersion) item(W.pipVersion, { version: mdCode(install.pipVersion) });
      else item(W.pipMissing);
      if (install.externallyManaged) item(W.externallyManaged);
      lines.push(...foldersLines(install.folders, w));
    }
    if (install.leftovers.length > 0) {
      item(W.leftovers);
      for (const leftover of install.leftovers) {
        const values = { kind: leftover.kind, path: w.code(leftover.path) };
        lines.push(
          `  - ${
            leftover.package
              ? w.say(W.leftoverOfPackage, { ...values, package: w.code(leftover.package) })
              : w.say(W.leftover, values)
          }`,
        );
      }
    }
  });
  return lines;
}

function foldersLines(folders: AccessCheck[], w: ReportWriter): string[] {
  const blocked = folders.filter((folder) => folder.writable !== true);
  if (folders.length === 0) return [`- ${w.say(W.foldersNone)}`];
  if (blocked.length === 0) return [`- ${w.say(W.foldersAll, { count: folders.length })}`];
  const lines = [
    `- ${w.say(W.foldersSome, { writable: folders.length - blocked.length, count: folders.length })}`,
  ];
  for (const folder of blocked) {
    const line = w.say(W.folderBlocked, {
      role: folder.role,
      path: w.code(folder.path),
      state: folder.writable === false ? 'notWritable' : 'unknown',
      reason: folder.reason ? w.message(folder.reason) : w.say(W.noReason),
    });
    const facts = folderFacts(folder, w);
    lines.push(`  - ${facts ? w.say(W.folderWithFacts, { folder: line, facts }) : line}`);
    for (const entry of folder.acl ?? []) {
      if (!entry.appliesToUser) continue;
      lines.push(
        `    - ${w.say(W.aclEntry, {
          type: entry.type,
          principal: w.account(entry.principal),
          rights: w.message(entry.rights),
          inherited: entry.inherited ? 'yes' : 'no',
        })}`,
      );
    }
  }
  return lines;
}

/** "owner root (uid 0), mode 755 (rwxr-xr-x)", or whichever of the two is known. */
function folderFacts(folder: AccessCheck, w: ReportWriter): string | null {
  const owner = folder.owner ? w.account(folder.owner) : null;
  const mode = folder.mode ? w.text(folder.mode) : null;
  if (owner !== null && mode !== null) return w.say(W.factsOwnerMode, { owner, mode });
  if (owner !== null) return w.say(W.factsOwner, { owner });
  if (mode !== null) return w.say(W.factsMode, { mode });
  return null;
}

function processesSection(processes: RunningProcess[], w: ReportWriter): string[] {
  const holding = processes.filter((running) => running.holds.length > 0);
  const lines = [
    `## ${w.say(W.processesHeading)}`,
    '',
    holding.length === 0 ? w.say(W.noHolders) : w.say(W.holders, { count: holding.length }),
  ];
  // Holders first: they are the ones that block pip.
  const ordered = [...holding, ...processes.filter((running) => running.holds.length === 0)];
  for (const running of ordered.slice(0, MAX_PROCESSES))
    lines.push('', ...processLines(running, w));
  if (ordered.length > MAX_PROCESSES)
    lines.push('', w.say(W.moreProcesses, { count: ordered.length - MAX_PROCESSES }));
  return lines;
}

function processLines(running: RunningProcess, w: ReportWriter): string[] {
  const lines = [
    `- ${w.say(W.process, {
      // Ids as text: a number would be formatted as a quantity ("4,242").
      pid: String(running.pid),
      hasStarter: running.startedBy ? 'yes' : 'no',
      starter: running.startedBy ? w.message(running.startedBy.phrase) : '',
      hasUser: running.user ? 'yes' : 'no',
      user: running.user ? w.account(running.user) : '',
      otherUser: running.sameUser ? 'no' : 'yes',
      since: mdText(running.startTime),
    })}`,
    `  - ${w.say(W.commandLine, { command: w.code(running.commandLine) })}`,
  ];
  if (running.parents.length > 0) {
    const chain = running.parents
      .map((parent) => w.say(W.parent, { name: w.text(parent.name), pid: String(parent.pid) }))
      .join(' ← ');
    lines.push(`  - ${w.say(W.startedFrom, { chain })}`);
  }
  if (running.holds.length > 0) {
    lines.push(`  - ${w.say(W.holds)}`);
    for (const path of running.holds.slice(0, MAX_HELD_FILES)) lines.push(`    - ${w.code(path)}`);
    if (running.holds.length > MAX_HELD_FILES)
      lines.push(`    - ${w.say(W.moreFiles, { count: running.holds.length - MAX_HELD_FILES })}`);
  }
  return lines;
}

function remediesSection(
  recommendations: Recommendation[],
  diagnosis: Diagnosis,
  w: ReportWriter,
): string[] {
  const lines = [`## ${w.say(W.remediesHeading)}`];
  const applicable = recommendations.filter((r) => r.applicable);
  const notApplicable = recommendations.filter((r) => !r.applicable);
  if (applicable.length === 0) lines.push('', w.say(W.noRemedy));
  for (const recommendation of applicable) {
    const install = installById(diagnosis, recommendation.installId);
    lines.push(
      '',
      `### ${recommendation.rank}. ${w.message(recommendation.title)} (${mdCode(recommendation.id)})`,
      '',
      w.message(recommendation.reason),
    );
    if (install) lines.push('', w.say(W.remedyFor, { install: describeInstall(install, w) }));
    if (recommendation.commands.length > 0)
      lines.push('', w.fence(recommendation.commands, FENCE_LANGUAGE[recommendation.shell]));
  }
  if (notApplicable.length > 0) {
    lines.push('', `### ${w.say(W.wouldNotHelp)}`, '');
    for (const recommendation of notApplicable)
      lines.push(
        `- ${w.message(recommendation.title)} (${mdCode(recommendation.id)}): ${w.message(recommendation.reason)}`,
      );
  }
  return lines;
}

function gapsSection(diagnosis: Diagnosis, w: ReportWriter): string[] {
  const lines = [`## ${w.say(W.gapsHeading)}`, ''];
  if (diagnosis.gaps.length === 0) return [...lines, w.say(W.noGaps)];
  for (const gap of diagnosis.gaps) {
    const reveal = gap.howToReveal ? ` ${w.message(gap.howToReveal)}` : '';
    lines.push(`- ${gap.area}: ${w.message(gap.message)}${reveal}`);
  }
  return lines;
}

function installById(diagnosis: Diagnosis, id: string | null): PythonInstall | null {
  return id === null ? null : (diagnosis.installs.find((install) => install.id === id) ?? null);
}

function installTitle(install: PythonInstall, w: ReportWriter): string {
  return install.version
    ? w.say(W.installTitle, { version: mdText(install.version), kind: install.kind })
    : w.say(W.installTitleNoVersion, { kind: install.kind });
}

function describeInstall(install: PythonInstall, w: ReportWriter): string {
  return w.say(W.installAt, { title: installTitle(install, w), path: w.code(install.executable) });
}

/** Keys of the messages' `select`s: a setting that could not be read is "unknown". */
function onOff(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'on' : 'off';
}

function yesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}
