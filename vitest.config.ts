import { defineConfig } from 'vitest/config';

// Unit, integration and real-data suites. The end-to-end suite under test/e2e
// runs through its own runner (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'shared/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/node_modules/**', 'out/**', 'dist/**'],
    environment: 'node',

    // Native keychain calls and encrypted file I/O can be slow on a loaded CI runner.
    testTimeout: 30_000,
    hookTimeout: 60_000,

    // Child processes rather than worker threads, because native modules
    // (better-sqlite3-multiple-ciphers, @napi-rs/keyring) and tests that start
    // child processes with another TZ are safer in separate processes.
    pool: 'forks',

    // CI runs on 2 cores. Two forks keep both busy while a test waits on the
    // keychain or the disk, where Vitest's default (cores - 1) would run one file
    // at a time. Override with --maxWorkers on larger machines.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
