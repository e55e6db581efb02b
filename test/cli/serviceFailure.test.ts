/**
 * A server that answers HTTP 500 with an HTML page (a proxy or an outage, not Cognito's JSON), through
 * the real bin: a read says the service failed and names the status; a write that may have happened is
 * WRITE_OUTCOME_UNKNOWN worded as the same failure, and the audit trail records it as unknown (HTTP 500),
 * never "the connection failed" or "unknown (SyntaxError)".
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, runTierAdmin } from '../support/cliRunner'
import { makeTempDir } from '../support/tempDir'

const temp = makeTempDir('tier-admin-cli-5xx-')
let server: Server
let env: NodeJS.ProcessEnv
const cli = (args: string[]) => runTierAdmin(args, { env, cwd: temp.dir })

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume()
    response.writeHead(500, { 'content-type': 'text/html' }).end('<html><body><h1>500 Internal Server Error</h1></body></html>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  env = cleanEnv({
    TIER_ADMIN_DATA_DIR: temp.dir,
    COGNITO_REGION: 'us-east-1',
    COGNITO_USER_POOL_ID: 'us-east-1_Outage',
    COGNITO_CLIENT_ID: 'outageclient',
    COGNITO_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test'
  })
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  temp.remove()
})

describe('an HTTP 500 answer with an HTML body', () => {
  it('is a service failure with its status on a read', async () => {
    const run = await cli(['get', 'jane'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Cognito answered with HTTP 500 (a service failure)')
    expect(run.stderr).not.toMatch(/SyntaxError|connection .* failed|Deserialization/)
  })

  it('leaves a write that may have happened unknown, worded as the service failure, and audits it so', async () => {
    const run = await cli(['resend-code', 'jane'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('WRITE_OUTCOME_UNKNOWN')
    expect(run.stderr).toContain('Cognito answered ResendConfirmationCode for jane with HTTP 500 (a service failure), so it is not known')
    expect(run.stderr).not.toMatch(/SyntaxError|connection to Cognito failed/)
    const audit = await cli(['audit', '--json'])
    const rows = (JSON.parse(audit.stdout) as { rows: { outcome: string; errorName?: string }[] }).rows
    expect(rows[0]).toMatchObject({ outcome: 'unknown', errorName: 'HTTP 500' })
    expect((await cli(['audit'])).stdout).toContain('unknown (HTTP 500)')
  })
})
