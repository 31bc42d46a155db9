import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import {
  LogClassifier,
  classifyLogFile,
  classifyLogStream,
  classifyLogText,
} from '../../../../electron/engine/logClassifier';
import type { LogFinding } from '../../../../electron/shared/model/logFinding';
import { LogFindingSchema } from '../../../../electron/shared/model/logFinding';
import { REPO_ROOT, loadSamples } from './loadSamples';
import { VENV_PYD, osError, pipOsError } from './pipText';
import { english } from '../../../support/english';

const workDir = mkdtempSync(join(tmpdir(), 'pip-doctor-bad-input-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const fileWith = (name: string, bytes: Buffer | string): string => {
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  return path;
};

const classifyChunks = (bytes: Buffer, cuts: number[]): LogFinding => {
  const classifier = new LogClassifier();
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    classifier.writeBytes(bytes.subarray(start, cut));
    start = cut;
  }
  return classifier.finish();
};

/** §8.2's Chinese WinError 32 (TauricResearch/TradingAgents#151): multi-byte text around a path. */
const chinese = loadSamples().find((s) => s.id === 'gh-TauricResearch-TradingAgents-151')!;
/** More than the 4 KB the decoder looks at before it decides the encoding. */
const FILLER =
  'Requirement already satisfied: six in c:\\users\\uz\\venv\\lib\\site-packages (1.16.0)\n'.repeat(
    80,
  );

const EMPTY = /empty/i;
const NOTHING_MATCHED = /nothing in this text matched/i;
const NOT_TEXT = /not a text log/i;

describe('a 200 MB log streamed from a generator', () => {
  const TOTAL = 200 * 1024 * 1024;
  const BOUND = 64 * 1024 * 1024;
  const WARM_UP = 8 * 1024 * 1024;

  test('finds the error at the very end, with memory bounded and in reasonable time', async () => {
    const block = Buffer.from(
      [
        'Requirement already satisfied: numpy>=1.22 in c:\\users\\uz\\venv\\lib\\site-packages (from pandas) (2.0.0)',
        '   \u001b[38;5;197m━━━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[38;5;237m━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[32m7.6/15.8 MB\u001b[0m eta \u001b[36m0:00:02\u001b[0m',
        '  Downloading pandas-2.2.2-cp312-cp312-win_amd64.whl.metadata (19 kB)',
        "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)\")': /simple/pandas/",
        '',
      ]
        .join('\r\n')
        .repeat(256),
    );
    const end = Buffer.from(
      `Installing collected packages: numpy\r\n${pipOsError(osError('WinError 5', 'Access is denied', VENV_PYD), 'check')}`,
    );

    // The baseline is taken once the first WARM_UP bytes have streamed, so the classifier's own
    // steady state (and V8's young generation) is in it: what follows must not grow with the input.
    const gc = (globalThis as { gc?: () => void }).gc;
    let before = process.memoryUsage();
    let peakHeap = 0;
    let peakRss = 0;
    let produced = 0;
    function* generate(): Generator<Buffer> {
      for (let chunk = 1; produced < TOTAL; chunk++) {
        produced += block.length;
        yield block;
        if (produced < WARM_UP) continue;
        if (peakHeap === 0) {
          gc?.();
          before = process.memoryUsage();
        }
        if (chunk % 16 === 0 || peakHeap === 0) {
          const now = process.memoryUsage();
          peakHeap = Math.max(peakHeap, now.heapUsed);
          peakRss = Math.max(peakRss, now.rss);
        }
      }
      yield end;
    }

    const started = Date.now();
    const finding = await classifyLogStream(Readable.from(generate()));
    const seconds = (Date.now() - started) / 1000;

    expect(produced).toBeGreaterThanOrEqual(TOTAL);
    expect(finding).toMatchObject({
      category: 'lock',
      code: 'WinError 5',
      path: VENV_PYD,
      package: 'numpy',
    });
    expect(peakHeap - before.heapUsed).toBeLessThan(BOUND);
    expect(peakRss - before.rss).toBeLessThan(BOUND);
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});

describe('empty input', () => {
  test.each([
    ['empty text', () => Promise.resolve(classifyLogText(''))],
    ['an empty file', () => classifyLogFile(fileWith('empty.log', ''))],
    ['an empty stream', () => classifyLogStream(Readable.from([]))],
    ['a file holding only a UTF-8 BOM', () => classifyLogFile(fileWith('bom.log', '\uFEFF'))],
    [
      'a file holding only a UTF-16 BOM',
      () => classifyLogFile(fileWith('bom16.log', Buffer.from([0xff, 0xfe]))),
    ],
  ])(
    '%s is not-permission, low confidence, and the summary says it is empty',
    async (_what, run) => {
      const finding = await run();
      expect(finding).toMatchObject({ category: 'not-permission', confidence: 'low', path: null });
      expect(english(finding.summary)).toMatch(EMPTY);
    },
  );
});

describe('text that holds no pip error', () => {
  test('a successful install is not-permission, low, and says nothing matched', () => {
    const log = [
      'Collecting requests',
      '  Using cached requests-2.32.3-py3-none-any.whl (64 kB)',
      'Installing collected packages: requests',
      'Successfully installed requests-2.32.3',
    ].join('\n');
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({ category: 'not-permission', confidence: 'low', code: null });
    expect(english(finding.summary)).toMatch(NOTHING_MATCHED);
  });

  test('prose with no pip output says nothing matched', () => {
    expect(english(classifyLogText('hello, pip does not work on my computer\n').summary)).toMatch(
      NOTHING_MATCHED,
    );
  });
});

describe('binary data', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d49484452000000100000001008060000001ff3ff61', 'hex'),
  ]);
  let seed = 42;
  const random = Buffer.from(
    Array.from({ length: 64 * 1024 }, (_, i) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return i % 97 === 0 ? 0 : (seed >> 16) & 0xff;
    }),
  );
  const controlsNoNul = Buffer.from(
    Array.from({ length: 8192 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 26))),
  );

  test.each([
    ['a PNG image', png],
    ['a gzip-compressed log', gzipSync(chinese.log)],
    ['random bytes with NULs', random],
    ['control characters without NULs', controlsNoNul],
  ])('%s gets a clear "not a text log" answer from a file and a stream', async (_what, bytes) => {
    for (const finding of [
      await classifyLogFile(fileWith('binary.bin', bytes)),
      await classifyLogStream(Readable.from([bytes])),
      classifyChunks(bytes, [1, 7, 100]),
    ]) {
      expect(LogFindingSchema.parse(finding)).toMatchObject({
        category: 'not-permission',
        confidence: 'low',
        path: null,
      });
      expect(english(finding.summary)).toMatch(NOT_TEXT);
    }
  });

  test('binary junk after a text start does not crash, and the error before it still counts', () => {
    const bytes = Buffer.concat([Buffer.from(`${FILLER}${chinese.log}\n`), random]);
    expect(LogFindingSchema.parse(classifyChunks(bytes, [5000]))).toMatchObject({
      category: chinese.category,
      path: chinese.path,
    });
  });

  test('pasted text full of NULs and lone surrogates does not crash', () => {
    const text = `\u0000\uD800${chinese.log}\uDFFF\u0000\u0007`;
    expect(LogFindingSchema.safeParse(classifyLogText(text)).success).toBe(true);
  });
});

describe('encodings: the same log in any encoding gives the same finding', () => {
  const expected = classifyLogText(chinese.log);
  const crlf = `${chinese.log}\n`.replace(/\n/g, '\r\n');
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

  test('the UTF-8 text matches its label', () => {
    expect(expected).toMatchObject({ category: chinese.category, path: chinese.path });
  });

  test('a file PowerShell 5 wrote with ">" (UTF-16LE, BOM, CRLF)', async () => {
    const fixture = join(REPO_ROOT, 'tests', 'fixtures', 'pip-logs', 'powershell-utf16le.log');
    const bytes = readFileSync(fixture);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe(crlf);
    expect(await classifyLogFile(fixture)).toEqual(expected);
  });

  test.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(crlf)])],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)])],
    ['UTF-16LE without BOM', Buffer.from(crlf, 'utf16le')],
    ['UTF-16BE without BOM', utf16be(crlf)],
  ])('%s', async (_encoding, bytes) => {
    expect(await classifyLogFile(fileWith('encoded.log', bytes))).toEqual(expected);
    expect(await classifyLogStream(Readable.from([bytes]))).toEqual(expected);
  });

  test.each([
    ['UTF-16LE', (t: string) => Buffer.from(t, 'utf16le')],
    ['UTF-16BE', utf16be],
  ])('%s with BOM read in odd-sized chunks past the first 4 KB', (_encoding, encode) => {
    const bom = encode('\uFEFF');
    const bytes = Buffer.concat([bom, encode(`${FILLER}${crlf}`)]);
    const cuts = Array.from({ length: Math.floor(bytes.length / 333) }, (_, i) => (i + 1) * 333);
    expect(classifyChunks(bytes, cuts)).toEqual(classifyLogText(`${FILLER}${chinese.log}`));
  });
});

describe('chunk boundaries', () => {
  const text = `${FILLER}${chinese.log}\n`;
  const whole = classifyLogText(text);

  test('a cut inside every byte of every multi-byte UTF-8 character changes nothing', () => {
    const bytes = Buffer.from(text);
    const start = Buffer.byteLength(FILLER);
    for (let cut = start; cut < bytes.length; cut++) {
      if (bytes[cut]! < 0x80) continue; // only the inside of multi-byte characters
      expect(classifyChunks(bytes, [cut])).toEqual(whole);
    }
  });

  test('a cut inside a UTF-16 surrogate pair changes nothing', () => {
    const withEmoji = `${FILLER}# 😀 pip broke again\n${chinese.log}\n`;
    const bytes = Buffer.from(withEmoji, 'utf16le');
    const at = bytes.indexOf(Buffer.from('😀', 'utf16le'));
    for (const cut of [at + 1, at + 2, at + 3]) {
      expect(classifyChunks(bytes, [cut])).toEqual(classifyLogText(withEmoji));
    }
  });

  test('a cut between the \\r and \\n of every CRLF changes nothing', () => {
    const line = pipOsError(osError('WinError 5', 'Access is denied', VENV_PYD), 'check');
    // An 80-column console wrapped pip's line: the CRLFs fall inside the message and the path.
    const wrapped = (line.match(/.{1,80}/g) ?? []).join('\r\n');
    const crlf = `${FILLER.replace(/\n/g, '\r\n')}${wrapped}\r\n`;
    const bytes = Buffer.from(crlf);
    const expected = classifyLogText(crlf);
    expect(expected.path).toBe(VENV_PYD);
    for (let at = bytes.indexOf('\r\n'); at >= 0; at = bytes.indexOf('\r\n', at + 1)) {
      expect(classifyChunks(bytes, [at + 1])).toEqual(expected);
    }
    const everyCut = [...crlf.matchAll(/\r\n/g)].map((m) => m.index + 1);
    expect(classifyChunks(bytes, everyCut)).toEqual(expected);
  });
});

describe('very long lines', () => {
  const MB = 1024 * 1024;

  test('a single 8 MB line with no newline is answered quickly without matching anything', () => {
    const started = Date.now();
    const finding = classifyChunks(Buffer.alloc(8 * MB, 'x'), [MB, 3 * MB, 3 * MB + 1]);
    expect(english(finding.summary)).toMatch(NOTHING_MATCHED);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('an 8 MB line (a progress bar that never ended) before the error does not hide it', () => {
    const junk = '█'.repeat(4 * MB);
    const error = pipOsError(osError('WinError 5', 'Access is denied', VENV_PYD), 'check');
    const finding = classifyLogStream(Readable.from([Buffer.from(`${junk}\n${error}`)]));
    return expect(finding).resolves.toMatchObject({ category: 'lock', path: VENV_PYD });
  });

  test('the evidence quoting a huge line stays short', () => {
    const path = `C:\\Users\\uz\\venv\\Lib\\site-packages\\pkg\\${'a'.repeat(5000)}.pyd`;
    const finding = classifyLogText(pipOsError(osError('WinError 5', 'Access is denied', path)));
    expect(finding.path).toBe(path);
    for (const line of finding.evidence) expect(line.length).toBeLessThanOrEqual(400);
  });
});
