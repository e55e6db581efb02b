/**
 * The simulator's user writes through the real SDK client: SignUp and AdminCreateUser as Cognito
 * answers them, the users they create seen by AdminGetUser and AdminUpdateUserAttributes, the quotas
 * per category, the random throttling, and the request log the benchmark checks jobs against.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  SignUpCommand
} from '@aws-sdk/client-cognito-identity-provider'
import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { PoolSchemaService } from '../../../../src/main/cognito/poolSchema'
import { simGateway, startCognitoSim, type CognitoSim, type CognitoSimOptions } from '..'

const PASSWORD = 'Sim-Passw0rd!'
let sim: CognitoSim | undefined
afterEach(async () => {
  await sim?.stop()
  sim = undefined
})

async function open(options: Partial<CognitoSimOptions> = {}): Promise<{ sim: CognitoSim; client: CognitoIdentityProviderClient }> {
  sim = await startCognitoSim({ users: 50, ...options })
  // maxAttempts 1: every throttled answer reaches the test instead of being retried by the SDK.
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1
  })
  return { sim, client }
}

const errorName = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'ok',
    (error: Error) => error.name
  )

const attributes = (email: string, tier: string) => [
  { Name: 'email', Value: email },
  { Name: 'custom:user_tier', Value: tier }
]

describe('SignUp', () => {
  it('creates an unconfirmed user and refuses a taken username', async () => {
    const { sim, client } = await open()
    const signUp = (Username: string) =>
      client.send(new SignUpCommand({ ClientId: sim.clientId, Username, Password: PASSWORD, UserAttributes: attributes(`${Username}@example.com`, 'premium') }))
    const out = await signUp('ada')
    expect(out).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } })
    expect(out.UserSub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/)
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: sim.userPoolId, Username: 'ada' }))
    expect(user.UserStatus).toBe('UNCONFIRMED')
    expect(user.UserAttributes).toContainEqual({ Name: 'sub', Value: out.UserSub })
    expect(await errorName(signUp('ada'))).toBe('UsernameExistsException')
    // A synthetic user's name is taken too.
    expect(await errorName(signUp(sim.userAt(3).username))).toBe('UsernameExistsException')
    expect(sim.created()).toEqual([{ username: 'ada', tier: 'premium', status: 'UNCONFIRMED', method: 'signup', email: 'ada@example.com' }])
    expect(sim.tierOf('ada')).toBe('premium')
    expect(sim.writes).toEqual([
      { operation: 'SignUp', username: 'ada', outcome: 'ok' },
      { operation: 'SignUp', username: 'ada', outcome: 'UsernameExistsException' },
      { operation: 'SignUp', username: sim.userAt(3).username, outcome: 'UsernameExistsException' }
    ])
  })

  it('checks the app client, its secret hash, the password policy and the schema', async () => {
    const { sim, client } = await open({ clientSecret: 'sim-secret' })
    const hash = (username: string) =>
      createHmac('sha256', 'sim-secret')
        .update(username + sim.clientId)
        .digest('base64')
    const send = (input: Partial<ConstructorParameters<typeof SignUpCommand>[0]>) =>
      errorName(client.send(new SignUpCommand({ ClientId: sim.clientId, Username: 'bo', Password: PASSWORD, SecretHash: hash('bo'), ...input })))
    expect(await send({ ClientId: 'another' })).toBe('ResourceNotFoundException')
    expect(await send({ SecretHash: hash('someone else') })).toBe('NotAuthorizedException')
    expect(await send({ Password: 'short1!' })).toBe('InvalidPasswordException')
    expect(await send({ UserAttributes: [{ Name: 'custom:unknown', Value: 'x' }] })).toBe('InvalidParameterException')
    expect(await send({ UserAttributes: [{ Name: 'email', Value: 'not an address' }] })).toBe('InvalidParameterException')
    expect(await send({})).toBe('ok')
    expect(sim.created().map((u) => u.username)).toEqual(['bo'])
  })
})

describe('AdminCreateUser', () => {
  it('creates a user waiting for a new password, which reads and updates like any other', async () => {
    const { sim, client } = await open()
    const create = (Username: string) =>
      client.send(
        new AdminCreateUserCommand({
          UserPoolId: sim.userPoolId,
          Username,
          UserAttributes: attributes('cy@example.com', 'standard'),
          MessageAction: 'SUPPRESS'
        })
      )
    const { User } = await create('cy')
    expect(User).toMatchObject({ Username: 'cy', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true })
    expect(User?.UserCreateDate).toBeInstanceOf(Date)
    expect(User?.Attributes).toContainEqual({ Name: 'custom:user_tier', Value: 'standard' })
    expect(await errorName(create('cy'))).toBe('UsernameExistsException')
    expect(await errorName(create(sim.userAt(0).username))).toBe('UsernameExistsException')
    await client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: sim.userPoolId, Username: 'cy', UserAttributes: [{ Name: 'custom:user_tier', Value: 'premium' }] })
    )
    const read = await client.send(new AdminGetUserCommand({ UserPoolId: sim.userPoolId, Username: 'cy' }))
    expect(read.UserAttributes).toContainEqual({ Name: 'custom:user_tier', Value: 'premium' })
    expect(sim.created()).toEqual([
      { username: 'cy', tier: 'premium', status: 'FORCE_CHANGE_PASSWORD', method: 'admin-create', email: 'cy@example.com', invitation: 'suppress' }
    ])
    expect(sim.writes.map((w) => w.outcome)).toEqual(['ok', 'UsernameExistsException', 'UsernameExistsException', 'ok'])
  })

  it("tells a synthetic user's tier apart from one written to it", async () => {
    const { sim, client } = await open()
    const username = sim.userAt(7).username
    expect(sim.tierOf(username)).toBe(sim.userAt(7).tier)
    await client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: sim.userPoolId, Username: username, UserAttributes: [{ Name: 'custom:user_tier', Value: 'gold' }] })
    )
    expect(sim.tierOf(username)).toBe('gold')
    expect(sim.tierOf('nobody')).toBeNull()
  })
})

describe('throttling', () => {
  it('holds each category to its own quota and answers throttling at once', async () => {
    const { sim, client } = await open({ createQuota: 5, readQuota: 4, latencyMs: 400 })
    const begin = performance.now()
    const creates = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        errorName(client.send(new AdminCreateUserCommand({ UserPoolId: sim.userPoolId, Username: `new${i}`, MessageAction: 'SUPPRESS' })))
      )
    )
    const reads = await Promise.all(
      Array.from({ length: 10 }, (_, i) => errorName(client.send(new AdminGetUserCommand({ UserPoolId: sim.userPoolId, Username: sim.userAt(i).username }))))
    )
    // A second's worth goes through; the rest is refused before the 400 ms latency.
    expect(creates.filter((o) => o === 'ok').length).toBe(5)
    expect(reads.filter((o) => o === 'ok').length).toBe(4)
    expect(creates.filter((o) => o === 'TooManyRequestsException').length).toBe(5)
    expect(performance.now() - begin).toBeLessThan(2000)
    expect(sim.stats).toMatchObject({ creates: 10, reads: 10, throttled: 11 })
    expect(sim.writes.filter((w) => w.outcome === 'throttled')).toHaveLength(5)
    expect(sim.created()).toHaveLength(5)
  })

  it('throttles a seeded fraction of user requests, the same ones each run', async () => {
    const pattern = async (): Promise<string> => {
      const { sim, client } = await open({ throttleFraction: 0.2, seed: 7 })
      let outcomes = ''
      for (let i = 0; i < 100; i++) {
        const command =
          i % 2 === 0
            ? new AdminGetUserCommand({ UserPoolId: sim.userPoolId, Username: sim.userAt(i % 50).username })
            : new AdminUpdateUserAttributesCommand({ UserPoolId: sim.userPoolId, Username: sim.userAt(i % 50).username, UserAttributes: [] })
        outcomes += (await errorName(client.send(command as AdminGetUserCommand))) === 'ok' ? '.' : 'T'
      }
      await sim.stop()
      return outcomes
    }
    const first = await pattern()
    const throttled = first.split('').filter((c) => c === 'T').length
    expect(throttled).toBeGreaterThan(8)
    expect(throttled).toBeLessThan(35)
    expect(await pattern()).toBe(first)
  })
})

describe('DescribeUserPool', () => {
  it('tells the schema and password policy only when asked, since the export makes columns of them', async () => {
    const { sim } = await open({ describeSchema: true })
    const pool = await new PoolSchemaService(simGateway(sim)).assertAttributesExist(['custom:user_tier', 'email'])
    expect(pool.passwordPolicy).toEqual({ minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true })
    await sim.stop()
    const plain = await open()
    expect((await new PoolSchemaService(simGateway(plain.sim)).describe()).attributeNames).toEqual([])
  })
})
