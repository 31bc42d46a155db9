/**
 * A stand-in for an unpacked Electron distribution, so electron-builder can
 * pack offline (it would otherwise download the Electron zip from GitHub).
 * One directory serves both platforms, like a real dist has one layout:
 *
 * - `electron`: a shell script (Linux only checks that the file exists);
 * - `electron.exe`: a real, code-less PE built with resedit, the library
 *   electron-builder itself edits Windows binaries with. It needs a version
 *   resource ("Failed to parse version info" otherwise) and no COFF symbol
 *   table ("Binary with symbols is not supported now"); an empty PE has none.
 *
 * Both carry a fuse wire in Electron's format (the sentinel, wire version 1,
 * wire length, one byte per fuse) with Electron's default values, so the
 * afterPack hook's flipFuses() finds something to flip and the test can read
 * it back with getCurrentFuseWire(). The binaries are not Electron: nothing
 * here runs them.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';

/** @electron/fuses' marker: the wire starts right after it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's defaults ('1' on, '0' off), in FuseV1Options order: runAsNode,
 * cookieEncryption, nodeOptions, nodeCliInspect, embeddedAsarIntegrity,
 * onlyLoadAppFromAsar, browserV8Snapshot, grantFileProtocolExtraPrivileges,
 * and a ninth fuse (wasmTrapHandlers) that @electron/fuses 1.8 does not know,
 * to prove the hook leaves unknown fuses alone.
 */
export const DEFAULT_WIRE = '101100011';

function fuseWire(): Buffer {
  return Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'latin1'),
  ]);
}

const EN_US = 0x0409;
const UTF16 = 1200;

function stubPe(): Buffer {
  const exe = NtExecutable.createEmpty(false, false); // 64-bit, .exe
  const resources = NtExecutableResource.from(exe);
  // One language only: electron-builder refuses a version resource with more.
  const version = Resource.VersionInfo.create(
    EN_US,
    { fileVersionMS: (45 << 16) | 4, fileVersionLS: 1 << 16 },
    [
      {
        lang: EN_US,
        codepage: UTF16,
        values: { ProductName: 'Electron', FileDescription: 'stand-in for tests' },
      },
    ],
  );
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  // Data after the last section survives electron-builder's resedit passes.
  exe.setExtraData(fuseWire());
  return Buffer.from(exe.generate());
}

export async function createStubElectronDist(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const script = `#!/bin/sh\n# ${fuseWire().toString('latin1')}\necho "stand-in Electron" >&2\nexit 1\n`;
  await writeFile(path.join(dir, 'electron'), script);
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'electron.exe'), stubPe());
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for the Electron license.\n');
  return dir;
}
