/**
 * Registration against an SDK-level fake of real Cognito, for what cognito-local does not check:
 * the SECRET_HASH, the schema (an attribute the pool lacks) and a pool without custom:user_tier.
 */
import { describe, expect, it } from 'vitest'
import { secretHash } from '../../../src/main/cognito/secretHash'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { registerUser } from '../../../src/main/registration/registration'
import { cognitoException } from '../../support/fakeCognitoClient'
import { describedPool, fakeConnection } from '../../support/fakeConnection'

const signUpOk = () => ({
  UserSub: '11111111-2222-3333-4444-555555555555',
  UserConfirmed: false,
  CodeDeliveryDetails: { Destination: 'j***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }
})

describe('registration against real-Cognito behaviour', () => {
  it('sends SECRET_HASH, the tier and prefixed extra attributes in one SignUp', async () => {
    const { connection, sent } = fakeConnection({ DescribeUserPool: () => describedPool(), SignUp: signUpOk }, 'app-secret')
    const result = await registerUser(connection, new PoolSchemaService(connection.gateway), {
      username: 'jane_premium',
      email: 'jane@example.com',
      password: 'Secure#Pass123',
      tier: 'premium',
      attributes: { company: 'TechCorp' }
    })
    expect(result).toMatchObject({ userSub: '11111111-2222-3333-4444-555555555555', confirmed: false, delivery: { destination: 'j***@e***' } })
    const signUp = sent.find((call) => call.name === 'SignUp')!.input
    expect(signUp.SecretHash).toBe(secretHash('jane_premium', 'client123', 'app-secret'))
    expect(signUp.UserAttributes).toEqual([
      { Name: 'email', Value: 'jane@example.com' },
      { Name: 'custom:user_tier', Value: 'premium' },
      { Name: 'custom:company', Value: 'TechCorp' }
    ])
  })

  it('describes the pool once per connection', async () => {
    const { connection, sent } = fakeConnection({ DescribeUserPool: () => describedPool(), SignUp: signUpOk })
    const schema = new PoolSchemaService(connection.gateway)
    for (const username of ['a_user', 'b_user']) {
      await registerUser(connection, schema, { username, email: `${username}@example.com`, password: 'Secure#Pass123' })
    }
    expect(sent.filter((call) => call.name === 'DescribeUserPool')).toHaveLength(1)
    expect(sent.find((call) => call.name === 'SignUp')!.input).not.toHaveProperty('SecretHash')
  })

  it('refuses, before writing, a pool that lacks custom:user_tier, saying how to add it', async () => {
    const { connection, sent } = fakeConnection({ DescribeUserPool: () => describedPool(['company']), SignUp: signUpOk })
    const error = await registerUser(connection, new PoolSchemaService(connection.gateway), {
      username: 'jane',
      email: 'j@example.com',
      password: 'Secure#Pass123'
    }).catch(toAppError)
    expect(error).toMatchObject({ code: 'ATTRIBUTE_NOT_IN_SCHEMA' })
    expect((error as Error).message).toMatch(/custom:user_tier.*Add/s)
    expect(sent.some((call) => call.name === 'SignUp')).toBe(false)
  })

  it('explains a wrong client secret', async () => {
    const { connection } = fakeConnection(
      {
        DescribeUserPool: () => describedPool(),
        SignUp: () => cognitoException('NotAuthorizedException', 'Unable to verify secret hash for client client123')
      },
      'wrong-secret'
    )
    const error = await registerUser(connection, new PoolSchemaService(connection.gateway), {
      username: 'jane',
      email: 'j@example.com',
      password: 'Secure#Pass123'
    }).catch((e) => toAppError(e, { operation: 'register' }))
    expect(error).toMatchObject({ code: 'SECRET_HASH_MISMATCH' })
  })

  it('refuses "company" and "custom:company" together, and the tier as an extra attribute', async () => {
    const { connection } = fakeConnection({ DescribeUserPool: () => describedPool(), SignUp: signUpOk })
    const schema = new PoolSchemaService(connection.gateway)
    const base = { username: 'jane', email: 'j@example.com', password: 'Secure#Pass123' }
    await expect(registerUser(connection, schema, { ...base, attributes: { company: 'A', 'custom:company': 'B' } })).rejects.toMatchObject({
      code: 'VALIDATION'
    })
    await expect(registerUser(connection, schema, { ...base, attributes: { user_tier: 'premium' } })).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})
