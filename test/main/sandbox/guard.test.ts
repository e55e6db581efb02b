/**
 * The sandbox emulator answers only the app. Before the guard, cognito-local on 127.0.0.1 answered any
 * program and any web page (Access-Control-Allow-Origin: *), "__proto__" and "constructor" came back
 * as phantom users, and a tier change on one wrote a bogus user that the audit trail recorded as "ok".
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AdminUpdateUserAttributesCommand, ListUsersCommand, type ListUsersCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { FileAuditLog } from '../../../src/main/audit/auditLog'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { SANDBOX_CREDENTIAL_HEADER } from '../../../src/main/sandbox/constants'
import { registerUser } from '../../../src/main/registration/registration'
import { getUser } from '../../../src/main/users/users'
import { readWholeTrail } from '../../support/memoryAuditLog'
import { openTestSandbox } from '../../support/sandboxConnection'

let sandbox: Awaited<ReturnType<typeof openTestSandbox>>
let port: number

beforeAll(async () => {
  sandbox = await openTestSandbox()
  port = Number(new URL(sandbox.connection.info.endpoint!).port)
  await registerUser(sandbox.connection, sandbox.schema, { username: 'real_user', email: 'real@example.com', password: 'Secure#Pass123', tier: 'standard' })
})
afterAll(() => sandbox?.close())

interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A request as another program (or a web page, through the browser) would send it. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.once('error', reject)
    req.end(body)
  })
}

const ORIGIN = 'https://evil.example'

function listUsersRequest(extra: Record<string, string> = {}): Promise<RawAnswer> {
  return raw(
    'POST',
    '/',
    {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers',
      origin: ORIGIN,
      ...extra
    },
    JSON.stringify({ UserPoolId: sandbox.connection.info.userPoolId })
  )
}

function corsHeadersOf(answer: RawAnswer): string[] {
  return Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))
}

describe('the emulator answers only requests carrying the per-run credential', () => {
  it('refuses a request without the credential, with no CORS permission', async () => {
    const answer = await listUsersRequest()
    expect(answer.status).toBe(403)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(corsHeadersOf(answer)).toEqual([])
    expect(answer.body).not.toContain('real_user')
    expect(JSON.parse(answer.body).__type).toBe('UnrecognizedClientException')
  })

  it('refuses a wrong credential of the right length, and the health check without one', async () => {
    const wrong = await listUsersRequest({ [SANDBOX_CREDENTIAL_HEADER]: randomBytes(32).toString('hex') })
    expect(wrong.status).toBe(403)
    expect(wrong.body).not.toContain('real_user')
    const health = await raw('GET', '/health', {})
    expect(health.status).toBe(403)
  })

  it('refuses a browser preflight (OPTIONS) and grants no CORS permission', async () => {
    const answer = await raw('OPTIONS', '/', {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': `content-type,x-amz-target,${SANDBOX_CREDENTIAL_HEADER}`
    })
    expect(answer.status).toBe(403)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(corsHeadersOf(answer)).toEqual([])
  })

  it('answers the app (with the credential) and still grants no CORS permission to a page', async () => {
    const answer = await listUsersRequest({ [SANDBOX_CREDENTIAL_HEADER]: sandbox.connection.sandbox!.credential() })
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('real_user')
    expect(corsHeadersOf(answer)).toEqual([])
    const preflight = await raw('OPTIONS', '/', {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      [SANDBOX_CREDENTIAL_HEADER]: sandbox.connection.sandbox!.credential()
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('usernames that would reach JavaScript object internals', () => {
  const RESERVED = ['__proto__', 'constructor']
  const refusedCodes = ['INVALID_PARAMETER', 'USER_NOT_FOUND']

  async function codeOf(action: () => Promise<unknown>): Promise<string> {
    try {
      await action()
    } catch (error) {
      return toAppError(error).code
    }
    return 'SUCCEEDED'
  }

  it.each(RESERVED)('"%s" is no user: AdminGetUser, SignUp and AdminUpdateUserAttributes are refused', async (username) => {
    const { connection, schema } = sandbox
    const gateway = connection.gateway
    expect(refusedCodes).toContain(await codeOf(() => getUser(gateway, username)))
    expect(refusedCodes).toContain(
      await codeOf(() => registerUser(connection, schema, { username, email: `${username}@example.com`, password: 'Secure#Pass123', tier: 'premium' }))
    )
    // Straight to the write, as the tier editor would send it had the lookup not stopped it.
    expect(refusedCodes).toContain(
      await codeOf(() =>
        gateway.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: gateway.userPoolId,
            Username: username,
            UserAttributes: [{ Name: 'custom:user_tier', Value: 'premium' }]
          })
        )
      )
    )
    // Still no such user afterwards: nothing was planted by the attempts.
    expect(refusedCodes).toContain(await codeOf(() => getUser(gateway, username)))
  })

  it('leaves no phantom user in the pool, and the audit trail records none of the attempts as "ok"', async () => {
    const gateway = sandbox.connection.gateway
    const listed = await gateway.send<ListUsersCommandOutput>(new ListUsersCommand({ UserPoolId: gateway.userPoolId }))
    expect((listed.Users ?? []).map((user) => user.Username)).toEqual(['real_user'])

    const dbFile = join(sandbox.dataDir, 'sandbox', 'db', `${gateway.userPoolId}.json`)
    const db = JSON.parse(readFileSync(dbFile, 'utf8')) as { Users: Record<string, unknown> }
    expect(Object.keys(db.Users)).toEqual(['real_user'])
    for (const name of RESERVED) expect(Object.hasOwn(db.Users, name)).toBe(false)

    const { entries, skipped } = await readWholeTrail(new FileAuditLog(join(sandbox.dataDir, 'audit.jsonl')))
    expect(skipped).toBe(0)
    const attempts = entries.filter((entry) => entry.username !== undefined && RESERVED.includes(entry.username))
    // SignUp and AdminUpdateUserAttributes were written ahead for both names, then answered with a refusal.
    expect(attempts.filter((entry) => entry.phase === 'intent').length).toBeGreaterThanOrEqual(RESERVED.length * 2)
    const results = attempts.filter((entry) => entry.phase === 'result')
    expect(results.length).toBe(attempts.length - results.length)
    expect(results.filter((entry) => entry.outcome === 'ok')).toEqual([])
    expect(results.every((entry) => entry.outcome === 'failed')).toBe(true)
  })
})
