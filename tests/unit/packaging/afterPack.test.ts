/**
 * The afterPack hook's decisions, without a build: which fuses, which
 * binary, when to re-sign. packDir.test.ts proves the hook really runs and
 * reads the flipped wire back from the packed binaries.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { describe, expect, it } from 'vitest';

interface HookContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: Arch;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

interface AfterPackModule {
  (context: HookContext): Promise<void>;
  FUSES: Readonly<Record<number, boolean>>;
  fuseConfig(context: HookContext): Record<string, unknown>;
  electronBinaryPath(context: HookContext): string;
}

const hook = createRequire(__filename)('../../../build/afterPack.cjs') as AfterPackModule;

function context(electronPlatformName: string, arch = Arch.x64): HookContext {
  return {
    appOutDir: '/out/app',
    electronPlatformName,
    arch,
    packager: { executableName: 'pip-doctor', appInfo: { productFilename: 'Pip Doctor' } },
  };
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
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
    });
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(Object.keys(hook.FUSES).map(Number).sort()).toEqual(known.sort());
  });

  it('is the default export electron-builder loads', () => {
    expect(typeof hook).toBe('function');
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
