/**
 * The embedded sandbox: a real cognito-local in a temp data folder. Its data survives a restart, the
 * emulator stops with the app, and the CLI shares the emulator of a running app instead of opening
 * the same files twice.
 */
import { connect } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { DescribeUserPoolCommand, type DescribeUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { openConnection } from '../../../src/main/cognito/connection'
import { PoolSchemaService } from '../../../src/main/cognito/poolSchema'
import { registerUser } from '../../../src/main/registration/registration'
import { getUser } from '../../../src/main/users/users'
import { cleanEnv, runTierAdmin } from '../../support/cliRunner'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-sandbox-')
afterAll(() => temp.remove())
const config = { pool: { kind: 'sandbox' as const }, dataDir: temp.dir, listUsersRate: 30 }

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

describe('sandbox pool', () => {
  it('is provisioned like the production pool', async () => {
    const connection = await openConnection(config)
    try {
      const output = await connection.gateway.send<DescribeUserPoolCommandOutput>(new DescribeUserPoolCommand({ UserPoolId: connection.gateway.userPoolId }))
      expect(output.UserPool?.AliasAttributes).toEqual(['email'])
      expect(output.UserPool?.Policies?.PasswordPolicy).toMatchObject({
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true
      })
      expect(output.UserPool?.SchemaAttributes?.map((a) => a.Name)).toContain('custom:user_tier')
      expect(connection.info).toMatchObject({ mode: 'sandbox', hasClientSecret: true })
      expect(JSON.stringify(connection.info)).not.toContain(connection.clientSecret!)
    } finally {
      await connection.close()
    }
  })

  it('keeps its users across restarts and stops its emulator on close', async () => {
    const first = await openConnection(config)
    await registerUser(first, new PoolSchemaService(first.gateway), {
      username: 'survivor',
      email: 's@example.com',
      password: 'Secure#Pass123',
      tier: 'premium'
    })
    const port = Number(new URL(first.info.endpoint!).port)
    await first.close()
    expect(await portAnswers(port)).toBe(false)

    const second = await openConnection(config)
    try {
      expect(second.info.userPoolId).toBe(first.info.userPoolId)
      expect((await getUser(second.gateway, 'survivor')).tier).toEqual({ kind: 'tier', tier: 'premium' })
    } finally {
      await second.close()
    }
  })

  it("lets the CLI use the running app's emulator", async () => {
    const app = await openConnection(config)
    try {
      await registerUser(app, new PoolSchemaService(app.gateway), { username: 'shared_user', email: 'shared@example.com', password: 'Secure#Pass123' })
      const run = await runTierAdmin(['get', 'shared_user', '--json'], { env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }), cwd: temp.dir })
      expect(run.stderr).toBe('')
      expect(JSON.parse(run.stdout)).toMatchObject({ username: 'shared_user' })
      // The app's emulator is still the one serving, and still up after the CLI exited.
      expect(await portAnswers(Number(new URL(app.info.endpoint!).port))).toBe(true)
    } finally {
      await app.close()
    }
  })
})
