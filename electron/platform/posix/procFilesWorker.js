'use strict';
/**
 * Runs in a worker thread (procFilesReader.ts starts it): reads, for every
 * process, the files it has open (/proc/<pid>/fd/*) or mapped
 * (/proc/<pid>/maps) and answers with those that contain one of the
 * needles, the install folders being looked at.
 *
 * Why a thread of its own, with synchronous reads:
 * - Reading another process's maps takes its memory-map lock. A process
 *   stuck in the kernel with that lock held (a page fault on an unreachable
 *   network mount) blocks the read until the mount answers. Here that stalls
 *   this thread, which the app abandons after a timeout; never the main
 *   thread, which draws the window and starts the interpreter probes.
 * - A synchronous /proc read costs a tenth of a thread-pool round trip, and a
 *   scan makes several hundred: a kernel hands out maps a page per read.
 *
 * Plain JavaScript using only Node's own modules, so that it loads the same
 * from the sources (tsx, vitest) and from out/main (electron-vite copies it
 * there as an entry of its own); the caller validates every answer.
 *
 * Request: { id, needles: string[], skipPids: number[], shard: { index, count } }
 *          (this worker reads the pids for which pid % count === index)
 * Answer:  { id, processes: [{ pid, paths }], denied } or { id, error }
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, see above */
const { readdirSync, readFileSync, readlinkSync, statSync } = require('node:fs');
const { parentPort } = require('node:worker_threads');

/** PF_KTHREAD in /proc/<pid>/stat flags (field 9): kernel threads hold no files. */
const PF_KTHREAD = 0x00200000;
/**
 * "start-end perms offset dev inode   path". The path is taken after the five
 * fixed fields, not from the first '/', which an anonymous mapping's name
 * ("[anon:...]") may contain.
 */
const MAPS_LINE = /^\S+ \S+ \S+ \S+ \d+ +(.*)$/;

parentPort.on('message', (request) => {
  try {
    parentPort.postMessage({ id: request.id, ...readOpenFiles(request) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String(error?.stack ?? error) });
  }
});

function readOpenFiles({ needles, skipPids, shard }) {
  const skipped = new Set(skipPids);
  const processes = [];
  let denied = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid % shard.count !== shard.index || skipped.has(pid) || hasNoUserSpace(pid)) continue;
    const descriptors = descriptorTargets(pid, needles);
    const mapped = mappedPaths(pid, needles);
    if (descriptors === 'vanished' || mapped === 'vanished') continue;
    // Whatever part could be read is still reported: root may be refused one process's
    // maps (a hardened supervisor) and still see its descriptors.
    const paths = [descriptors, mapped].filter(Array.isArray).flat();
    if (paths.length > 0) processes.push({ pid, paths });
    // Unprivileged, kernel threads look denied too (their /proc entries are root's);
    // they hold no files, so they are not a gap worth telling anyone about.
    if ((descriptors === 'denied' || mapped === 'denied') && !isKernelThread(pid)) denied++;
  }
  return { processes, denied };
}

/**
 * True for a kernel thread, a zombie, or a process already gone: the kernel
 * answers ENOENT for the exe link of a task without a user address space, and
 * such a task holds no files. Most pids on Linux are kernel threads (63 of 67
 * on a fresh VM, about half on a desktop), so this saves most of the reads.
 * stat rather than readlink: a missing entry then throws nothing, and a thrown
 * error costs three times the system call. Denied (another user's process) is
 * not known to be empty, so it is inspected like any other.
 */
function hasNoUserSpace(pid) {
  try {
    return statSync(`/proc/${pid}/exe`, { throwIfNoEntry: false }) === undefined;
  } catch (error) {
    return isVanished(error);
  }
}

/** The open descriptors' targets that mention a needle; readlink only, a stat per fd would triple the cost. */
function descriptorTargets(pid, needles) {
  let fds;
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    return classify(error);
  }
  const targets = [];
  for (const fd of fds) {
    let target;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch (error) {
      // The kernel may list a process's descriptors yet refuse to resolve them (a
      // hardened or non-dumpable process): the first refusal answers for all of them.
      if (isDenied(error)) return 'denied';
      continue; // closed since the listing
    }
    if (mentionsNeedle(target, needles)) targets.push(target);
  }
  return targets;
}

/** The mapped files that mention a needle; most processes' maps mention none. */
function mappedPaths(pid, needles) {
  let maps;
  try {
    maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
  } catch (error) {
    return classify(error);
  }
  if (!mentionsNeedle(maps, needles)) return [];
  const paths = new Set();
  for (const line of maps.split('\n')) {
    if (!mentionsNeedle(line, needles)) continue;
    // The kernel writes a newline inside a mapped file's name as \012.
    const path = MAPS_LINE.exec(line)?.[1];
    if (path?.startsWith('/')) paths.add(path.replaceAll('\\012', '\n'));
  }
  return [...paths];
}

function mentionsNeedle(text, needles) {
  return needles.some((needle) => text.includes(needle));
}

function isKernelThread(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const flags = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[9 - 3]);
    return (flags & PF_KTHREAD) !== 0;
  } catch {
    return false;
  }
}

/** Gone, or refused; anything else is a bug worth the caller's error. */
function classify(error) {
  if (isVanished(error)) return 'vanished';
  if (isDenied(error)) return 'denied';
  throw error;
}

// ESRCH: a /proc/<pid> entry whose task is already reaped; ENOENT: the entry itself is gone.
function isVanished(error) {
  return error?.code === 'ENOENT' || error?.code === 'ESRCH';
}

function isDenied(error) {
  return error?.code === 'EACCES' || error?.code === 'EPERM';
}
