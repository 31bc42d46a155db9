/**
 * Runs the real electron-builder CLI (`--dir` targets only) against a stand-in
 * Electron, and builds the renderer/main bundles first when out/ is missing
 * (`npm test` does not run `npm run build`).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { REQUIRED_FILES } from './asarPolicy';
import { REPO } from '../../support/repoPaths';

export { REPO };
const ELECTRON_BUILDER = join(REPO, 'node_modules', 'electron-builder', 'cli.js');
const ELECTRON_VITE = join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

export interface Run {
  code: number;
  output: string;
}

function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      // CI=true would make electron-builder think of publishing; --publish never covers that.
      { cwd, env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** `npm run build` unless its outputs are already there (a developer's fresh build wins). */
export async function ensureBuilt(): Promise<void> {
  const built = REQUIRED_FILES.filter((f) => f.startsWith('/out/')).every((f) =>
    existsSync(join(REPO, f)),
  );
  if (built) return;
  const result = await run([ELECTRON_VITE, 'build'], REPO);
  if (result.code !== 0) throw new Error(`electron-vite build failed:\n${result.output}`);
}

/** `electron-builder --dir` for the given platforms (e.g. ['--linux', '--win']). */
export function packDir(opts: {
  projectDir: string;
  platforms: string[];
  electronDist: string;
  outDir: string;
}): Promise<Run> {
  const platformArgs = opts.platforms.flatMap((platform) => [platform, 'dir']);
  return run(
    [
      ELECTRON_BUILDER,
      ...platformArgs,
      '--projectDir',
      opts.projectDir,
      '--publish',
      'never',
      `-c.electronDist=${opts.electronDist}`,
      `-c.directories.output=${opts.outDir}`,
    ],
    opts.projectDir,
  );
}

/** The archive's entries, "/out/main/index.js" style. */
export function listAsar(appOutDir: string): string[] {
  return listPackage(join(appOutDir, 'resources', 'app.asar'), { isPack: false });
}

/**
 * A copy of the project with classic mistakes: a devDependency moved to
 * "dependencies" (react) and `files` globs that take tests and TypeScript
 * sources along.
 * node_modules is a symlink (electron-builder resolves packages through it);
 * everything it must pack is copied, because its file walker does not follow
 * symlinked folders.
 */
export async function makeCarelessProject(dir: string): Promise<void> {
  const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
  pkg.dependencies.react = pkg.devDependencies.react;
  delete pkg.devDependencies.react;
  const config = JSON.parse(await readFile(join(REPO, 'electron-builder.json'), 'utf8'));
  config.files = [...config.files, 'tests/unit/packaging/**', 'electron/*.ts'];
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  await writeFile(join(dir, 'electron-builder.json'), JSON.stringify(config, null, 2));
  for (const item of [
    'package-lock.json',
    'out',
    'build',
    'tests/unit/packaging',
    'electron/cli.ts',
  ]) {
    await cp(join(REPO, item), join(dir, item), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
