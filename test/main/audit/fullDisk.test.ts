/**
 * A nearly full disk can take only part of an audit intent, with or without an error. At every byte
 * offset of an intent the disk stops taking bytes; at each, no request leaves without a whole intent
 * on disk, the operator is told AUDIT_UNWRITABLE, and the trail holds no torn line. Real files in a
 * temporary folder; only the file handle's write is cut short (node:fs/promises, mocked below).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { FileAuditLog } from '../../../src/main/audit/auditLog'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { fakeCognitoClient } from '../../support/fakeCognitoClient'
import { makeTempDir } from '../../support/tempDir'

/** How many bytes the disk takes of the next write (then it has room again), and whether it then fails loudly or answers short. */
const disk = vi.hoisted(() => ({ room: Infinity, fails: false }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args)
    const write = async (buffer: Buffer, offset = 0, length = buffer.length - offset) => {
      const taken = Math.min(length, disk.room)
      disk.room = Infinity
      if (taken < length && disk.fails) {
        if (taken > 0) await handle.write(buffer, offset, taken)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' })
      }
      return handle.write(buffer, offset, taken)
    }
    return new Proxy(handle, {
      get: (target, name) =>
        name === 'write' ? write : ((value: unknown) => (typeof value === 'function' ? value.bind(target) : value))(Reflect.get(target, name))
    })
  }
  return { ...real, open, default: { ...real, open } }
})

const temp = makeTempDir('tier-admin-full-disk-')
afterAll(() => temp.remove())

const EARLIER = `${JSON.stringify({ id: 'earlier', at: '2026-01-01T00:00:00.000Z', phase: 'intent', operation: 'AdminEnableUser', userPoolId: 'p' })}\n`

function gatewayOn(path: string) {
  const { client, sent } = fakeCognitoClient(() => ({}))
  const gateway = new CognitoGateway({
    client,
    userPoolId: 'p',
    limiters: new QuotaLimiters(),
    audit: new FileAuditLog(path),
    identity: async () => ({ identity: 'sandbox' })
  })
  return { gateway, sent }
}

const tierWrite = () =>
  new AdminUpdateUserAttributesCommand({ UserPoolId: 'p', Username: 'jane', UserAttributes: [{ Name: 'custom:user_tier', Value: 'premium' }] })

describe('an audit intent on a full disk', () => {
  it.each([
    ['answers short, without an error', false],
    ['fails after taking part of it', true]
  ])('sends nothing without a whole intent, at every byte offset, when the disk %s', async (_how, fails) => {
    const path = join(temp.dir, `audit-${fails}.jsonl`)
    // How long an intent is: written once with room to spare.
    disk.room = Infinity
    writeFileSync(path, EARLIER)
    await gatewayOn(path).gateway.send(tierWrite())
    const intentBytes = Buffer.byteLength(readFileSync(path, 'utf8').split('\n')[1]!) + 1
    for (let room = 0; room < intentBytes; room++) {
      writeFileSync(path, EARLIER)
      const { gateway, sent } = gatewayOn(path)
      disk.room = room
      disk.fails = fails
      const refused = await gateway.send(tierWrite()).catch((error: unknown) => error)
      expect(toAppError(refused).code, `room for ${room} of ${intentBytes} bytes`).toBe('AUDIT_UNWRITABLE')
      expect(sent, `a request left with room for ${room} bytes`).toEqual([])
      // Rolled back: the trail is as it was, no torn line left to be mistaken for anything.
      expect(readFileSync(path, 'utf8')).toBe(EARLIER)
    }
    writeFileSync(path, EARLIER)
    const { gateway, sent } = gatewayOn(path)
    disk.room = intentBytes
    await gateway.send(tierWrite())
    expect(sent).toHaveLength(1)
    expect(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).phase)
    ).toEqual(['intent', 'intent', 'result'])
  })
})
