#!/usr/bin/env node
/**
 * Headless Pip Doctor: the same engine and the same documents as the app,
 * for terminals and scripts. `npm run -s cli -- <command> --help`.
 */
import { runCli } from './cli/runCli';

// scripts/run-cli.mjs lent tsx a usable TMPDIR: the scan looks at the user's own (DESIGN.md rule 11).
const userTmpdir = process.env.PIP_DOCTOR_USER_TMPDIR;
if (userTmpdir !== undefined) {
  if (userTmpdir === '') delete process.env.TMPDIR;
  else process.env.TMPDIR = userTmpdir;
  delete process.env.PIP_DOCTOR_USER_TMPDIR;
}

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
