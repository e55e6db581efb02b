/**
 * Attribute writes on the detailed simulated pool through the real SDK: the schema checks
 * (immutable attributes, E.164 phone numbers, email format), verification flags reset by a changed
 * email or phone, AttributesRequireVerificationBeforeUpdate keeping the old value active, sign-in
 * values that cannot belong to two users (AliasExistsException), AdminDeleteUserAttributes, and the
 * write log with ClientMetadata.
 */
import { AdminDeleteUserAttributesCommand, AdminGetUserCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterEach, describe, expect, it } from 'vitest'
import { failureOf, simSdkClient, startCognitoSim, type CognitoSim, type CognitoSimOptions, type SimUserSeed } from '..'

let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

const users: SimUserSeed[] = [
  {
    username: 'ada',
    attributes: { email: 'ada@example.com', email_verified: 'true', phone_number: '+15550100', phone_number_verified: 'true', 'custom:user_tier': 'standard' }
  },
  { username: 'bob', attributes: { email: 'bob@example.com', email_verified: 'true' } },
  { username: 'cy', attributes: { email: 'shared@example.com', email_verified: 'false' } }
]

async function open(options: Partial<CognitoSimOptions> = {}) {
  sim = await startCognitoSim({ detailedUsers: users, ...options })
  const client = simSdkClient(sim)
  const pool = sim.userPoolId
  const update = (Username: string, attributes: Record<string, string>, ClientMetadata?: Record<string, string>) =>
    client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: pool,
        Username,
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
        ...(ClientMetadata ? { ClientMetadata } : {})
      })
    )
  return { sim, client, pool, update, state: (name: string) => sim!.detailed!.user(name)! }
}

describe('AdminUpdateUserAttributes', () => {
  it('refuses what the schema refuses: an immutable attribute, a phone number not in E.164, a malformed email, an unknown attribute', async () => {
    const { update } = await open({ pool: { CustomAttributes: [{ Name: 'user_tier' }, { Name: 'signup_source', Mutable: false }] } })
    expect(await failureOf(update('ada', { 'custom:signup_source': 'web' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: custom:signup_source: Attribute cannot be updated. (changing an immutable attribute)'
    })
    expect(await failureOf(update('ada', { phone_number: '555-0100' }))).toEqual({ name: 'InvalidParameterException', message: 'Invalid phone number format.' })
    expect(await failureOf(update('ada', { email: 'not-an-address' }))).toEqual({ name: 'InvalidParameterException', message: 'Invalid email address format.' })
    expect((await failureOf(update('ada', { 'custom:nope': 'x' }))).name).toBe('InvalidParameterException')
    expect((await failureOf(update('ada', { sub: 'x' }))).name).toBe('InvalidParameterException')
    expect((await failureOf(update('nobody', { name: 'x' }))).name).toBe('UserNotFoundException')
  })

  it('marks a changed email or phone unverified, unless the request sets its verified flag to true', async () => {
    const { update, state, sim } = await open()
    await update('ada', { email: 'ada@new.example.com' })
    expect(state('ada').attributes).toMatchObject({ email: 'ada@new.example.com', email_verified: 'false', phone_number_verified: 'true' })
    await update('ada', { phone_number: '+15550111', phone_number_verified: 'true' })
    expect(state('ada').attributes).toMatchObject({ phone_number: '+15550111', phone_number_verified: 'true' })
    // The same value again changes nothing.
    await update('bob', { email: 'bob@example.com' })
    expect(state('bob').attributes.email_verified).toBe('true')
    // Email is auto-verified in a default pool, so Cognito sends the new address a code.
    expect(sim.detailed!.messages).toEqual([
      { operation: 'AdminUpdateUserAttributes', username: 'ada', medium: 'EMAIL', destination: 'ada@new.example.com', reason: 'verify-attribute' }
    ])
  })

  it('keeps the old email active until the new one is verified when the pool requires verification before update', async () => {
    const { update, state, client, pool } = await open({ pool: { AttributesRequireVerificationBeforeUpdate: ['email'] } })
    await update('ada', { email: 'ada@new.example.com' })
    expect(state('ada').attributes).toMatchObject({ email: 'ada@example.com', email_verified: 'true' })
    expect(state('ada').pendingAttributes).toEqual({ email: 'ada@new.example.com' })
    const shown = await client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: 'ada' }))
    expect(shown.UserAttributes).toContainEqual({ Name: 'email', Value: 'ada@example.com' })
    // An admin setting email_verified to true verifies the waiting value.
    await update('ada', { email_verified: 'true' })
    expect(state('ada').attributes).toMatchObject({ email: 'ada@new.example.com', email_verified: 'true' })
    expect(state('ada').pendingAttributes).toEqual({})
    // Sent with the flag, the new value applies at once.
    await update('bob', { email: 'bob@new.example.com', email_verified: 'true' })
    expect(state('bob').attributes.email).toBe('bob@new.example.com')
  })

  it('refuses a verified alias another user holds verified, but not an unverified one (AliasExistsException)', async () => {
    const { update, state } = await open({ pool: { AliasAttributes: ['email'] } })
    expect(await failureOf(update('cy', { email: 'ada@example.com', email_verified: 'true' }))).toEqual({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.'
    })
    await update('cy', { email: 'ada@example.com' })
    expect(state('cy').attributes).toMatchObject({ email: 'ada@example.com', email_verified: 'false' })
    // Verifying a value no one else holds verified is fine.
    await update('bob', { email: 'shared@example.com', email_verified: 'true' })
  })

  it('refuses an email another user has when email is the username attribute', async () => {
    const { update } = await open({ pool: { UsernameAttributes: ['email'] } })
    expect((await failureOf(update('ada', { email: 'shared@example.com' }))).name).toBe('AliasExistsException')
  })

  it('logs each write with its outcome and ClientMetadata', async () => {
    const { update, sim } = await open()
    await update('ada', { 'custom:user_tier': 'premium' }, { ticket: 'SUP-12' })
    await failureOf(update('ada', { phone_number: 'bad' }))
    expect(sim.writes).toEqual([
      { operation: 'AdminUpdateUserAttributes', username: 'ada', outcome: 'ok', clientMetadata: { ticket: 'SUP-12' } },
      { operation: 'AdminUpdateUserAttributes', username: 'ada', outcome: 'InvalidParameterException' }
    ])
    expect(sim.tierOf('ada')).toBe('premium')
  })
})

describe('AdminDeleteUserAttributes', () => {
  it('removes mutable attributes and refuses immutable or required ones', async () => {
    const { client, pool, state } = await open({
      pool: { RequiredAttributes: ['email'], CustomAttributes: [{ Name: 'user_tier' }, { Name: 'origin', Mutable: false }] }
    })
    const remove = (names: string[]) => client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: pool, Username: 'ada', UserAttributeNames: names }))
    await remove(['custom:user_tier', 'phone_number'])
    expect(state('ada').attributes).not.toHaveProperty('custom:user_tier')
    expect(state('ada').attributes).not.toHaveProperty('phone_number')
    expect((await failureOf(remove(['email']))).name).toBe('InvalidParameterException')
    expect((await failureOf(remove(['custom:origin']))).name).toBe('InvalidParameterException')
    expect((await failureOf(client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: pool, Username: 'zed', UserAttributeNames: ['name'] })))).name).toBe(
      'UserNotFoundException'
    )
  })
})
