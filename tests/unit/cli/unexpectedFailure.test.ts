import { PassThrough, Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { runCli } from '../../../electron/cli/runCli';

test('a failure inside the CLI is reported in the terminal language, with exit status 1', async () => {
  // A terminal that is gone: writing to it fails, as a closed pipe does.
  const brokenStdout = new Writable({
    write() {
      throw new Error('EPIPE: the terminal went away');
    },
  });
  const stderr = new PassThrough();
  const said: Buffer[] = [];
  stderr.on('data', (chunk: Buffer) => said.push(chunk));
  const stdin = new PassThrough();
  stdin.end();

  const code = await runCli(['--help'], {
    stdout: brokenStdout,
    stderr,
    stdin,
    env: { LANG: 'de_DE.UTF-8' },
  });
  expect(code).toBe(1);
  expect(Buffer.concat(said).toString('utf8')).toMatch(
    /^pip-doctor: unerwarteter Fehler: Error: EPIPE: the terminal went away\n/,
  );
});
