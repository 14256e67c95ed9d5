import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

import { rendererViteConfig } from '../../../vite.renderer.config.js';

/** Builds the renderer exactly as `npm run build` does, into a new temporary folder. */
export async function buildRenderer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'synapse-e2e-renderer-'));
  await viteBuild({ ...rendererViteConfig(outDir), configFile: false, logLevel: 'warn' });
  return outDir;
}

/** Bundles browser/window-api.ts into one script for page.addInitScript. */
export async function bundleBrowserApi(): Promise<string> {
  const result = await esbuild({
    entryPoints: [fileURLToPath(new URL('../browser/window-api.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output for window-api.ts');
  return output.text;
}
