// Bundles the command line into one ES module for the package's bin entry. Dependencies stay
// external: the native ones (SQLCipher, keyring, Argon2) must load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/main.ts'],
  outfile: 'dist/cli/synapse-compliance.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'info',
});
