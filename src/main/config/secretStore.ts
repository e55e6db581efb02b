/**
 * How a profile's client secret is kept at rest: sealed with the operating system's keychain through
 * Electron's safeStorage, which the app passes in. Nothing here imports Electron, so the CLI (which has
 * no safeStorage) runs the same code and can only say the secret is sealed.
 */
import { AppError } from '../../shared/errors'

/** The part of Electron's safeStorage the app uses. */
export interface SecretStore {
  isEncryptionAvailable(): boolean
  /** Electron returns a Buffer; any bytes will do. */
  encryptString(plainText: string): Uint8Array
  decryptString(encrypted: Buffer): string
}

/** Seals a secret for profiles.json; refuses rather than ever writing it in plain text. */
export function sealSecret(store: SecretStore | undefined, profileName: string, secret: string): string {
  if (!store) {
    throw new AppError(
      'SECRET_STORE_UNAVAILABLE',
      `The client secret of profile "${profileName}" can only be stored by the Tier Admin app, which seals it with the system keychain. Save it from the app, or set COGNITO_CLIENT_SECRET in the environment for this session instead.`
    )
  }
  if (!store.isEncryptionAvailable()) {
    throw new AppError(
      'SECRET_STORE_UNAVAILABLE',
      `The client secret was not stored: this system offers no encryption for it (no keychain or secret service is unlocked), and the app never stores a secret in plain text. Unlock or install the system keychain, or set COGNITO_CLIENT_SECRET in the environment for this session instead.`
    )
  }
  return Buffer.from(store.encryptString(secret)).toString('base64')
}

/**
 * Opens a sealed secret for the connection. Without the app's store (the CLI) or its keychain,
 * COGNITO_CLIENT_SECRET stands in; without that either, the operator is told what to set.
 */
export function openSecret(store: SecretStore | undefined, profileName: string, sealed: string, env: NodeJS.ProcessEnv): string {
  if (store?.isEncryptionAvailable()) return store.decryptString(Buffer.from(sealed, 'base64'))
  if (env.COGNITO_CLIENT_SECRET) return env.COGNITO_CLIENT_SECRET
  throw new AppError(
    'SECRET_STORE_UNAVAILABLE',
    `The client secret of profile "${profileName}" is sealed by the Tier Admin app with the system keychain, which ${store ? 'is not available now' : 'the CLI cannot open'}. Set COGNITO_CLIENT_SECRET in the environment to the app client's secret for this session.`
  )
}
