import { createHmac } from 'node:crypto'

/**
 * The SECRET_HASH Cognito requires from app clients that have a secret:
 * Base64(HMAC-SHA256(key = client secret, message = username + client ID)).
 */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64')
}

/** The SecretHash field to send, or nothing when the client has no secret. */
export function secretHashField(username: string, clientId: string, clientSecret: string | undefined): { SecretHash?: string } {
  return clientSecret ? { SecretHash: secretHash(username, clientId, clientSecret) } : {}
}
