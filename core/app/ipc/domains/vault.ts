import type { VaultSession } from '../../session.js';
import type { DomainImplementation } from '../types.js';

export function vaultDomain(session: VaultSession): DomainImplementation<'vault'> {
  return {
    status: () => session.status(),
    create: (input) =>
      session.create(input.mode === 'passphrase' ? { passphrase: input.passphrase } : {}),
    unlockKeychain: async () => {
      await session.unlockWithKeychain();
      return session.status();
    },
    unlockRecoveryKey: async (input) => {
      await session.unlockWithRecoveryKey(input.recoveryKey);
      return session.status();
    },
    unlockPassphrase: async (input) => {
      await session.unlockWithPassphrase(input.passphrase);
      return session.status();
    },
    lock: () => {
      session.lock();
      return session.status();
    },
  };
}
