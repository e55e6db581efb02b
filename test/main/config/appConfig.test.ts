import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultDataDir, loadAppConfig } from '../../../src/main/config/appConfig'
import { AppError } from '../../../src/shared/errors'
import { makeTempDir } from '../../support/tempDir'

const temps: (() => void)[] = []
afterEach(() => temps.splice(0).forEach((remove) => remove()))
function tempDir(): string {
  const temp = makeTempDir('tier-admin-config-')
  temps.push(temp.remove)
  return temp.dir
}

describe('configuration', () => {
  it('uses the sandbox when no pool is configured', () => {
    const dir = tempDir()
    expect(loadAppConfig({ TIER_ADMIN_DATA_DIR: dir }, dir).pool).toEqual({ kind: 'sandbox' })
  })

  it('reads the seed variables from a .env file, the environment winning', () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, '.env'), 'COGNITO_REGION=eu-west-1\nCOGNITO_USER_POOL_ID=eu-west-1_AbC\nCOGNITO_CLIENT_ID=fromfile\nCOGNITO_CLIENT_SECRET=s3cret\n')
    const config = loadAppConfig({ TIER_ADMIN_DATA_DIR: cwd, COGNITO_CLIENT_ID: 'fromenv' }, cwd)
    expect(config.pool).toEqual({
      kind: 'pool',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbC',
      clientId: 'fromenv',
      clientSecret: 's3cret',
      endpoint: undefined
    })
  })

  it('takes the region from the pool ID when COGNITO_REGION is missing, and COGNITO_ENDPOINT for an emulator', () => {
    const dir = tempDir()
    const config = loadAppConfig(
      { TIER_ADMIN_DATA_DIR: dir, COGNITO_USER_POOL_ID: 'ap-southeast-2_Xyz', COGNITO_CLIENT_ID: 'c', COGNITO_ENDPOINT: 'http://127.0.0.1:9229' },
      dir
    )
    expect(config.pool).toMatchObject({ region: 'ap-southeast-2', endpoint: 'http://127.0.0.1:9229' })
  })

  it('names what is missing from a partial configuration', () => {
    const dir = tempDir()
    const error = (() => {
      try {
        loadAppConfig({ TIER_ADMIN_DATA_DIR: dir, COGNITO_USER_POOL_ID: 'us-east-1_A' }, dir)
      } catch (e) {
        return e
      }
    })() as AppError
    expect(error.code).toBe('NOT_CONFIGURED')
    expect(error.message).toContain('COGNITO_CLIENT_ID')
  })

  it('refuses a ListUsers rate above the quota', () => {
    const dir = tempDir()
    expect(() => loadAppConfig({ TIER_ADMIN_DATA_DIR: dir, TIER_ADMIN_LIST_USERS_RPS: '50' }, dir)).toThrow(/at most 30/)
  })

  it("keeps its data where Electron's userData is", () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Tier Admin')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Tier Admin')
  })
})
