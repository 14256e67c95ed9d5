// Serving the built renderer: the path checks and headers of the app:// protocol, shared with
// the e2e suite's static server. Nothing here imports 'electron'.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

import { APP_ORIGIN, isAppUrl } from './guards.js';

/**
 * The renderer's Content Security Policy. Styles allow 'unsafe-inline' because MUI styles
 * through emotion, which inserts <style> elements at run time, and React writes style
 * attributes; scripts allow only the app's own files, and never eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every renderer file. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** File types the build emits; any other file is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * Maps a URL path to a file inside the renderer folder, or returns null.
 * NOTE: in a packaged app the folder is inside app.asar, where this relies on Electron's asar
 * support for fs/promises realpath, stat and readFile. Only the release workflow's smoke test
 * runs that case. The path is
 * percent-decoded once; NUL, backslashes, anything resolving outside the folder (also through a
 * symbolic link), folders and unknown file types are rejected.
 */
export async function resolveRendererFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;

  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const rootPath = resolve(root);
  const candidate = resolve(rootPath, relative);
  if (!candidate.startsWith(rootPath + sep)) return null;
  if (CONTENT_TYPES[extname(candidate).toLowerCase()] === undefined) return null;

  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootPath), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/** Serves one app:// request from the renderer folder, with the security headers. */
export async function serveAppRequest(
  root: string,
  request: Request,
  appOrigin: string = APP_ORIGIN,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
  }
  if (!isAppUrl(request.url, appOrigin)) {
    return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  }

  const file = await resolveRendererFile(root, new URL(request.url).pathname);
  if (file === null) {
    return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type },
  });
}
