import { probeInterpreter } from '../../../electron/platform/interpreterProbe';

/**
 * Run by the tests under `setpriv --reuid=65534`, because root may write
 * anywhere and so can never meet a cache folder it cannot write. Prints the
 * facts as one JSON line.
 * Usage: tsx printProbeFacts.ts <python> <cacheDir>
 */
async function main(): Promise<void> {
  const [python, cacheDir] = process.argv.slice(2);
  if (python === undefined || cacheDir === undefined) throw new Error('usage: <python> <cacheDir>');
  console.log(JSON.stringify(await probeInterpreter(python, { cacheDir })));
}

void main();
