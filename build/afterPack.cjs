/**
 * electron-builder `afterPack` hook: flips Electron's fuses in the packed
 * binary (https://www.electronjs.org/docs/latest/tutorial/fuses). It runs
 * after the app is copied in and before electron-builder signs anything, so
 * the signature covers the flipped fuses and they cannot be flipped back
 * without breaking it.
 *
 * CommonJS (.cjs) because electron-builder require()s hooks, and plain JS
 * because it must run without a TypeScript loader.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, see above */
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/**
 * Every fuse @electron/fuses 1.8 knows, set explicitly. Electron 45 may have
 * more (wasmTrapHandlers); those keep Electron's default, which is why
 * strictlyRequireAllFuses stays off.
 */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node
  // runtime for anyone on the machine. We never fork() from main.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store, encrypted with the OS keystore like Chrome's.
  // We keep no cookies today; if we ever do, they are not plain text on disk.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into main (--require).
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger port into main. (The
  // e2e suite runs the unpackaged app, so it does not need this fuse.)
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Refuse an app.asar whose hash differs from the one electron-builder
  // embeds (Windows resource, macOS Info.plist). Electron only checks on
  // macOS and Windows; on Linux the fuse is inert.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Without this, a resources/app folder dropped next to app.asar would be
  // loaded instead of it, bypassing the integrity check above.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We ship no browser-process-specific V8 snapshot; leave the standard one.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Off: the window loads the page from the app's own app:// scheme
  // (electron/security/appProtocol.ts), never file://, so file: pages get
  // no privileges beyond a browser's (no reading other files, no asar).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The flipFuses() argument for one packed app. */
function fuseConfig(context) {
  return {
    version: FuseVersion.V1,
    // Flipping a fuse edits a signed Mach-O and breaks its signature: Apple
    // Silicon refuses to start it, and a downloaded Intel app is reported as
    // "damaged". So re-sign ad hoc, on both architectures; a real identity,
    // when the release has one, signs over it right after this hook.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    ...FUSES,
  };
}

/** Where the Electron binary sits in appOutDir, by electron-builder's own naming rules. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      // @electron/fuses finds the framework binary inside the bundle itself.
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`afterPack: no fuse support for platform ${electronPlatformName}`);
  }
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const flipped = await flipFuses(binary, fuseConfig(context));
  console.log(`  • afterPack: fuses flipped  file=${binary} wires=${flipped}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
