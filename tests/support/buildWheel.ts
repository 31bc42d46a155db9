import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * A wheel is a zip of the package's files plus a .dist-info folder
 * (METADATA, WHEEL, RECORD). Assembled here byte by byte (stored, not
 * deflated), so the tests need neither the network nor a build backend.
 */

export interface WheelSpec {
  /** The distribution name, as on PyPI. */
  name: string;
  version: string;
  /** Module name -> source; `pkg/__init__.py` style paths are allowed. */
  files: Record<string, string>;
  requires?: string[];
  /** Written when given; without it, the import name is found from RECORD. */
  topLevel?: string[];
}

export function buildWheel(folder: string, spec: WheelSpec): string {
  const stem = `${spec.name.replace(/[-_.]+/g, '_')}-${spec.version}`;
  const distInfo = `${stem}.dist-info`;
  const entries: Array<[string, Buffer]> = Object.entries(spec.files).map(([path, text]) => [
    path,
    Buffer.from(text),
  ]);
  const metadata = [
    'Metadata-Version: 2.1',
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    ...(spec.requires ?? []).map((requirement) => `Requires-Dist: ${requirement}`),
    '',
  ].join('\n');
  entries.push([`${distInfo}/METADATA`, Buffer.from(metadata)]);
  entries.push([
    `${distInfo}/WHEEL`,
    Buffer.from(
      'Wheel-Version: 1.0\nGenerator: pip-doctor-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    ),
  ]);
  if (spec.topLevel)
    entries.push([`${distInfo}/top_level.txt`, Buffer.from(`${spec.topLevel.join('\n')}\n`)]);
  const record = entries
    .map(
      ([path, data]) =>
        `${path},sha256=${createHash('sha256').update(data).digest('base64url')},${data.length}`,
    )
    .concat(`${distInfo}/RECORD,,`, '')
    .join('\n');
  entries.push([`${distInfo}/RECORD`, Buffer.from(record)]);
  const file = join(folder, `${stem}-py3-none-any.whl`);
  writeFileSync(file, zipStored(entries));
  return file;
}

/** A zip with every entry stored (method 0): local headers, the central directory, its end record. */
function zipStored(entries: Array<[string, Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of entries) {
    const name = Buffer.from(path);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Two distributions whose import names differ from their names (so the
 * verification must read them from metadata): `pipdoctor-demo` installs
 * `demo_module` (top_level.txt) and needs `pipdoctor-helper`, which installs
 * `helper_mod` (named only in RECORD).
 */
export function buildDemoWheels(folder: string): void {
  buildWheel(folder, {
    name: 'pipdoctor-demo',
    version: '1.0',
    files: { 'demo_module/__init__.py': 'import helper_mod\nVALUE = helper_mod.VALUE + 1\n' },
    requires: ['pipdoctor-helper'],
    topLevel: ['demo_module'],
  });
  buildWheel(folder, {
    name: 'pipdoctor-helper',
    version: '2.0',
    files: { 'helper_mod.py': 'VALUE = 41\n' },
  });
}
