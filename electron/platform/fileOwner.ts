import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileOwner } from './systemProbe';

/** RECORD files are read this many at a time when the name does not tell. */
const PARALLEL_READS = 16;
/** Only the head of METADATA holds Name and Version. */
const METADATA_HEAD_BYTES = 16 * 1024;

/**
 * The installed distribution whose `*.dist-info/RECORD` lists `file`
 * (the wheel spec: one CSV row per file, its path relative to site-packages
 * with `/` separators, quoted when it holds a comma or a quote; scripts
 * appear as `../../../bin/pip`). Its name and version come from METADATA,
 * else from the folder's name.
 *
 * The work is bounded: each site-packages is listed once; the dist-info
 * folders whose name matches the file's top-level folder or module are read
 * first (numpy/core/x.so → numpy-1.26.4.dist-info), and only when none of
 * them lists it are the others read, a few at a time, those whose name holds
 * the top-level name (or is held by it) first, then in name order, stopping
 * at the first batch that holds it. A RECORD is only parsed when its text
 * contains the file's relative path (or, for a file outside site-packages,
 * its name).
 * `foldCase` compares paths without case, as on Windows.
 */
export async function fileOwner(
  sitePackagesDirs: readonly string[],
  file: string,
  options: { foldCase?: boolean } = {},
): Promise<FileOwner | null> {
  const fold = options.foldCase ? (text: string) => text.toLowerCase() : (text: string) => text;
  const target = fold(path.resolve(file));
  // The site-packages that hold the file first: a RECORD elsewhere naming it by ../ is rare.
  const ordered = [...sitePackagesDirs].sort(
    (a, b) => Number(isWithin(b, file)) - Number(isWithin(a, file)),
  );
  for (const site of ordered) {
    try {
      const owner = await ownerIn(fold, site, target, file);
      if (owner !== null) return owner;
    } catch {
      // An unreadable site-packages tells nothing; the next may.
    }
  }
  return null;
}

async function ownerIn(
  fold: (text: string) => string,
  site: string,
  target: string,
  file: string,
): Promise<FileOwner | null> {
  const relative = path.relative(site, file).split(path.sep).join('/');
  const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  // The text a RECORD must contain to be worth parsing.
  const needle = fold(inside ? relative : path.basename(file));
  const distInfos = (await readdir(site)).filter((name) => name.endsWith('.dist-info')).sort();
  const key = normalizedName(inside ? relative.split('/')[0]! : path.basename(file));
  const kinship = (distInfo: string) => {
    const name = normalizedName(distName(distInfo));
    if (name === key) return 0;
    // PIL in pillow, yaml in pyyaml, dateutil in python_dateutil, attr in attrs.
    return key.length >= 3 && (name.includes(key) || key.includes(name)) ? 1 : 2;
  };
  const tiers = [0, 1, 2].map((tier) => distInfos.filter((name) => kinship(name) === tier));

  const lists = async (name: string): Promise<boolean> => {
    const record = await readFile(path.join(site, name, 'RECORD'), 'utf8').catch(() => null);
    if (record === null) return false;
    // A quoted row doubles the quotes of its path.
    const text = fold(record.replace(/\\/g, '/'));
    if (!text.includes(needle) && !text.includes(needle.replace(/"/g, '""'))) return false;
    return recordPaths(record).some((entry) => fold(path.resolve(site, entry)) === target);
  };
  for (const name of tiers[0]!) if (await lists(name)) return ownerOf(site, name);
  for (const tier of tiers.slice(1)) {
    for (let start = 0; start < tier.length; start += PARALLEL_READS) {
      const batch = tier.slice(start, start + PARALLEL_READS);
      const found = await Promise.all(batch.map(lists));
      const index = found.indexOf(true);
      if (index >= 0) return ownerOf(site, batch[index]!);
    }
  }
  return null;
}

/** The first field of every RECORD row: a CSV field, maybe quoted with "" for a quote. */
export function recordPaths(record: string): string[] {
  const paths: string[] = [];
  for (const line of record.split(/\r?\n/)) {
    if (line === '') continue;
    if (!line.startsWith('"')) {
      const comma = line.indexOf(',');
      paths.push(comma < 0 ? line : line.slice(0, comma));
      continue;
    }
    let value = '';
    for (let at = 1; at < line.length; at++) {
      if (line[at] === '"' && line[at + 1] === '"') {
        value += '"';
        at++;
      } else if (line[at] === '"') break;
      else value += line[at];
    }
    paths.push(value);
  }
  return paths.map((entry) => entry.replace(/\\/g, '/'));
}

/** Name and Version from METADATA's header, else from `name-version.dist-info`. */
async function ownerOf(site: string, distInfo: string): Promise<FileOwner> {
  const head = await readHead(path.join(site, distInfo, 'METADATA'));
  const header = head?.split(/\r?\n\r?\n/)[0] ?? '';
  const field = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.+?)[ \\t]*$`, 'mi').exec(header)?.[1] ?? null;
  const fromFolder = /^(.+?)-(\d[^-]*)\.dist-info$/.exec(distInfo);
  return {
    name: field('Name') ?? fromFolder?.[1] ?? distName(distInfo),
    version: field('Version') ?? fromFolder?.[2] ?? 'unknown',
  };
}

async function readHead(file: string): Promise<string | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(METADATA_HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** The distribution part of `name-version.dist-info`. */
function distName(distInfo: string): string {
  const stem = distInfo.slice(0, -'.dist-info'.length);
  return /^(.+?)-\d/.exec(stem)?.[1] ?? stem;
}

/**
 * PEP 503's normalised name, also for a top-level entry: `numpy`, a module
 * file `six.py` or `_cffi_backend.cpython-312-x86_64-linux-gnu.so`, and a
 * script `pip3.12` all reduce to the name a dist-info folder would carry.
 */
function normalizedName(name: string): string {
  const stem = name.split('.')[0]!.replace(/\d+$/, '');
  return stem.toLowerCase().replace(/[-_.]+/g, '_');
}

function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
