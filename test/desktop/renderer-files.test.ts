import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  CONTENT_SECURITY_POLICY,
  resolveRendererFile,
  serveAppRequest,
} from '../../electron/main/renderer-files.js';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'synapse-renderer-files-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not served');
  writeFileSync(join(base, 'secret.js'), 'outside');
  symlinkSync(join(base, 'secret.js'), join(root, 'assets', 'link.js'));
  mkdirSync(join(root, 'folder.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('maps / to index.html', async () => {
    expect(await resolveRendererFile(root, '/')).toBe(join(root, 'index.html'));
  });

  it('serves a file under the root', async () => {
    expect(await resolveRendererFile(root, '/assets/index.js')).toBe(
      join(root, 'assets', 'index.js'),
    );
  });

  it.each([
    '/../secret.js',
    '/assets/../../secret.js',
    '/%2e%2e/secret.js',
    '/%2E%2E%2Fsecret.js',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.js',
    '/..%5csecret.js',
    '/assets\\..\\..\\secret.js',
    '/index.html%00.js',
    '/%E0%A4%A',
    'index.html',
    '/assets/link.js',
    '/folder.js',
    '/assets/notes.txt',
    '/missing.js',
  ])('rejects %j', async (pathname) => {
    expect(await resolveRendererFile(root, pathname)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('sends the file with the security headers', async () => {
    const response = await serveAppRequest(root, new Request('app://synapse/assets/index.js'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a path outside the root', async () => {
    const response = await serveAppRequest(root, new Request('app://synapse/%2e%2e/secret.js'));
    expect(response.status).toBe(404);
  });

  it('answers 404 for another host', async () => {
    const response = await serveAppRequest(root, new Request('app://other/index.html'));
    expect(response.status).toBe(404);
  });

  it('answers 405 for a POST', async () => {
    const response = await serveAppRequest(
      root,
      new Request('app://synapse/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('sets %s', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it('never allows eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});
