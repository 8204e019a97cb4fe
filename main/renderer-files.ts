/**
 * The built renderer's files, as both transports serve them: the desktop app's `app://` protocol
 * and the web server. A request names a file inside the renderer folder or nothing at all.
 */
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type RendererFile =
  | { readonly status: 'file'; readonly path: string; readonly type: string; readonly isPage: boolean }
  | { readonly status: 'malformed' }
  | { readonly status: 'outside' };

/** Which file a URL path names; `/` is the page. A bad % escape is malformed, a climb out is outside. */
export function rendererFile(folder: string, pathname: string): RendererFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 'malformed' };
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const path = normalize(join(folder, relative));
  if (relative.includes('\0') || !path.startsWith(normalize(folder) + sep)) return { status: 'outside' };
  const extension = extname(path);
  return { status: 'file', path, type: CONTENT_TYPES[extension] ?? 'application/octet-stream', isPage: extension === '.html' };
}
