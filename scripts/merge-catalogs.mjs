// Merges the translations on another branch into this checkout's i18n/<locale>.json,
// by key (keys sorted): a key the branch changed since the common ancestor takes the
// branch's text, every other key keeps this checkout's. Helpers translate their own
// messages into the same files, which git cannot merge line by line.
// Usage: node scripts/merge-catalogs.mjs <branch>
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const branch = process.argv[2];
const base = execFileSync('git', ['merge-base', 'HEAD', branch], { encoding: 'utf8' }).trim();
const locales = ['de', 'fr', 'es', 'it', 'pt-BR', 'ru', 'zh-Hans', 'ja', 'ko'];

function catalogAt(commit, file) {
  try {
    return JSON.parse(execFileSync('git', ['show', `${commit}:${file}`], { encoding: 'utf8' }));
  } catch {
    return {};
  }
}

for (const locale of locales) {
  const file = `i18n/${locale}.json`;
  const theirs = catalogAt(branch, file);
  const before = catalogAt(base, file);
  const ours = catalogAt('HEAD', file);
  const merged = { ...ours };
  for (const [id, text] of Object.entries(theirs)) {
    if (before[id] !== text || !(id in merged)) merged[id] = text;
  }
  const sorted = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((id) => [id, merged[id]]),
  );
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(
    `${file}: ${Object.keys(ours).length} + ${Object.keys(theirs).length} -> ${Object.keys(sorted).length}`,
  );
}
