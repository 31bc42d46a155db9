/**
 * The afterPack hook: its decisions (which fuses, which binary, when to
 * re-sign), and the hook itself, loaded the way electron-builder loads it and
 * run on packed folders made from the stand-in Electron, in milliseconds.
 * packDir.test.ts runs it inside a whole electron-builder build.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO } from './packApp';
import { createStubElectronDist, DEFAULT_WIRE } from './stubElectronDist';

interface HookContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: Arch;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

type Hook = (context: HookContext) => Promise<void>;

interface AfterPackModule extends Hook {
  FUSES: Readonly<Record<number, boolean>>;
  fuseConfig(context: HookContext): Record<string, unknown>;
  electronBinaryPath(context: HookContext): string;
}

const require = createRequire(__filename);
const hook = require('../../../build/afterPack.cjs') as AfterPackModule;
const builderConfig = JSON.parse(readFileSync(join(REPO, 'electron-builder.json'), 'utf8')) as {
  afterPack: string;
};

/** electron-builder's hook loader (packager.js calls it for every hook); a deep import, so it may move. */
const { resolveFunction } = require(
  join(REPO, 'node_modules', 'app-builder-lib', 'out', 'util', 'resolve.js'),
) as {
  resolveFunction(type: string, executor: string, name: string, root: string): Promise<unknown>;
};

function context(
  electronPlatformName: string,
  arch = Arch.x64,
  appOutDir = '/out/app',
): HookContext {
  return {
    appOutDir,
    electronPlatformName,
    arch,
    packager: { executableName: 'pip-doctor', appInfo: { productFilename: 'Pip Doctor' } },
  };
}

/** getCurrentFuseWire()'s reading of a wire: { version: '1', '0': charCode, ... }. */
function wireOf(fuses: string): Record<string, unknown> {
  const wire: Record<string, unknown> = { version: '1' };
  for (const [index, fuse] of [...fuses].entries()) wire[String(index)] = fuse.charCodeAt(0);
  return wire;
}

describe('build/afterPack.cjs', () => {
  it('sets every fuse @electron/fuses knows, to the hardened choice', () => {
    expect(hook.FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(Object.keys(hook.FUSES).map(Number).sort()).toEqual(known.sort());
  });

  it('re-signs ad hoc on macOS, both architectures, and nowhere else', () => {
    for (const arch of [Arch.arm64, Arch.x64]) {
      expect(hook.fuseConfig(context('darwin', arch))).toMatchObject({
        version: FuseVersion.V1,
        resetAdHocDarwinSignature: true,
      });
    }
    for (const platform of ['win32', 'linux']) {
      expect(hook.fuseConfig(context(platform)).resetAdHocDarwinSignature).toBe(false);
    }
  });

  it('finds the binary by electron-builder naming rules on each platform', () => {
    expect(hook.electronBinaryPath(context('linux'))).toBe(join('/out/app', 'pip-doctor'));
    expect(hook.electronBinaryPath(context('win32'))).toBe(join('/out/app', 'Pip Doctor.exe'));
    expect(hook.electronBinaryPath(context('darwin'))).toBe(join('/out/app', 'Pip Doctor.app'));
    expect(() => hook.electronBinaryPath(context('freebsd'))).toThrow(/no fuse support/);
  });
});

/**
 * When afterPack runs, the packed folder holds the Electron binary under the
 * app's name; here that is the stand-in's binary, copied in under that name.
 * macOS is not run: it needs a .app bundle and codesign, neither of which is here.
 */
describe('build/afterPack.cjs, as electron-builder runs it', () => {
  let work = '';
  let loaded: unknown;
  const packed = {
    linux: { dir: (): string => join(work, 'linux-unpacked'), from: 'electron', as: 'pip-doctor' },
    win32: {
      dir: (): string => join(work, 'win-unpacked'),
      from: 'electron.exe',
      as: 'Pip Doctor.exe',
    },
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'pip-doctor-afterpack-'));
    const dist = await createStubElectronDist(join(work, 'electron-dist'));
    for (const { dir, from, as } of Object.values(packed)) {
      await mkdir(dir());
      await copyFile(join(dist, from), join(dir(), as));
    }
    // The path as electron-builder.json gives it, resolved against the project like a build does.
    loaded = await resolveFunction(
      'electron',
      join(REPO, builderConfig.afterPack),
      'afterPack',
      REPO,
    );
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it.each(Object.entries(packed))(
    'flips the fuses of the packed %s binary to FUSES and leaves fuses it does not know alone',
    async (platform, { dir, as }) => {
      const binary = join(dir(), as);
      // The stand-in starts at Electron's defaults, so a hook that did nothing would leave them.
      expect(await getCurrentFuseWire(binary)).toEqual(wireOf(DEFAULT_WIRE));
      expect(loaded).toBeTypeOf('function');
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        await (loaded as Hook)(context(platform, Arch.x64, dir()));
        expect(log).toHaveBeenCalledWith(expect.stringContaining(`file=${binary}`));
      } finally {
        log.mockRestore();
      }
      const hardened = Object.entries(hook.FUSES)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, on]) => (on ? '1' : '0'))
        .join('');
      // The ninth fuse (wasmTrapHandlers) is unknown to @electron/fuses 1.8: it keeps Electron's default.
      expect(await getCurrentFuseWire(binary)).toEqual(wireOf(hardened + DEFAULT_WIRE.slice(8)));
    },
  );
});
