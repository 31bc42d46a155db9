import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LogClassifier, classifyLogText } from '../../../../electron/engine/logClassifier';
import type { LogFinding } from '../../../../electron/shared/model/logFinding';
import { LogFindingSchema } from '../../../../electron/shared/model/logFinding';
import { loadSamples } from './loadSamples';
import { english } from '../../../support/english';

const samples = loadSamples();

/** Pieces of pip and Python output, so that random logs reach the parsers, not just the filters. */
const FRAGMENTS = [
  'ERROR: Could not install packages due to an OSError: ',
  'Could not install packages due to an EnvironmentError: ',
  '[WinError 5] Access is denied',
  '[WinError 32] 另一个程序正在使用此文件，进程无法访问。',
  '[Errno 13] Permission denied',
  '[Errno 2] No such file or directory',
  '[Errno 28] No space left on device',
  '[WinError ',
  ': ',
  "'",
  '"',
  ' -> ',
  '\\\\',
  '\\',
  '/',
  'C:',
  'site-packages',
  '~umpy',
  'pip.exe',
  '.pyd',
  '.dist-info',
  'pip-uninstall-abc',
  'AppData\\Local\\Temp',
  'Program Files',
  'WindowsApps',
  'HINT: This error might have occurred since this system does not have Windows Long Path support enabled.',
  'error: externally-managed-environment',
  'ERROR: To modify pip, please run the following command:',
  '$ pip install requests',
  'C:\\>py -3.12 -m pip install --user ',
  '& "C:\\Program Files\\Python312\\python.exe" -m pip install ',
  ' \\',
  'Collecting ',
  'Processing ./x-1.0-py3-none-any.whl',
  'Installing collected packages: ',
  '[notice] To update, run: ',
  'pip 23.2.1 from /x/lib/python3.11/site-packages/pip (python 3.11)',
  "error: could not create '",
  "': Access is denied",
  "error: can't create or remove files in install directory",
  "The directory '",
  "' or its parent directory is not owned",
  'The temporary folder for building (',
  "No usable temporary directory found in ['",
  "\\'",
  'ConnectionResetError(10054, ',
  'Kaspersky',
  'Zscaler',
  '[Errno 30] Read-only file system',
  'pip-install-abc',
  'Check the permissions.',
  '\u001b[31m',
  '\u001b[0m',
  '\r',
  '\n',
  '\r\n',
  ' ',
];

const logLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

const expectValid = (finding: LogFinding) => {
  expect(LogFindingSchema.safeParse(finding).success).toBe(true);
  expect(english(finding.summary).trim()).not.toBe('');
};

describe('classifyLogText never throws and always returns a valid finding', () => {
  test('for arbitrary strings of any code unit, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectValid(classifyLogText(text));
      }),
    );
  });

  test('for arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expectValid(classifyLogText(text));
      }),
    );
  });

  test('for random logs assembled from pip and Python output', () => {
    fc.assert(
      fc.property(logLike, (text) => {
        expectValid(classifyLogText(text));
      }),
      { numRuns: 500 },
    );
  });

  test('for arbitrary bytes fed in arbitrary chunks', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 6000 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (bytes, cuts) => {
          expectValid(classifyInChunks(Buffer.from(bytes), cuts));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Feeds `bytes` split at `cuts` (any numbers: taken modulo the length, sorted, deduplicated). */
function classifyInChunks(bytes: Buffer, cuts: number[]): LogFinding {
  const at = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort(
    (a, b) => a - b,
  );
  const classifier = new LogClassifier();
  let start = 0;
  for (const cut of [...at, bytes.length]) {
    classifier.writeBytes(bytes.subarray(start, cut));
    start = cut;
  }
  return classifier.finish();
}

function classifyTextInPieces(text: string, cuts: number[]): LogFinding {
  const at = [...new Set(cuts.map((c) => (text.length === 0 ? 0 : c % text.length)))].sort(
    (a, b) => a - b,
  );
  const classifier = new LogClassifier();
  let start = 0;
  for (const cut of [...at, text.length]) {
    classifier.writeText(text.slice(start, cut));
    start = cut;
  }
  return classifier.finish();
}

describe('chunk boundaries never change the finding (shared samples as the base texts)', () => {
  // The decoder looks at the first 4 KB before deciding the encoding; a neutral lead-in pushes
  // every sample past it, so the cuts really fall between separately decoded chunks.
  const LEAD_IN = '  Downloading example-1.0-py3-none-any.whl (12 kB)\n'.repeat(100);
  const sample = fc.constantFrom(...samples);
  const cuts = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });

  const ENCODINGS: Array<[string, (text: string) => Buffer]> = [
    ['UTF-8', (t) => Buffer.from(t)],
    ['UTF-8 with CRLF', (t) => Buffer.from(t.replace(/\n/g, '\r\n'))],
    [
      'UTF-16LE with BOM and CRLF',
      (t) => Buffer.from(`\uFEFF${t.replace(/\n/g, '\r\n')}`, 'utf16le'),
    ],
    ['UTF-16BE with BOM', (t) => Buffer.from(`\uFEFF${t}`, 'utf16le').swap16()],
  ];

  test.each(ENCODINGS)('bytes in %s, split anywhere', (_encoding, encode) => {
    fc.assert(
      fc.property(sample, cuts, (s, at) => {
        const text = `${LEAD_IN}${s.log}\n`;
        expect(classifyInChunks(encode(text), at)).toEqual(classifyLogText(text));
      }),
      { numRuns: 150 },
    );
  });

  test('pasted text, split anywhere (also between \\r and \\n)', () => {
    fc.assert(
      fc.property(sample, cuts, fc.boolean(), (s, at, crlf) => {
        const text = crlf ? s.log.replace(/\n/g, '\r\n') : s.log;
        expect(classifyTextInPieces(text, at)).toEqual(classifyLogText(text));
      }),
      { numRuns: 300 },
    );
  });

  test('a sample split into single bytes gives its whole-text finding', () => {
    for (const s of samples) {
      const bytes = Buffer.from(`${LEAD_IN}${s.log}`);
      const every = Array.from({ length: bytes.length }, (_, i) => i);
      expect(classifyInChunks(bytes, every)).toEqual(classifyLogText(`${LEAD_IN}${s.log}`));
    }
  });
});
