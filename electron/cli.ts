#!/usr/bin/env node
/**
 * Headless Pip Doctor: the same engine and the same documents as the app,
 * for terminals and scripts. `npm run -s cli -- <command> --help`.
 */
import { runCli } from './cli/runCli';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pip-doctor: unexpected failure: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
