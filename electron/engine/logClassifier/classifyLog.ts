import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { LogFinding } from '../../shared/model/logFinding';
import { decideCause } from './decideCause';
import { LogDecoder } from './decodeLog';
import { LineSplitter } from './logLines';
import { LogScanner } from './logScanner';
import { packageOwningPath } from './packageOwner';
import { pathFacts } from './pathFacts';
import { summarize } from './summarize';

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
  const error = scan.best?.error ?? null;
  const path =
    verdict.reason === 'pep668' || verdict.reason === 'pip-guard' ? null : (error?.path ?? null);
  const secondPath = path === null ? null : (error?.secondPath ?? null);
  const facts = path ? pathFacts(path) : null;

  let pkg: string | null;
  if (verdict.category === 'self-upgrade-lock') pkg = 'pip';
  else if (verdict.category === 'pep668') pkg = scan.context.requested ?? scan.context.bestGuess();
  else
    pkg =
      (path && facts && packageOwningPath(path, facts, scan.context.mentioned)) ||
      scan.context.bestGuess();

  const evidence = [
    scan.pep668Line,
    path === null ? null : scan.best?.line,
    verdict.reason === 'long-path-hint' || verdict.reason === 'long-name-hint'
      ? (scan.best?.longPathHint ?? scan.looseLongPathHint)
      : null,
    verdict.reason === 'scanner-named' ? scan.scannerLine : null,
    verdict.category === 'self-upgrade-lock' ? (scan.pipGuardLine ?? scan.selfUpgradeLine) : null,
    ...(verdict.category === 'not-permission' ? [...scan.notPermission.values()].slice(0, 3) : []),
  ].filter((line): line is string => typeof line === 'string' && line !== '');

  return {
    category: verdict.category,
    code: verdict.reason === 'pep668' || !error ? null : `${error.kind} ${error.number}`,
    path,
    secondPath,
    package: pkg,
    confidence: verdict.confidence,
    alternatives: verdict.alternatives.filter((cause) => cause !== verdict.category),
    evidence: [...new Set(evidence)],
    summary: summarize({
      verdict,
      path,
      pkg,
      notPermission: new Set(scan.notPermission.keys()),
      binary: facts?.binary ?? false,
    }),
  };
}

function emptyFinding(): LogFinding {
  return {
    category: 'not-permission',
    code: null,
    path: null,
    secondPath: null,
    package: null,
    confidence: 'low',
    alternatives: [],
    evidence: [],
    summary: 'The log is empty. Paste the full output of the failing pip command.',
  };
}

function binaryFinding(): LogFinding {
  return {
    ...emptyFinding(),
    summary:
      'This file is not a text log (it contains binary data). Save the output of the failing pip command as text, or paste it here.',
  };
}
