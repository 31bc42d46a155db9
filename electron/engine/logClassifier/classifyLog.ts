import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { LogFinding } from '../../shared/model/logFinding';
import { decideCause } from './decideCause';
import type { Verdict } from './decideCause';
import { LogDecoder } from './decodeLog';
import { interpreterOf, requestedIn } from './logContext';
import { LineSplitter } from './logLines';
import { LogScanner } from './logScanner';
import { packageOwningPath } from './packageOwner';
import { pathFacts } from './pathFacts';
import { summarize } from './summarize';
import { SUMMARY } from './summaryMessages';
import { msg } from '../../shared/i18n/message';

/**
 * Classifies a pip log. The incremental interface is what every entry point
 * shares: bytes (a file, stdin) or text (a paste) go in, one LogFinding comes
 * out, and memory stays flat whatever the size.
 */
export class LogClassifier {
  private readonly decoder = new LogDecoder();
  private readonly splitter = new LineSplitter();
  private readonly scanner = new LogScanner();
  private sawBytes = false;

  writeBytes(chunk: Buffer): void {
    if (chunk.length > 0) this.sawBytes = true;
    this.pushText(this.decoder.write(chunk));
  }

  writeText(text: string): void {
    if (text.length > 0) this.sawBytes = true;
    this.pushText(text);
  }

  finish(): LogFinding {
    this.pushText(this.decoder.end());
    for (const line of this.splitter.end()) this.scanner.push(line);
    this.scanner.finish();
    if (this.decoder.encoding === 'binary') return binaryFinding();
    if (!this.sawBytes || this.scanner.lines === 0) return emptyFinding();
    return buildFinding(this.scanner);
  }

  private pushText(text: string): void {
    if (text === '') return;
    for (const line of this.splitter.push(text)) this.scanner.push(line);
  }
}

export function classifyLogText(text: string): LogFinding {
  const classifier = new LogClassifier();
  classifier.writeText(text);
  return classifier.finish();
}

export async function classifyLogStream(stream: Readable): Promise<LogFinding> {
  const classifier = new LogClassifier();
  for await (const chunk of stream) {
    classifier.writeBytes(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return classifier.finish();
}

export function classifyLogFile(path: string): Promise<LogFinding> {
  return classifyLogStream(createReadStream(path, { highWaterMark: 256 * 1024 }));
}

function buildFinding(scan: LogScanner): LogFinding {
  const verdict = decideCause(scan);
  const { path, code } = verdict;
  const facts = path ? pathFacts(path) : null;
  // The run that failed: the one the deciding error happened in, else the last one the log shows.
  const run = scan.best?.run ?? scan.context.current;
  const requested = requestedIn(run);

  let pkg: string | null;
  if (verdict.category === 'self-upgrade-lock') pkg = 'pip';
  else if (verdict.category === 'pep668') pkg = requested ?? scan.context.bestGuess(null);
  else
    pkg =
      (path && facts && code !== null && packageOwningPath(path, facts, scan.context.mentioned)) ||
      scan.context.bestGuess(requested);

  const evidence = [
    scan.pep668Line,
    path === null ? null : (decidingLine(scan, verdict) ?? scan.best?.line),
    verdict.reason === 'long-path-hint' || verdict.reason === 'long-name-hint'
      ? (scan.best?.longPathHint ?? scan.looseLongPathHint)
      : null,
    verdict.reason === 'scanner-named' ? scan.scannerLine : null,
    verdict.reason === 'scanner-reset' ? scan.securitySuiteLine : null,
    verdict.reason === 'scanner-reset' ? scan.connectionResetLine : null,
    verdict.category === 'self-upgrade-lock' ? (scan.pipGuardLine ?? scan.selfUpgradeLine) : null,
    ...(verdict.category === 'not-permission' ? [...scan.notPermission.values()].slice(0, 3) : []),
  ].filter((line): line is string => typeof line === 'string' && line !== '');

  return {
    category: verdict.category,
    code,
    path,
    secondPath: verdict.secondPath,
    package: pkg,
    requested,
    command: run.command,
    interpreter: interpreterOf(run, scan.context),
    confidence: verdict.confidence,
    alternatives: verdict.alternatives.filter((cause) => cause !== verdict.category),
    evidence: [...new Set(evidence)],
    summary: summarize({
      verdict,
      pkg,
      notPermission: new Set(scan.notPermission.keys()),
      binary: facts?.binary ?? false,
    }),
  };
}

/** The line of a verdict that rests on a message other than the OS error. */
function decidingLine(scan: LogScanner, verdict: Verdict): string | null {
  switch (verdict.reason) {
    case 'temp-not-owned':
      return scan.buildFolderNotOwned?.line ?? null;
    case 'cache-not-owned':
      return scan.cacheNotOwned?.line ?? null;
    case 'no-temp-dir':
      return scan.noUsableTempDir?.line ?? null;
    case 'broken-launcher':
      return scan.brokenLauncher?.line ?? null;
    default:
      return null;
  }
}

function emptyFinding(): LogFinding {
  return {
    category: 'not-permission',
    code: null,
    path: null,
    secondPath: null,
    package: null,
    requested: null,
    command: null,
    interpreter: null,
    confidence: 'low',
    alternatives: [],
    evidence: [],
    summary: msg(SUMMARY.empty),
  };
}

function binaryFinding(): LogFinding {
  return {
    ...emptyFinding(),
    summary: msg(SUMMARY.binary),
  };
}
