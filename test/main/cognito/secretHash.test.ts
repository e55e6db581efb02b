import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { secretHash, secretHashField } from '../../../src/main/cognito/secretHash'

describe('SECRET_HASH', () => {
  it('is Base64 HMAC-SHA256 keyed by the client secret over username + client ID', () => {
    // The literal was computed independently with Python's hmac module.
    const expected = createHmac('sha256', Buffer.from('secret', 'utf8')).update(Buffer.from('janeclient123', 'utf8')).digest('base64')
    expect(secretHash('jane', 'client123', 'secret')).toBe(expected)
    expect(secretHash('jane', 'client123', 'secret')).toBe('vA2YZKilqYCJbhUKSzC+loZqtyCR+htyDTVFmYIs8Xs=')
  })

  it('is sent only when the client has a secret', () => {
    expect(secretHashField('jane', 'c', undefined)).toEqual({})
    expect(secretHashField('jane', 'c', 's')).toHaveProperty('SecretHash')
  })
})
