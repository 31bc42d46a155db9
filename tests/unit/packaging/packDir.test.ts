/**
 * The real electron-builder, offline: `--linux dir` and `--win dir` of this
 * repo against a stand-in Electron (stubElectronDist.ts), then what came out:
 * the app.asar listing, the fuses the afterPack hook flipped, the .exe's
 * resources. A second build from a deliberately careless copy of the project
 * proves the listing check fails when it should.
 *
 * No installer is built here: NSIS (setup + portable) needs electron-builder's
 * NSIS bundle and 7-Zip from GitHub plus wine32, dmg needs macOS, AppImage and
 * deb need their toolsets from GitHub. .github/workflows/release.yml builds
 * them on windows-latest, macos-latest and ubuntu-latest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCurrentFuseWire } from '@electron/fuses';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkflow } from '../../support/workflows';
import { asarViolations, productionPackages } from './asarPolicy';
import { ensureBuilt, listAsar, makeCarelessProject, packDir, REPO, type Run } from './packApp';
import { createStubElectronDist, DEFAULT_WIRE } from './stubElectronDist';

const BUILD_TIMEOUT = 180_000;
/** What each installer target electron-builder.json names makes: how the release job uploads it. */
const INSTALLER_EXTENSION: Readonly<Record<string, string>> = {
  nsis: 'exe',
  portable: 'exe',
  dmg: 'dmg',
  AppImage: 'AppImage',
  deb: 'deb',
};
/** electron-builder.json's platform key → the release matrix's platform flag and its runner. */
const RELEASE_RUNNERS = {
  win: { flag: '--win', os: 'windows-latest' },
  mac: { flag: '--mac', os: 'macos-latest' },
  linux: { flag: '--linux', os: 'ubuntu-latest' },
} as const;

const hook = createRequire(__filename)(join(REPO, 'build', 'afterPack.cjs')) as {
  FUSES: Readonly<Record<number, boolean>>;
};
const lockfile = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const builderConfig = JSON.parse(
  readFileSync(join(REPO, 'electron-builder.json'), 'utf8'),
) as Record<keyof typeof RELEASE_RUNNERS, { target: Array<{ target: string }> }>;
const PRODUCTION = productionPackages(pkg.dependencies, lockfile);

let work = '';
let good: Run;
let careless: Run;
const linuxDir = (): string => join(work, 'dist', 'linux-unpacked');
const winDir = (): string => join(work, 'dist', 'win-unpacked');

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pip-doctor-pack-'));
  const [electronDist] = await Promise.all([
    createStubElectronDist(join(work, 'electron-dist')),
    ensureBuilt(),
  ]);
  await makeCarelessProject(join(work, 'careless'));
  [good, careless] = await Promise.all([
    packDir({
      projectDir: REPO,
      platforms: ['--linux', '--win'],
      electronDist,
      outDir: join(work, 'dist'),
    }),
    packDir({
      projectDir: join(work, 'careless'),
      platforms: ['--linux'],
      electronDist,
      outDir: join(work, 'careless-dist'),
    }),
  ]);
}, BUILD_TIMEOUT);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('electron-builder --dir with a stand-in Electron', () => {
  it('packs Linux and Windows', () => {
    expect(good.code, good.output).toBe(0);
    expect(existsSync(join(linuxDir(), 'resources', 'app.asar'))).toBe(true);
    expect(existsSync(join(winDir(), 'resources', 'app.asar'))).toBe(true);
  });

  it('ships only the bundles, the Windows probes and production dependencies', () => {
    expect(asarViolations(listAsar(linuxDir()), PRODUCTION)).toEqual([]);
    expect(asarViolations(listAsar(winDir()), PRODUCTION)).toEqual([]);
    expect(listAsar(winDir()).map((e) => e.replaceAll('\\', '/'))).toEqual(listAsar(linuxDir()));
  });

  it('puts every assets/windows/*.ps1 outside the archive too, where PowerShell can read it', async () => {
    const dir = join(REPO, 'assets', 'windows');
    const scripts = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.ps1')) : [];
    for (const script of scripts) {
      expect(listAsar(winDir())).toContain(`/assets/windows/${script}`);
      const unpacked = join(winDir(), 'resources', 'app.asar.unpacked', 'assets', 'windows');
      expect(existsSync(join(unpacked, script)), script).toBe(true);
    }
  });

  it('the afterPack hook flipped the fuses in both packed binaries', async () => {
    const expected: Record<string, unknown> = { version: '1' };
    for (const [index, on] of Object.entries(hook.FUSES)) expected[index] = on ? 49 : 48; // '1' / '0'
    // The ninth fuse (wasmTrapHandlers) is unknown to @electron/fuses 1.8: left at its default.
    expected['8'] = DEFAULT_WIRE.charCodeAt(8);
    for (const binary of [join(linuxDir(), 'pip-doctor'), join(winDir(), 'Pip Doctor.exe')]) {
      expect(await getCurrentFuseWire(binary), binary).toEqual(expected);
    }
  });

  it("gave the .exe our icon, our name and the asar's integrity hash", () => {
    const exe = NtExecutable.from(readFileSync(join(winDir(), 'Pip Doctor.exe')));
    const entries = NtExecutableResource.from(exe).entries;
    const RT_ICON = 3;
    expect(entries.filter((e) => e.type === RT_ICON)).toHaveLength(7);
    expect(entries.some((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR')).toBe(true);
    const [version] = Resource.VersionInfo.fromEntries(entries);
    const strings = version!.getStringValues({ lang: 0x0409, codepage: 1200 });
    expect(strings).toMatchObject({
      ProductName: 'Pip Doctor',
      CompanyName: 'Pip Doctor contributors',
      FileVersion: pkg.version,
    });
  });

  it('the listing check catches a devDependency in dependencies, tests and sources in `files`', () => {
    // electron-builder itself is happy with the careless project; only our check objects.
    expect(careless.code, careless.output).toBe(0);
    const problems = asarViolations(
      listAsar(join(work, 'careless-dist', 'linux-unpacked')),
      PRODUCTION,
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^not shipped: \/tests \(\d+ entries\)$/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^not shipped: \/electron \(/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^node_modules\/react is not a production dependency/),
    );
  });

  // Offline there is no Electron zip, no NSIS bundle or 7-Zip (GitHub downloads) and no wine32,
  // and a dmg needs macOS: so the installers are left to the release workflow, and this checks
  // that the workflow really builds and uploads each one, and fails when one is missing.
  it('builds no installer: .github/workflows/release.yml builds every electron-builder.json target, each OS on its own runner', () => {
    const job = readWorkflow('release.yml').jobs.installers;
    expect(job?.['runs-on']).toBe('${{ matrix.os }}');
    const matrix = job!.strategy?.matrix.include ?? [];
    for (const [platform, { flag, os }] of Object.entries(RELEASE_RUNNERS)) {
      const entry = matrix.find((include) => include.platform === flag);
      expect(entry?.os, flag).toBe(os);
      const uploaded = (entry?.artifacts ?? '').split('\n').map((glob) => glob.trim());
      const targets = builderConfig[platform as keyof typeof RELEASE_RUNNERS].target;
      expect(targets.length, platform).toBeGreaterThan(0);
      for (const { target } of targets) {
        expect(INSTALLER_EXTENSION, `extension of ${target}`).toHaveProperty([target]);
        expect(uploaded, `${flag} uploads ${target}`).toContain(
          `dist/*.${INSTALLER_EXTENSION[target]}`,
        );
      }
    }
    // The full build (no --dir) of the matrix's platform, and an upload that fails when a file is missing.
    const pack = job!.steps.find((step) => step.name === 'Package');
    expect(pack?.env?.PLATFORM).toBe('${{ matrix.platform }}');
    expect(pack?.run).toMatch(/^\s*npx electron-builder "\$PLATFORM" --publish never$/m);
    expect(pack?.run).not.toMatch(/--dir\b/);
    const upload = job!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({
      path: '${{ matrix.artifacts }}',
      'if-no-files-found': 'error',
    });
  });
});
