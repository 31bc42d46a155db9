import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveAppFile } from '../../../electron/security/appFiles';

/** The built renderer, as `npm run build` leaves it. */
export const RENDERER_DIR = join(__dirname, '..', '..', '..', 'out', 'renderer');

export interface RendererServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer from 127.0.0.1 with the app:// handler's own
 * answers (electron/security/appFiles.ts): the same files refused, and
 * index.html with a fresh style nonce in its CSP header and <meta>, so the
 * page runs under exactly the app's policy. (Chromium refuses module
 * scripts across file:// files, and the app:// scheme needs Electron.)
 */
export async function startRendererServer(root = RENDERER_DIR): Promise<RendererServer> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    // Chromium asks every http origin for one; the app (an app:// page in Electron) never does.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    void serveAppFile(root, pathname).then(
      (answer) => response.writeHead(answer.status, answer.headers).end(answer.body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
