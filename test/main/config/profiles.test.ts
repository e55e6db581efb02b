/**
 * Connection profiles on disk: saved, listed without secrets, switched, deleted; secrets sealed or
 * refused; two processes changing the file at once; the AWS profile names offered as credential sources.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { explainCredentialFailure } from '../../../src/main/cognito/connection'
import { listAwsProfiles } from '../../../src/main/config/awsProfiles'
import { createProfileManager } from '../../../src/main/config/profileManager'
import { ProfileStore } from '../../../src/main/config/profileStore'
import { resolveProfile } from '../../../src/main/config/profiles'
import { AppError } from '../../../src/shared/errors'
import { profileSchemas } from '../../../src/shared/profiles'
import { cleanEnv } from '../../support/cliRunner'
import { fakeSecretStore } from '../../support/fakeSecretStore'
import { makeTempDir } from '../../support/tempDir'

const temps: Array<{ remove: () => void }> = []
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()))

function folder() {
  const temp = makeTempDir('tier-admin-profiles-')
  temps.push(temp)
  return temp.dir
}

const input = (name: string, extra: Record<string, unknown> = {}) =>
  profileSchemas.save.parse({ name, region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', clientId: 'client1', ...extra })

describe('profiles.json', () => {
  it('creates, lists without secrets, remembers the choice, and deletes', async () => {
    const dir = folder()
    const secrets = fakeSecretStore()
    const context = { env: cleanEnv({ TIER_ADMIN_DATA_DIR: dir }), cwd: dir, secrets }
    const manager = createProfileManager(context)
    const staging = await manager.save(input('Staging'))
    const prod = await manager.save(input('Prod EU', { clientSecret: 's3cr3t-canary', production: true }))
    expect([staging, prod]).toEqual(['staging', 'prod-eu'])

    const view = await manager.list('sandbox')
    expect(view.profiles.map((p) => p.name)).toEqual(['Sandbox', 'Staging', 'Prod EU'])
    expect(view.profiles[2]).toMatchObject({ hasClientSecret: true, production: true, builtIn: false })
    expect(JSON.stringify(view)).not.toContain('s3cr3t')
    expect(JSON.stringify(view)).not.toContain('sealed')

    expect((await resolveProfile(context)).profile.id).toBe('sandbox')
    await manager.remember(prod)
    const chosen = await resolveProfile(context)
    expect(chosen.profile).toEqual({ id: 'prod-eu', name: 'Prod EU', production: true, requireReason: true, userPoolId: 'eu-west-1_AbC123' })
    expect(chosen.config.pool).toMatchObject({ kind: 'pool', clientSecret: 's3cr3t-canary', emulator: false })
    expect((await resolveProfile(context, 'staging')).profile.name).toBe('Staging')
    await expect(resolveProfile(context, 'nope')).rejects.toThrow(/No profile named "nope"/)

    await expect(manager.remove(prod, prod)).rejects.toThrow(/in use/)
    await expect(manager.remove('sandbox', prod)).rejects.toThrow(/built in/)
    await manager.remove(staging, prod)
    expect((await manager.list(prod)).profiles.map((p) => p.id)).toEqual(['sandbox', 'prod-eu'])
  })

  it('gives a profile without a scheduler role the role another profile of the same pool names, so its tier changes cancel returns', async () => {
    const dir = folder()
    const context = { env: cleanEnv({ TIER_ADMIN_DATA_DIR: dir }), cwd: dir, secrets: fakeSecretStore() }
    const manager = createProfileManager(context)
    const role = 'arn:aws:iam::123456789012:role/tier-admin-returns'
    await manager.save(input('Support lead', { schedulerRoleArn: role }))
    await manager.save(input('Night shift'))
    await manager.save(input('Other pool', { userPoolId: 'eu-west-1_Other1' }))
    const night = await resolveProfile(context, 'night shift')
    expect(night.profile.schedulerRoleArn).toBe(role)
    expect(night.config.pool).toMatchObject({ kind: 'pool', schedulerRoleArn: role })
    // Another pool's role is not borrowed, and the editor still shows each profile's own setting.
    expect((await resolveProfile(context, 'other pool')).profile).not.toHaveProperty('schedulerRoleArn')
    const listed = (await manager.list('sandbox')).profiles.find((p) => p.name === 'Night shift')
    expect(listed).not.toHaveProperty('schedulerRoleArn')
  })

  it('lists the environment as an unnamed profile, chosen when nothing else was', async () => {
    const dir = folder()
    const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dir, COGNITO_USER_POOL_ID: 'us-east-2_Env1', COGNITO_CLIENT_ID: 'envclient' })
    const { profile, config } = await resolveProfile({ env, cwd: dir })
    expect(profile).toMatchObject({ id: 'environment', name: 'From the environment', production: false })
    expect(config.pool).toMatchObject({ kind: 'pool', region: 'us-east-2', userPoolId: 'us-east-2_Env1' })
  })

  it("marks the environment's endpoint an emulator only when COGNITO_ENDPOINT_IS_EMULATOR says so", async () => {
    const dir = folder()
    const base = { TIER_ADMIN_DATA_DIR: dir, COGNITO_USER_POOL_ID: 'us-east-2_Env1', COGNITO_CLIENT_ID: 'c', COGNITO_ENDPOINT: 'https://vpce.example' }
    expect((await resolveProfile({ env: cleanEnv(base), cwd: dir })).config.pool).not.toHaveProperty('emulator')
    const emulated = await resolveProfile({ env: cleanEnv({ ...base, COGNITO_ENDPOINT_IS_EMULATOR: 'true' }), cwd: dir })
    expect(emulated.config.pool).toMatchObject({ emulator: true })
  })

  it('keeps the secret sealed at rest: the file never holds the plaintext', async () => {
    const dir = folder()
    const store = new ProfileStore(dir, fakeSecretStore())
    await store.save(input('Dev', { clientSecret: 'plain-canary-123' }))
    const text = readFileSync(join(dir, 'profiles.json'), 'utf8')
    expect(text).not.toContain('plain-canary-123')
    expect(JSON.parse(text).profiles[0].sealedSecret).toBe(Buffer.from('sealed:321-yranac-nialp').toString('base64'))
    // Saved again without a secret, the sealed one is kept; "clear" removes it.
    await store.save(input('Dev', { id: 'dev', region: 'eu-west-2' }))
    expect((await store.read()).profiles[0].sealedSecret).toBeDefined()
    await store.save(input('Dev', { id: 'dev', clearClientSecret: true }))
    expect((await store.read()).profiles[0].sealedSecret).toBeUndefined()
  })

  it('refuses to store a secret when encryption is unavailable, says why and what to do, and writes nothing', async () => {
    const dir = folder()
    const store = new ProfileStore(dir, fakeSecretStore(false))
    const refused = await store.save(input('Prod', { clientSecret: 'never-on-disk' })).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).code).toBe('SECRET_STORE_UNAVAILABLE')
    expect((refused as AppError).message).toMatch(/no encryption.*never stores a secret in plain text.*COGNITO_CLIENT_SECRET/s)
    expect(await store.read()).toEqual({ profiles: [] })
    // Without the app's store at all (the CLI), it names the app and the variable instead.
    await expect(new ProfileStore(dir).save(input('Prod', { clientSecret: 'x' }))).rejects.toThrow(
      /only be stored by the Tier Admin app.*COGNITO_CLIENT_SECRET/
    )
  })

  it('tells the CLI that a sealed secret is the app’s, unless COGNITO_CLIENT_SECRET stands in', async () => {
    const dir = folder()
    await new ProfileStore(dir, fakeSecretStore()).save(input('Prod', { clientSecret: 'abc' }))
    const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dir })
    await expect(resolveProfile({ env, cwd: dir }, 'prod')).rejects.toThrow(/"Prod" is sealed by the Tier Admin app.*COGNITO_CLIENT_SECRET/)
    const given = await resolveProfile({ env: { ...env, COGNITO_CLIENT_SECRET: 'from-env' }, cwd: dir }, 'prod')
    expect(given.config.pool).toMatchObject({ clientSecret: 'from-env' })
  })

  it('keeps every change when two processes save at once (lock file, atomic replace)', async () => {
    const dir = folder()
    const a = new ProfileStore(dir)
    const b = new ProfileStore(dir)
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).save(input(`P${i}`))))
    const names = (await a.read()).profiles.map((p) => p.name).sort()
    expect(names).toHaveLength(12)
    // A lock left by a process that died mid-change is taken over once stale, not waited on forever.
    writeFileSync(join(dir, 'profiles.json.lock'), '')
    const { utimesSync } = await import('node:fs')
    utimesSync(join(dir, 'profiles.json.lock'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    await a.save(input('After crash'))
    expect((await b.read()).profiles).toHaveLength(13)
  })

  it('refuses a damaged file rather than connecting somewhere half-read', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'profiles.json'), '{"profiles": [{"id": 1}]')
    await expect(new ProfileStore(dir).read()).rejects.toThrow(/profiles file .* is not whole JSON, perhaps cut short/)
    writeFileSync(join(dir, 'profiles.json'), '{"profiles": [{"id": 1}]}')
    await expect(new ProfileStore(dir).read()).rejects.toThrow(/profiles file .* has a wrong value in profile 1, id: /)
  })
})

describe('AWS profiles as credential sources', () => {
  it('lists the profiles of AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, SSO ones marked', async () => {
    const dir = folder()
    writeFileSync(
      join(dir, 'config'),
      [
        '[default]',
        'region = eu-west-1',
        '[profile admin-sso]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        '[profile legacy-sso]',
        'sso_start_url = https://old.awsapps.com/start',
        '[profile ci]',
        'role_arn = arn:aws:iam::1:role/ci',
        '  ; a comment',
        's3 =',
        '  max_concurrent_requests = 2'
      ].join('\n')
    )
    writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIA\n[keys-only]\naws_access_key_id = AKIB\n')
    const names = await listAwsProfiles({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') })
    expect(names).toEqual([
      { name: 'admin-sso', sso: true },
      { name: 'ci', sso: false },
      { name: 'default', sso: false },
      { name: 'keys-only', sso: false },
      { name: 'legacy-sso', sso: true }
    ])
    expect(await listAwsProfiles({ AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none2') })).toEqual([])
  })

  it('says which aws sso login to run when the SDK reports an expired SSO session', () => {
    const expired = Object.assign(
      new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'),
      {
        name: 'CredentialsProviderError'
      }
    )
    const explained = explainCredentialFailure(expired, 'admin-sso') as AppError
    expect(explained.code).toBe('NO_CREDENTIALS')
    expect(explained.message).toContain('run `aws sso login --profile admin-sso`')
    const other = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })
    expect(explainCredentialFailure(other, 'x')).toBe(other)
  })
})
