import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './appScheme';
import { serveAppFile } from './appFiles';

/** Before app 'ready': Electron only takes scheme privileges then. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}

/**
 * After 'ready': app://pip-doctor/<path> answers from the built renderer
 * folder and nothing else (appFiles.ts decides what is served). Only GET;
 * any other host of the scheme is refused.
 */
export function handleAppScheme(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  log: (message: string) => void,
): void {
  protocol.handle(APP_SCHEME, (request) => appSchemeResponse(request, rendererDir, log));
}

/** One request to the scheme, answered; exported for the tests (Electron passes a fetch Request). */
export async function appSchemeResponse(
  request: Pick<Request, 'url' | 'method'>,
  rendererDir: string,
  log: (message: string) => void,
): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.host !== APP_HOST) {
    log(`app:// refused ${request.method} ${request.url}`);
    return new Response(null, { status: 404 });
  }
  const answer = await serveAppFile(rendererDir, url.pathname);
  if (answer.refusal) log(`app:// refused ${request.url}: ${answer.refusal}`);
  return new Response(answer.status === 200 ? new Uint8Array(answer.body) : null, {
    status: answer.status,
    headers: answer.headers,
  });
}
