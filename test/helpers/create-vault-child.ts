// Creates a vault in a child process and prints the error code and message, for tests that
// change the environment the keychain library reads.
import { OsKeyStore } from '../../core/keychain/os-keychain.js';
import { createVault } from '../../core/vault/lifecycle.js';
import { SynapseError } from '../../shared/errors.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: create-vault-child.ts VAULT_PATH');

try {
  const keyStore = new OsKeyStore('Synapse Compliance Console test child');
  const { vault } = await createVault({ path, keyStore, actor: 'test' });
  vault.close();
  console.log('CREATED');
} catch (error) {
  if (error instanceof SynapseError) console.log(`${error.code}: ${error.message}`);
  else console.log(`UNEXPECTED: ${String(error)}`);
}
