/** Enough of a launcher's end for its shebang and the small zip after it. */
export const LAUNCHER_TAIL_BYTES = 64 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * The interpreter a pip.exe (or any console-script .exe made by pip,
 * distlib, conda or installer) runs. distlib's ScriptMaker._write_script
 * writes `launcher + shebang + zip_data` (older releases put os.linesep
 * between shebang and zip), where the shebang is `#!` + the interpreter's
 * path in UTF-8, in double quotes when it has spaces, + `\n`, and the zip
 * holds __main__.py (pypa/distlib distlib/scripts.py, `_get_shebang`,
 * `enquote_executable`; its launcher finds the line the same way, from the
 * zip's end record backwards). So the shebang is the last `#!` line before
 * the zip starts. uv's trampolines keep the path in a PE resource instead
 * (astral-sh/uv uv-trampoline-builder): they answer null here.
 */
export function interpreterFromLauncherTail(tail: Buffer): string | null {
  const zipStart = startOfZip(tail);
  const before = tail.subarray(0, zipStart ?? tail.length);
  const hash = before.lastIndexOf('#!');
  if (hash < 0) return null;
  const newline = before.indexOf(0x0a, hash);
  const line = before
    .subarray(hash + 2, newline < 0 ? before.length : newline)
    .toString('utf8')
    .trim();
  if (line === '' || line.includes('\uFFFD')) return null;
  const quoted = /^"([^"]+)"/.exec(line);
  const interpreter = quoted
    ? quoted[1]!
    : (/^(.*?\.exe)(?:\s|$)/i.exec(line)?.[1] ?? line.split(/\s+/)[0]!);
  return /\.exe$/i.test(interpreter) && /^(?:[a-z]:\\|\\\\)/i.test(interpreter)
    ? interpreter
    : null;
}

/** Where the appended zip begins, from its end-of-central-directory record; null without one. */
function startOfZip(tail: Buffer): number | null {
  // The record is 22 bytes plus a comment of up to 65535 bytes (distlib writes none).
  for (let at = tail.length - 22; at >= 0 && at >= tail.length - 22 - 0xffff; at--) {
    if (tail.readUInt32LE(at) !== END_OF_CENTRAL_DIRECTORY) continue;
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    const start = at - directorySize - directoryOffset;
    return start >= 0 ? start : null;
  }
  return null;
}
