import { findHoldersLinux } from '../../../../electron/platform/posix/procFileHolders';

/**
 * Run by the tests under `setpriv --reuid=65534`: the scan as an ordinary
 * user, who may not look into other users' processes. Prints the HolderScan
 * as one JSON line.
 * Usage: tsx printHolders.ts <prefix>...
 */
async function main(): Promise<void> {
  const prefixes = process.argv.slice(2);
  if (prefixes.length === 0) throw new Error('usage: <prefix>...');
  console.log(JSON.stringify(await findHoldersLinux(prefixes)));
}

void main();
