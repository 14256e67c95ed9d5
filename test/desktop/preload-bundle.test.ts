import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A sandboxed preload can require only 'electron' (and a few Node shims), so everything the
// preload imports must bundle into it. This bundles the preload's sources with esbuild and lists
// what stays external; electron-vite's own output is checked by `npm run build` in CI.
describe('preload bundle', () => {
  it('requires only electron', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../electron/preload/index.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      external: ['electron'],
      logLevel: 'silent',
      metafile: true,
    });

    const text = result.outputFiles[0]?.text ?? '';
    const required = [...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('imports nothing from core, cli or the renderer', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../electron/preload/index.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      external: ['electron'],
      logLevel: 'silent',
      metafile: true,
    });

    const inputs = Object.keys(result.metafile.inputs).filter(
      (path) => !path.includes('node_modules'),
    );
    expect(inputs.filter((path) => /^(core|cli|renderer)\//.test(path))).toEqual([]);
    expect(inputs.every((path) => /^(electron\/preload|shared)\//.test(path))).toBe(true);
  });
});
