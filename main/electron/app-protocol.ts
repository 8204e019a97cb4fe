/**
 * The desktop window loads the renderer from `app://strata/`, a custom protocol served by
 * `protocol.handle`, not from `file://`: every response carries the Content-Security-Policy as a
 * real header (the `<meta>` policy alone cannot forbid framing), the page gets no `file://`
 * privileges (the grantFileProtocolExtraPrivileges fuse is off), and it can read nothing but the
 * renderer's own files.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { rendererFile } from '../renderer-files';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'strata';
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. Standard and secure, so the page is a secure context with its own origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(folder: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(folder, request.url));
}

/** The response for one `app://` URL; exported for tests, which run without Electron. */
export async function respond(folder: string, address: string): Promise<Response> {
  const url = new URL(address);
  if (url.host !== APP_HOST || (url.protocol !== `${APP_SCHEME}:`)) return text(404, 'not found');
  const found = rendererFile(folder, url.pathname);
  if (found.status === 'malformed') return text(400, 'malformed URL');
  if (found.status === 'outside') return text(404, 'not found');
  let body: Buffer;
  try {
    body = await readFile(found.path);
  } catch {
    return text(404, 'not found');
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': found.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
