import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

import {
  CONTENT_TYPES,
  SECURITY_HEADERS,
  resolveRendererFile,
} from '../../../electron/main/renderer-files.js';

export interface StaticServer {
  /** Base URL, such as http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built renderer on 127.0.0.1 with the path checks and security headers of the app://
 * protocol handler, Content-Security-Policy included.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const file =
        request.method === 'GET' || request.method === 'HEAD'
          ? await resolveRendererFile(root, pathname)
          : null;
      if (file === null) {
        response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
        response.end('Not found');
        return;
      }
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type });
      response.end(request.method === 'HEAD' ? undefined : await readFile(file));
    })().catch((error: unknown) => {
      response.writeHead(500, SECURITY_HEADERS);
      response.end(String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
