import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/** Chromium of Electron 45 is 142; the e2e suite runs the same bundle in Debian's newer Chromium. */
export const RENDERER_TARGET = 'chrome142';

export const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * Vite options of the renderer, shared by electron-vite (npm run build, npm run dev) and the e2e
 * suite, which builds the same bundle into its own folder.
 */
export function rendererViteConfig(outDir: string): UserConfig {
  return {
    root: rendererRoot,
    // Relative asset URLs, so the bundle works under app://synapse/ and under a test server.
    base: './',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: join(rendererRoot, 'index.html') },
      target: RENDERER_TARGET,
      // The app loads from disk, so one chunk per library group is about cache reuse only.
      chunkSizeWarningLimit: 4096,
    },
    server: { host: '127.0.0.1', strictPort: true },
  };
}
