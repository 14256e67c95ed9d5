import { rmSync } from 'node:fs';

import type { TestProject } from 'vitest/node';

import { buildRenderer, bundleBrowserApi } from './harness/build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the renderer built for this run. */
    rendererDir: string;
    /** The init script that defines window.api in the page. */
    browserApiScript: string;
  }
}

/** Builds the renderer and the window.api script once for every e2e file. */
export default async function setup(project: TestProject): Promise<() => void> {
  const rendererDir = await buildRenderer();
  project.provide('rendererDir', rendererDir);
  project.provide('browserApiScript', await bundleBrowserApi());
  return () => rmSync(rendererDir, { recursive: true, force: true });
}
