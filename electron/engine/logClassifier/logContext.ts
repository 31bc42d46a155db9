import {
  interpreterOfPipVersion,
  interpreterOfSuggestion,
  interpreterPipReports,
  parseContinuation,
  parsePipInstall,
  requirementName,
} from './pipCommand';
import type { RequirementArgs } from './pipCommand';
import type { LineHead } from './lineHead';

/**
 * Package names the rest of a pip log mentions: what the user asked for and
 * what pip was doing when it failed. Memory stays bounded however long the log.
 */
const NAME = '([A-Za-z0-9][A-Za-z0-9._-]*)';
const MAX_MENTIONED = 512;
/** Characters of a command continued over several lines kept at most. */
const MAX_COMMAND = 4096;

/**
 * The lines pip prints for each requirement it starts on, the user's own
 * first (lineHead.ts tells them apart): `Collecting X`, `Downloading/unpacking
 * X`, `Processing ./X-1.0-py3-none-any.whl`, `Obtaining X from git+…`.
 */
const REQUIREMENT_WORD = /^\s*(?:Collecting|Downloading\/unpacking|Obtaining) (\S+)/;
const PROCESSING = /^\s*Processing ((?:[/.~\\]|[A-Za-z]:[\\/]|file:).*?)(?:\s+\(from .*\))?\s*$/;
const COLLECTED = /^\s*Installing collected packages: (.+)$/;
const IN_PROGRESS = new RegExp(
  `(?:Attempting uninstall: ${NAME}|Found existing installation: ${NAME} |Uninstalling ${NAME}-\\d|Rolling back uninstall of ${NAME}|Successfully uninstalled ${NAME}-\\d)`,
);
const FAILED_BUILD = new RegExp(`Failed building wheel for ${NAME}`);
const NO_MATCH = new RegExp(
  `(?:No matching distribution found for|satisfies the requirement) ${NAME}`,
);
const INDEX_PAGE = /\/simple\/([A-Za-z0-9._-]+)\//;
/** A line pip printed (`ERROR: …`, `Collecting …`), which no continued command line is. */
const PIP_OUTPUT =
  /^\s*(?:[A-Z][A-Za-z]*:\s|(?:Collecting|Requirement|Processing|Obtaining|Looking in|Defaulting) )/;
/** pip's guard prints the command to run instead on the next line (utils/misc.py). */
const GUARD_SUGGESTS = /please run the following command:?\s*$/;
/** `TMPDIR=… pip install …`: the temporary folder the command sets. */
const TEMP_SETTING = /(?:^|\s)(?:TMPDIR|TEMP|TMP)=("[^"]*"|'[^']*'|[^\s;&"']+)/;

/**
 * One run of pip in the log: the command that started it (when the log shows
 * it) and what pip printed about it. A log pasted with several attempts has
 * several; the one that failed is the one that decides.
 */
export interface Invocation {
  command: string | null;
  /** The interpreter path in the command (`/opt/venv/bin/python -m pip …`). */
  interpreter: string | null;
  /** What the command's arguments ask for; null when the log shows no command. */
  args: RequirementArgs | null;
  /** The first requirement pip started on: its name, null for an unnamed folder, undefined if none. */
  firstRequirement: string | null | undefined;
  /** The first name of `Installing collected packages:`. */
  firstCollected: string | null;
  /** The interpreter pip's own output names (its notice, its guard, its subprocesses). */
  reportedInterpreter: string | null;
  /** The command line ended with a continuation character. */
  continues: boolean;
}

const newInvocation = (): Invocation => ({
  command: null,
  interpreter: null,
  args: null,
  firstRequirement: undefined,
  firstCollected: null,
  reportedInterpreter: null,
  continues: false,
});

/** The package the user asked for in one run: the command, else pip's first requirement line. */
export function requestedIn(run: Invocation): string | null {
  if (run.args?.first) return run.args.first;
  if (run.args?.fromFile && !run.args.unnamed) return null;
  if (run.firstRequirement !== undefined) return run.firstRequirement;
  return run.firstCollected;
}

/** The interpreter that ran pip in one run, else the one pip's output names anywhere in the log. */
export function interpreterOf(run: Invocation, context: LogContext): string | null {
  return run.interpreter ?? run.reportedInterpreter ?? context.anyReportedInterpreter;
}

export class LogContext {
  /** The run the latest lines belong to. */
  current: Invocation = newInvocation();
  anyReportedInterpreter: string | null = null;
  /** The temporary folder the log sets (`TMPDIR=…`), if any. */
  tempSetting: string | null = null;
  firstCollecting: string | null = null;
  /** The package pip was uninstalling, replacing or rolling back last. */
  inProgress: string | null = null;
  collected: string[] = [];
  failedBuild: string | null = null;
  noMatch: string | null = null;
  indexPage: string | null = null;
  readonly mentioned = new Set<string>();
  /** Inside PEP 668's message, whose advice (`python3 -m pip install xyz`) is no command. */
  private inPep668Message = false;
  private guardSuggestionNext = false;

  /**
   * `head`: what kind of line it is (lineHead.ts); `pep668`: it is PEP 668's
   * message; `guard`: pip's guard against replacing itself.
   */
  observe(line: string, head: LineHead | null, pep668: boolean, guard: boolean): void {
    if (this.current.continues) this.continueCommand(line);
    if (this.guardSuggestionNext) {
      this.guardSuggestionNext = false;
      this.guardSuggestion(line);
      return;
    }
    if (pep668) this.inPep668Message = true;
    else if (this.inPep668Message && /^\s*(?:note|hint):/.test(line)) this.inPep668Message = false;
    if (guard && GUARD_SUGGESTS.test(line)) this.guardSuggestionNext = true;
    if (head === 'pip-ran' || head === 'pip-version') this.noteInterpreter(line, head);

    if (!this.inPep668Message) {
      const typed = parsePipInstall(line);
      if (typed) {
        this.current = {
          ...newInvocation(),
          command: typed.command,
          interpreter: typed.interpreter,
          args: typed.requirements,
          continues: typed.continues,
        };
        if (typed.requirements.first) this.mention(typed.requirements.first);
        const temp = TEMP_SETTING.exec(typed.command);
        if (temp) this.tempSetting = temp[1]!.replace(/^["']|["']$/g, '');
        return;
      }
    }
    this.observePipOutput(line, head);
  }

  /** The package the log says the user was installing, best evidence first. */
  bestGuess(requested: string | null): string | null {
    return (
      this.inProgress ??
      this.failedBuild ??
      this.noMatch ??
      (this.collected.length === 1 ? this.collected[0]! : null) ??
      requested ??
      this.firstCollecting ??
      this.indexPage
    );
  }

  private observePipOutput(line: string, head: LineHead | null): void {
    let match: RegExpExecArray | null;
    if ((head === 'collecting' || head === 'obtaining') && (match = REQUIREMENT_WORD.exec(line))) {
      const name = requirementName(match[1]!);
      this.startRequirement(name ?? null);
      if (name && head === 'collecting') {
        this.firstCollecting ??= name;
        this.mention(name);
      }
    } else if (head === 'processing' && (match = PROCESSING.exec(line))) {
      this.startRequirement(requirementName(match[1]!) ?? null);
    } else if (head === 'collected' && (match = COLLECTED.exec(line))) {
      this.collected = match[1]!
        .split(/,\s*/)
        .map((n) => n.trim())
        .filter(Boolean)
        .slice(0, 64);
      this.current.firstCollected ??= this.collected[0] ?? null;
      this.collected.forEach((n) => this.mention(n));
    } else if ((match = IN_PROGRESS.exec(line))) {
      this.inProgress = match.slice(1).find((g) => g !== undefined) ?? null;
      if (this.inProgress) this.mention(this.inProgress);
    } else if ((match = FAILED_BUILD.exec(line))) {
      this.failedBuild = match[1]!;
      this.mention(match[1]!);
    } else if ((match = NO_MATCH.exec(line))) {
      this.noMatch = stripExtras(match[1]!);
      this.mention(this.noMatch);
    } else if ((match = INDEX_PAGE.exec(line))) {
      this.indexPage ??= match[1]!;
    }
  }

  private startRequirement(name: string | null): void {
    if (this.current.firstRequirement === undefined) this.current.firstRequirement = name;
  }

  private continueCommand(line: string): void {
    const run = this.current;
    if (PIP_OUTPUT.test(line)) {
      run.continues = false; // the command ended after all; this is what pip printed
      return;
    }
    const more = parseContinuation(line);
    run.command = `${run.command ?? ''} ${line.trim()}`.trim();
    if (run.command.length > MAX_COMMAND) {
      // A "command" that goes on and on is no command a person typed: stop reading it.
      run.command = run.command.slice(0, MAX_COMMAND);
      more.continues = false;
    }
    run.continues = more.continues;
    if (run.args && !run.args.first) {
      run.args = {
        first: more.requirements.first,
        fromFile: run.args.fromFile || more.requirements.fromFile,
        unnamed: run.args.unnamed || more.requirements.unnamed,
      };
      if (run.args.first) this.mention(run.args.first);
    }
  }

  /** `<sys.executable> -m pip <the user's arguments>`: pip's interpreter and what was asked for. */
  private guardSuggestion(line: string): void {
    const interpreter = interpreterOfSuggestion(line);
    if (interpreter) this.reportInterpreter(interpreter);
    const args = / -m pip install\b(.*)$/.exec(line);
    if (args && this.current.args === null) {
      this.current.args = parseContinuation(args[1]!).requirements;
    }
  }

  private noteInterpreter(line: string, head: 'pip-ran' | 'pip-version'): void {
    const reported =
      head === 'pip-ran' ? interpreterPipReports(line) : interpreterOfPipVersion(line);
    if (reported) this.reportInterpreter(reported);
  }

  private reportInterpreter(path: string): void {
    this.current.reportedInterpreter ??= path;
    this.anyReportedInterpreter ??= path;
  }

  private mention(name: string): void {
    if (this.mentioned.size < MAX_MENTIONED) this.mentioned.add(name);
  }
}

function stripExtras(name: string): string {
  return name.replace(/\[.*$/, '').replace(/[.-]+$/, '');
}
