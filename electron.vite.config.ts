import { fileURLToPath } from 'node:url';

import { defineConfig } from 'electron-vite';

import { rendererViteConfig } from './vite.renderer.config.js';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // ES module main process: package.json has "type": "module" and Electron 45 loads ESM mains.
  // Packages in "dependencies" (the native modules among them) stay external and load from
  // node_modules at run time.
  main: {
    build: {
      outDir: fromRoot('out/main'),
      lib: { entry: fromRoot('electron/main/index.ts'), formats: ['es'] },
    },
  },
  // A sandboxed preload cannot load packages or ES modules: it must be one CommonJS file that
  // requires only 'electron', so every dependency (zod included) is bundled in.
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      lib: { entry: fromRoot('electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: rendererViteConfig(fromRoot('out/renderer')),
});
