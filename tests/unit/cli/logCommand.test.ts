import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../../electron/cli/runCli';
import { LogFindingSchema } from '../../../electron/shared/model/logFinding';
import { FIXTURES, REPO } from '../../support/repoPaths';

const PIP_LOGS = join(FIXTURES, 'pip-logs');
/** RuinedFooocus#314: a loaded _cffi_backend .pyd, UTF-8. */
const LOCK_LOG = join(PIP_LOGS, 'example-lock.log');
const LOCK_PATH =
  'e:\\video\\ruinedfooocus_win64_1-25-2\\python_embeded\\lib\\site-packages\\_cffi_backend.cp310-win_amd64.pyd';
/** TradingAgents#151 as PowerShell 5's ">" saves it: UTF-16LE with a BOM. */
const UTF16_LOG = join(PIP_LOGS, 'powershell-utf16le.log');

const workDir = mkdtempSync(join(tmpdir(), 'pip-doctor-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const MISSING = join(workDir, 'no-such-log.txt');

/** The summary as --json prints it: its id and values for scripts, and its English beside them. */
const JsonSummary = z.object({
  messageId: z.string(),
  values: z.record(z.string(), z.unknown()).optional(),
  text: z.string().min(1),
});
const JsonLine = LogFindingSchema.extend({ input: z.string(), summary: JsonSummary });

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], stdinText = ''): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  stdin.end(stdinText);
  const code = await runCli(argv, { stdout, stderr, stdin });
  return {
    code,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JsonLine.parse(JSON.parse(line)));

describe('pip-doctor log --json', () => {
  test('prints one finding per input, one per line, in input order, each naming its input', async () => {
    const result = await run(['log', '--json', UTF16_LOG, LOCK_LOG, UTF16_LOG]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const findings = jsonLines(result.stdout);
    expect(findings.map((f) => f.input)).toEqual([UTF16_LOG, LOCK_LOG, UTF16_LOG]);
    expect(findings.map((f) => f.category)).toEqual(['temp-dir', 'lock', 'temp-dir']);
    expect(findings[1]).toMatchObject({ path: LOCK_PATH, package: 'cffi' });
    // The summary keeps its id and values (the file and package untranslated) and adds English.
    expect(findings[1]?.summary).toMatchObject({
      messageId: 'log.summary.loadedBinary',
      values: { file: { messageId: 'log.file.partOf', values: { package: 'cffi' } } },
      text: expect.stringMatching(
        /^A running Python program has loaded "_cffi_backend\.cp310-win_amd64\.pyd" \(part of cffi\), so Windows/,
      ),
    });
    expect(result.stdout.endsWith('\n')).toBe(true);
  });

  test('"-" reads the log from standard input and is named "-"', async () => {
    const log =
      "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/local/lib/python3.12/dist-packages/six.py'\n";
    const result = await run(['log', '--json', '-'], log);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      expect.objectContaining({ input: '-', category: 'permission', package: 'six' }),
    ]);
  });

  test('standard input and files mix, still in the order given', async () => {
    const result = await run(
      ['log', '--json', LOCK_LOG, '-'],
      'Successfully installed six-1.16.0\n',
    );
    expect(jsonLines(result.stdout).map((f) => [f.input, f.category])).toEqual([
      [LOCK_LOG, 'lock'],
      ['-', 'not-permission'],
    ]);
  });
});

describe('pip-doctor log (human output)', () => {
  test('shows the plain-words summary, the path and the package', async () => {
    const result = await run(['log', LOCK_LOG]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(LOCK_LOG);
    expect(result.stdout).toContain('A running Python program has loaded');
    expect(result.stdout).toMatch(/Path: +e:\\video\\.*_cffi_backend\.cp310-win_amd64\.pyd/);
    expect(result.stdout).toMatch(/Package: +cffi/);
    expect(result.stdout).toContain('(lock, high confidence)');
  });

  test("in the terminal's language: the summary in German, the file and package as the log has them", async () => {
    const out: Buffer[] = [];
    const stdout = new PassThrough().on('data', (chunk: Buffer) => out.push(chunk));
    const stdin = new PassThrough();
    stdin.end('');
    const code = await runCli(['log', LOCK_LOG], {
      stdout,
      stderr: new PassThrough(),
      stdin,
      env: { LANG: 'de_DE.UTF-8' },
    });
    expect(code).toBe(0);
    const text = Buffer.concat(out).toString('utf8');
    expect(text).toContain(
      'Ein laufendes Python-Programm hat "_cffi_backend.cp310-win_amd64.pyd" (Teil von cffi) geladen',
    );
    expect(text).not.toContain('A running Python program has loaded');
  });

  test('labels standard input as such', async () => {
    const result = await run(['log', '-'], 'error: externally-managed-environment\n');
    expect(result.stdout).toMatch(/^standard input\n/);
    expect(result.stdout).toContain('PEP 668');
  });
});

describe('inputs that cannot be read', () => {
  test('a missing file: exit 1, a clear message, and the other inputs are still answered', async () => {
    const result = await run(['log', '--json', LOCK_LOG, MISSING, UTF16_LOG]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`pip-doctor: cannot read ${MISSING}: no such file\n`);
    expect(jsonLines(result.stdout).map((f) => f.input)).toEqual([LOCK_LOG, UTF16_LOG]);
  });

  test('a folder: exit 1, says it is a folder, and the other inputs are still answered', async () => {
    const result = await run(['log', workDir, LOCK_LOG]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`pip-doctor: cannot read ${workDir}: it is a folder, not a file\n`);
    expect(result.stdout).toContain('A running Python program has loaded');
  });

  test('several unreadable inputs each get their own message', async () => {
    const result = await run(['log', MISSING, workDir]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect(result.stdout).toBe('');
  });
});

describe('usage errors exit 2 with the usage text', () => {
  test('an unknown option', async () => {
    const result = await run(['log', '--bogus', LOCK_LOG]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pip-doctor: .*--bogus/);
    expect(result.stderr).toContain('Usage: pip-doctor log [--json] FILE... | -');
    expect(result.stdout).toBe('');
  });

  test('no file', async () => {
    const result = await run(['log', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('log needs a FILE, or "-" for standard input');
    expect(result.stderr).toContain('Usage: pip-doctor log');
  });

  test('"-" twice', async () => {
    const result = await run(['log', '-', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"-" may be given only once');
  });

  test('an unknown command shows the overview', async () => {
    const result = await run(['explain', LOCK_LOG]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "explain"');
    expect(result.stderr).toContain('Usage: pip-doctor <command> [options]');
  });

  test('no command at all shows the overview', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: pip-doctor <command> [options]');
  });
});

describe('--help', () => {
  test.each([['--help'], ['-h']])('log %s prints the log usage and exits 0', async (flag) => {
    const result = await run(['log', flag]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Usage: pip-doctor log [--json] FILE... | -');
    expect(result.stdout).toContain('Exit status');
  });

  test.each([['--help'], ['-h'], ['help']])('%s prints the overview and exits 0', async (flag) => {
    const result = await run([flag]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Usage: pip-doctor <command> [options]');
    expect(result.stdout).toMatch(/^ {2}log \[--json\] FILE\.\.\. \| -/m);
  });
});

describe('the real entry point, as a child process', () => {
  const exec = promisify(execFile);
  const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
  // Run tsx under the same Node as the tests (Node 24), whatever the system Node is.
  const env = {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
  };

  test('electron/cli.ts log --json <file> prints the finding and exits 0', async () => {
    const { stdout, stderr } = await exec(tsx, ['electron/cli.ts', 'log', '--json', UTF16_LOG], {
      cwd: REPO,
      env,
    });
    expect(stderr).toBe('');
    expect(jsonLines(stdout)).toEqual([
      expect.objectContaining({ input: UTF16_LOG, category: 'temp-dir', package: 'grpcio' }),
    ]);
  }, 30_000);

  test('a missing input sets exit status 1 in the real process', async () => {
    const failure = await exec(tsx, ['electron/cli.ts', 'log', '--json', MISSING, LOCK_LOG], {
      cwd: REPO,
      env,
    }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(1);
    expect(failure!.stderr).toContain('no such file');
    expect(jsonLines(failure!.stdout).map((f) => f.input)).toEqual([LOCK_LOG]);
  }, 30_000);
});
