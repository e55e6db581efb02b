/**
 * A damaged profiles.json through the real bin: whatever the damage (cut short, empty, 20 MB of
 * garbage, a value of the wrong type, an endpoint that is no web address), the message says what is
 * wrong and in which entry, the file is not used, and --profile sandbox still works.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-profiles-')
const dataDir = join(temp.dir, 'data')
const env = cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir })
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })
afterAll(() => temp.remove())

const profile = {
  id: 'prod-eu',
  name: 'Prod EU',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Abc',
  clientId: 'client1',
  emulator: false,
  production: true,
  credentialSource: { kind: 'default' }
}
const whole = JSON.stringify({ active: 'prod-eu', profiles: [profile] }, null, 2)

const DAMAGES: [string, string | Buffer, RegExp][] = [
  ['cut short', whole.slice(0, 60), /is not whole JSON, perhaps cut short/],
  ['empty', '', /is empty/],
  ['20 MB of garbage', Buffer.alloc(20 * 1024 * 1024, 'x'), /is 20\.0 MB, which no profiles file is/],
  ['a wrong type', JSON.stringify({ profiles: [{ ...profile, region: 42 }] }), /wrong value in profile 1 \("Prod EU"\), region: .*expected string/],
  [
    'a file: endpoint',
    JSON.stringify({ profiles: [{ ...profile, endpoint: 'file:///etc/passwd' }] }),
    /profile 1 \("Prod EU"\), endpoint: expected an http:\/\/ or https:\/\/ address/
  ]
]

describe('a damaged profiles.json', () => {
  it.each(DAMAGES)('%s: says what is wrong, and the sandbox still works', async (_, content, wrong) => {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, 'profiles.json'), content)
    const refused = await cli(['pool'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Error (LOCAL_FILE_ERROR): The profiles file')
    expect(refused.stderr).toMatch(wrong)
    expect(refused.stderr).toContain('add --profile sandbox or --profile environment')
    expect(refused.stderr).not.toMatch(/profile menu|needs no profile/)
    const sandbox = await cli(['pool', '--profile', 'sandbox'])
    expect(sandbox.stderr).toBe('')
    expect(sandbox.code).toBe(0)
    expect(sandbox.stdout).toContain('SANDBOX')
  })
})
