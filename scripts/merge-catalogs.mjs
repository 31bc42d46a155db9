// Unions the translations on another branch into this checkout's i18n/<locale>.json
// (keys sorted, this checkout's text wins where both have one): helpers translate
// their own messages into the same files, which git cannot merge line by line.
// Usage: node scripts/merge-catalogs.mjs <branch>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const branch = process.argv[2];
const locales = ['de', 'fr', 'es', 'it', 'pt-BR', 'ru', 'zh-Hans', 'ja', 'ko'];
for (const locale of locales) {
  const file = `i18n/${locale}.json`;
  let theirs;
  try {
    theirs = JSON.parse(execFileSync('git', ['show', `${branch}:${file}`], { encoding: 'utf8' }));
  } catch {
    continue;
  }
  let ours;
  try {
    ours = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    ours = {};
  }
  const merged = { ...theirs, ...ours };
  const sorted = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((k) => [k, merged[k]]),
  );
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(
    `${file}: ${Object.keys(ours).length} + ${Object.keys(theirs).length} -> ${Object.keys(sorted).length}`,
  );
}
