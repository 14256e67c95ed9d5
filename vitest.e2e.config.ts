import { defineConfig } from 'vitest/config';

// The end-to-end suite: the built renderer in Debian's Chromium, driven by Playwright, with
// window.api wired to the real handler table over a real vault. Run by npm run test:e2e.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],

    // Each file starts its own Chromium; one file at a time keeps two cores from thrashing.
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,

    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
