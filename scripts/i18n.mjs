// Extracts every message from the source into i18n/en.json (ids, English,
// descriptions for translators) and compiles the pseudo-locale en-XA from it.
// `npm run i18n` after adding or changing a message; a unit test checks
// that the committed files equal what this writes.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(repo, 'i18n');
const formatjs = join(repo, 'node_modules', '.bin', 'formatjs');

function run(args) {
  execFileSync(formatjs, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
}

run([
  'extract',
  'electron/**/*.ts',
  'renderer/src/**/*.{ts,tsx}',
  '--ignore',
  '**/*.d.ts',
  '--out-file',
  join(outDir, 'en.json'),
  '--throws',
]);
run([
  'compile',
  join(outDir, 'en.json'),
  '--ast',
  '--pseudo-locale',
  'en-XA',
  '--out-file',
  join(outDir, 'en-XA.json'),
]);
