import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildWheel } from '../../support/buildWheel';
import { NOBODY } from './probeAsUser/probeAsUser';

/**
 * `requests` and the dependency whose file fails in issue #16 item 1,
 * `charset-normalizer`, as small local wheels: requests needs it, as the
 * real one does, and imports it.
 */
export function buildRequestsWheels(folder: string): void {
  buildWheel(folder, {
    name: 'requests',
    version: '2.32.3',
    files: { 'requests/__init__.py': 'import charset_normalizer\n__version__ = "2.32.3"\n' },
    requires: ['charset-normalizer<4,>=2'],
  });
  buildWheel(folder, {
    name: 'charset-normalizer',
    version: '3.3.2',
    files: {
      'charset_normalizer/__init__.py': '__version__ = "3.3.2"\n',
      'charset_normalizer/md.py': '',
    },
  });
}

const normalized = (name: string) => name.replace(/[-_.]+/g, '-').toLowerCase();

/**
 * What pip prints when it is run as uid 65534 with these arguments against
 * a PEP 503 package index on 127.0.0.1 that serves the wheels in `wheels`:
 * the log a user would paste (`Collecting requests`, `Downloading …`), made
 * by pip itself rather than written by hand. Resolves whatever pip's exit.
 */
export async function realPipLog(options: {
  wheels: string;
  env: { PATH: string; HOME: string; LANG: string };
  cwd: string;
  args: string[];
}): Promise<string> {
  const files = readdirSync(options.wheels).filter((file) => file.endsWith('.whl'));
  const server = createServer((request, response) => {
    const page = /^\/simple\/([^/]+)\/$/.exec(request.url ?? '');
    const file = /^\/files\/([^/]+\.whl)$/.exec(request.url ?? '');
    if (page) {
      const links = files
        .filter((wheel) => normalized(wheel.split('-')[0]!) === normalized(page[1]!))
        .map((wheel) => `<a href="/files/${wheel}">${wheel}</a>`);
      response.writeHead(links.length > 0 ? 200 : 404, { 'content-type': 'text/html' });
      response.end(`<!DOCTYPE html><html><body>${links.join('\n')}</body></html>`);
    } else if (file && files.includes(file[1]!)) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(readFileSync(join(options.wheels, file[1]!)));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve) => {
      execFile(
        'setpriv',
        [
          `--reuid=${NOBODY}`,
          `--regid=${NOBODY}`,
          '--clear-groups',
          'env',
          '-i',
          `PATH=${options.env.PATH}`,
          `HOME=${options.env.HOME}`,
          `LANG=${options.env.LANG}`,
          `PIP_INDEX_URL=http://127.0.0.1:${port}/simple/`,
          'PIP_DISABLE_PIP_VERSION_CHECK=1',
          'PIP_NO_CACHE_DIR=1',
          'pip',
          ...options.args,
        ],
        { cwd: options.cwd, encoding: 'utf8' },
        (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
      );
    });
  } finally {
    server.close();
  }
}
