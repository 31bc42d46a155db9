import { englishOf } from '../../support/english';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInterpreter } from '../../../electron/platform/interpreterProbe';
import type { ProbeOptions } from '../../../electron/platform/interpreterProbe';
import type { InterpreterFacts } from '../../../electron/platform/systemProbe';
import { runProcess } from '../../../electron/platform/runProcess';

/** Every interpreter at once, as a scan asks them (diagnose starts each probe as it finds it). */
function probeInterpreters(executables: readonly string[], options: ProbeOptions) {
  return Promise.all(executables.map((executable) => probeInterpreter(executable, options)));
}

// Everything here runs real interpreters and real programs; nothing is mocked.
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'pip-doctor-probe-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pyenvRoot = join(homedir(), '.pyenv', 'versions');
const pyenvVersions = existsSync(pyenvRoot)
  ? readdirSync(pyenvRoot)
      .filter((name) => /^\d+\.\d+\.\d+$/.test(name))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  : [];
const pyenvPython = (version: string): string => join(pyenvRoot, version, 'bin', 'python');
const newestPyenv = pyenvVersions.at(-1);

/** A fake "interpreter": an executable shell script. */
function fake(name: string, body: string): string {
  const file = join(scratch, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

async function makeVenv(dir: string, ...extra: string[]): Promise<string> {
  const made = await runProcess('python3', ['-m', 'venv', ...extra, dir], { timeoutMs: 120_000 });
  expect(made.exitCode, made.stderr).toBe(0);
  return join(dir, 'bin', 'python');
}

describe('probeInterpreter on real interpreters', () => {
  it('describes the python3 on PATH', async () => {
    const facts = await probeInterpreter('python3', {});
    expect(facts.status, JSON.stringify(facts.statusDetail)).toBe('ok');
    expect(englishOf(facts.statusDetail)).toBeNull();
    expect(facts.executable).toBe('python3');
    expect(facts.version).toMatch(/^3\.\d+\.\d+/);
    expect(facts.implementation).toBe('CPython');
    expect(facts.platform).toBe('linux');
    expect(facts.realExecutable).toMatch(/^\//);
    expect(facts.purelib).toContain('-packages');
    expect(facts.stdlib).toMatch(/python3\.\d+$/);
    expect(facts.userSite).toContain('.local');
    expect(facts.pipVersion).toMatch(/^\d+\.\d+/);
  });

  it.skipIf(!pyenvVersions.includes('2.7.18'))('describes Python 2.7', async () => {
    const facts = await probeInterpreter(pyenvPython('2.7.18'), {});
    expect(facts).toMatchObject({
      status: 'ok',
      version: '2.7.18',
      implementation: 'CPython',
      inVenv: false,
      platform: 'linux2',
      prefix: join(pyenvRoot, '2.7.18'),
      basePrefix: join(pyenvRoot, '2.7.18'),
      purelib: join(pyenvRoot, '2.7.18', 'lib', 'python2.7', 'site-packages'),
      scripts: join(pyenvRoot, '2.7.18', 'bin'),
      userSiteEnabled: true,
      externallyManaged: false,
      condaPrefix: false,
    });
    expect(facts.pipVersion).toMatch(/^\d+\.\d+/);
  });

  it.skipIf(newestPyenv === undefined)(`describes the newest pyenv Python`, async () => {
    const facts = await probeInterpreter(pyenvPython(newestPyenv!), {});
    expect(facts).toMatchObject({ status: 'ok', version: newestPyenv, inVenv: false });
    expect(facts.realExecutable).toBe(realpathSync(pyenvPython(newestPyenv!)));
  });

  it('keeps working when the working folder holds a json.py (python -c puts it on sys.path)', async () => {
    const trap = join(scratch, 'trap');
    mkdirSync(trap);
    writeFileSync(join(trap, 'json.py'), 'raise SystemExit("shadowed json imported")\n');
    const wrapper = fake('python-in-trap', `cd '${trap}' && exec python3 "$@"`);
    const facts = await probeInterpreter(wrapper, {});
    expect(facts.status, JSON.stringify(facts.statusDetail)).toBe('ok');
  });

  it('ignores PYTHONPATH and PYTHONHOME meant for another Python (-E)', async () => {
    const facts = await probeInterpreter('python3', {
      env: { ...process.env, PYTHONHOME: '/nonexistent', PYTHONPATH: join(scratch, 'trap') },
    });
    expect(facts.status, JSON.stringify(facts.statusDetail)).toBe('ok');
  });

  it('finds the answer after noise printed at startup', async () => {
    const noisy = fake('python-noisy', 'echo "sitecustomize: hello {"; exec python3 "$@"');
    const facts = await probeInterpreter(noisy, {});
    expect(facts.status, JSON.stringify(facts.statusDetail)).toBe('ok');
    expect(facts.executable).toBe(noisy);
  });
});

describe('probeInterpreter on virtual environments', () => {
  const venv = join(scratch, 'venv');
  const deep = join(
    scratch,
    `it's "quoted" & 100% Ünïcødé 🐍 folder`,
    ...Array.from({ length: 4 }, (_, i) => `level ${i} with a rather long name to pass MAX_PATH`),
    'env',
  );
  let venvPython = '';
  let deepPython = '';

  beforeAll(async () => {
    expect(deep.length).toBeGreaterThan(260);
    [venvPython, deepPython] = await Promise.all([makeVenv(venv), makeVenv(deep, '--without-pip')]);
  }, 180_000);

  it('reports a venv, its own folders and the pip version from its metadata', async () => {
    const facts = await probeInterpreter(venvPython, {});
    expect(facts.status, JSON.stringify(facts.statusDetail)).toBe('ok');
    expect(facts.inVenv).toBe(true);
    expect(facts.prefix).toBe(venv);
    expect(facts.basePrefix).not.toBe(venv);
    expect(facts.purelib?.startsWith(join(venv, 'lib'))).toBe(true);
    expect(facts.scripts).toBe(join(venv, 'bin'));
    expect(facts.userSiteEnabled).toBe(false);
    expect(facts.externallyManaged).toBe(false);

    const distInfo = readdirSync(facts.purelib!).find((name) => /^pip-.*\.dist-info$/.test(name));
    expect(distInfo).toBeDefined();
    expect(facts.pipVersion).toBe(distInfo!.slice('pip-'.length, -'.dist-info'.length));
  });

  it('handles a venv path with quotes, &, %, Unicode and more than 260 characters', async () => {
    const facts = await probeInterpreter(deepPython, {});
    expect(facts.status, JSON.stringify(facts.statusDetail)).toBe('ok');
    expect(facts).toMatchObject({ inVenv: true, prefix: deep, pipVersion: null });
    expect(facts.purelib?.startsWith(deep)).toBe(true);
  });
});

describe('probeInterpreter on things that are not a working Python', () => {
  it('reports a program that never answers as timed-out, and the rest of the scan still completes', async () => {
    const hang = fake('python-hang', 'sleep 1000');
    const started = Date.now();
    const [hung, real] = (await probeInterpreters([hang, 'python3'], { timeoutMs: 1_500 })) as [
      InterpreterFacts,
      InterpreterFacts,
    ];
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(hung.status).toBe('timed-out');
    expect(englishOf(hung.statusDetail)).toBe(
      `"${hang}" did not answer within 1.5 s and was stopped.`,
    );
    expect(real.status).toBe('ok');
  });

  it('reports a cancelled probe as stopped', async () => {
    const hang = fake('python-hang-cancel', 'sleep 1000');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const facts = await probeInterpreter(hang, { signal: controller.signal });
    expect(facts.status).toBe('timed-out');
    expect(englishOf(facts.statusDetail)).toContain('cancelled');
  });

  it('reports a non-zero exit as crashed with the last line of stderr', async () => {
    const crash = fake(
      'python-crash',
      'echo "Python path configuration:" >&2; echo "Fatal Python error: init_fs_encoding" >&2; exit 1',
    );
    const facts = await probeInterpreter(crash, {});
    expect(facts.status).toBe('crashed');
    expect(englishOf(facts.statusDetail)).toBe(
      `"${crash}" exited with status 1: Fatal Python error: init_fs_encoding`,
    );
    expect(facts.version).toBeNull();
  });

  it('reports a program killed by a signal as crashed', async () => {
    const facts = await probeInterpreter(fake('python-segv', 'kill -SEGV $$'), {});
    expect(facts.status).toBe('crashed');
    expect(englishOf(facts.statusDetail)).toContain('was ended by SIGSEGV');
  });

  it('reports a missing program as crashed because it could not be started', async () => {
    const missing = join(scratch, 'no-such-python');
    const facts = await probeInterpreter(missing, {});
    expect(facts.status).toBe('crashed');
    expect(englishOf(facts.statusDetail)).toBe(
      `"${missing}" could not be started: the file does not exist (ENOENT).`,
    );
  });

  it('reports binary garbage as malformed, with control characters escaped', async () => {
    const facts = await probeInterpreter(
      fake('python-garbage', String.raw`printf '\377\376\000\001garbage\033[0m'`),
      {},
    );
    expect(facts.status).toBe('malformed');
    expect(englishOf(facts.statusDetail)).toContain(
      'printed something that is not the expected answer: ',
    );
    expect(englishOf(facts.statusDetail)).toContain('\\x00\\x01garbage\\x1b[0m');
  });

  it('reports our marker with the wrong shape as malformed', async () => {
    const facts = await probeInterpreter(
      fake('python-wrong-shape', `echo '{"pipDoctorProbe": 1, "version": 3}'`),
      {},
    );
    expect(facts.status).toBe('malformed');
    expect(englishOf(facts.statusDetail)).toContain('unexpected shape');
  });

  it('keeps a partial answer as ok and says which facts could not be read', async () => {
    const answer = {
      pipDoctorProbe: 1,
      errors: ["pipVersion: PermissionError(13, 'Permission denied')"],
      ...Object.fromEntries(
        ['realExecutable', 'prefix', 'basePrefix', 'stdlib', 'userSite', 'userScripts']
          .concat(['inVenv', 'paths', 'userSiteEnabled', 'pipVersion', 'externallyManaged'])
          .concat(['condaPrefix', 'implementation', 'platform'])
          .map((key) => [key, null]),
      ),
      version: '3.12.1',
    };
    const partial = fake('python-partial', `cat <<'EOF'\n${JSON.stringify(answer)}\nEOF`);
    const facts = await probeInterpreter(partial, {});
    expect(facts).toMatchObject({ status: 'ok', version: '3.12.1', pipVersion: null });
    expect(englishOf(facts.statusDetail)).toBe(
      `"${partial}" answered, but some facts could not be read: pipVersion: PermissionError(13, 'Permission denied')`,
    );
  });

  it('quotes stdout when a failing program explains itself there (like the Windows Store stub, whose 9009 POSIX cannot exit with)', async () => {
    const stub = fake(
      'python-store-stub',
      'echo "Python was not found; run without arguments to install from the Microsoft Store."; exit 9',
    );
    const facts = await probeInterpreter(stub, {});
    expect(facts.status).toBe('crashed');
    expect(englishOf(facts.statusDetail)).toBe(
      `"${stub}" exited with status 9: Python was not found; run without arguments to install from the Microsoft Store.`,
    );
  });

  it('reports valid JSON that is not our answer as not-python', async () => {
    const other = fake('python-other-json', `echo '{"version": "3.12.0", "prefix": "/usr"}'`);
    const facts = await probeInterpreter(other, {});
    expect(facts.status).toBe('not-python');
    expect(englishOf(facts.statusDetail)).toBe(
      `"${other}" is not a Python interpreter: it answered "{"version": "3.12.0", "prefix": "/usr"}".`,
    );
  });

  it('reports /bin/true and /bin/echo as not-python', async () => {
    const [silent, echo] = (await probeInterpreters(['/bin/true', '/bin/echo'], {})) as [
      InterpreterFacts,
      InterpreterFacts,
    ];
    expect(silent.status).toBe('not-python');
    expect(englishOf(silent.statusDetail)).toBe(
      '"/bin/true" is not a Python interpreter: it printed nothing.',
    );
    expect(echo.status).toBe('not-python');
    expect(englishOf(echo.statusDetail)).toMatch(
      // echo takes -E as its own option and prints the rest of our arguments back.
      /^"\/bin\/echo" is not a Python interpreter: it answered "-S -c /,
    );
  });
});

describe('probeInterpreters', () => {
  it('asks all interpreters at once', async () => {
    const slow = fake('python-slow', 'sleep 1; exec python3 "$@"');
    const single = await probeInterpreter(slow, {});
    expect(single.status, JSON.stringify(single.statusDetail)).toBe('ok');

    const count = 6;
    const started = Date.now();
    const all = await probeInterpreters(Array<string>(count).fill(slow), {});
    const elapsed = Date.now() - started;
    expect(all.map((facts) => facts.status)).toEqual(Array(count).fill('ok'));
    expect(elapsed).toBeLessThan((count * single.durationMs) / 2);
  });

  it('returns one result per executable, in order', async () => {
    const results = await probeInterpreters(['/bin/true', 'python3', join(scratch, 'missing')], {});
    expect(results.map((facts) => facts.status)).toEqual(['not-python', 'ok', 'crashed']);
  });
});
