import type { SecretStore } from '../../src/main/config/secretStore'

/**
 * A stand-in for Electron's safeStorage: "encrypts" by reversing and prefixing, so a test can tell the
 * sealed bytes from the plaintext, and can turn encryption off as a keychain-less Linux session does.
 */
export function fakeSecretStore(available = true): SecretStore & { available: boolean } {
  return {
    available,
    isEncryptionAvailable() {
      return this.available
    },
    encryptString: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`, 'utf8'),
    decryptString: (sealed) => [...sealed.toString('utf8').replace(/^sealed:/, '')].reverse().join('')
  }
}
