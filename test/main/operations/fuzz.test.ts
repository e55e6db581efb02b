/**
 * Malformed payloads on every channel, through the real path: registerIpc with a trusted sender, the
 * real handlers, a real AppContext on the sandbox. Every reply must be a typed VALIDATION error (so no
 * handler ran), short, and nothing may change: no crash, no unhandled rejection, the data folder byte
 * for byte as it was, no job started, Object.prototype untouched, and the heap flat after GC.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppContext, type AppContext } from '../../../src/main/app/appContext'
import { createOperations } from '../../../src/main/operations/handlers'
import type { Handlers } from '../../../src/main/operations/handler'
import { invokeOperation } from '../../../src/main/operations/invoke'
import { registerIpc } from '../../../src/main/ipc/registerIpc'
import { contract, operations, type Operation } from '../../../src/shared/contract'
import { cleanEnv } from '../../support/cliRunner'
import { payloadMaker, requiredKeys, seededRandom, validSample } from '../../support/malformedPayloads'
import { makeTempDir } from '../../support/tempDir'

const PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 10_000)
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed)
const APP_URL = 'app://tier-admin/index.html'
/** The one sender the check trusts: whether the check is given the frame's URL or the whole event, only this one passes. */
const TRUSTED = { senderFrame: { url: APP_URL } }
const isTrusted = ((sender: unknown) => sender === TRUSTED || sender === APP_URL) as never
/** A refusal names at most a few fields, each key cut short: anything longer echoes the payload back. */
const MAX_REPLY_CHARS = 4_000

// Vitest runs without --expose-gc; the flag can still be set, and gc read from a fresh context.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

type Listener = (event: unknown, payload: unknown) => Promise<unknown>

const temp = makeTempDir('tier-admin-fuzz-')
let app: AppContext
let handlers: Handlers
const listeners = new Map<Operation, Listener>()

beforeAll(async () => {
  app = await openAppContext({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }), cwd: temp.dir, processLabel: 'the fuzz test' })
  handlers = createOperations(app).handlers
  const byChannel = new Map<string, Listener>()
  registerIpc({ handle: (channel: string, listener: Listener) => void byChannel.set(channel, listener) } as never, handlers, isTrusted)
  for (const operation of operations) listeners.set(operation, byChannel.get(contract[operation].channel)!)
  // A user and an audit line, so "unchanged" is about something.
  const registered = await invokeOperation(handlers, 'register', validSample('register'))
  expect(registered).toMatchObject({ ok: true })
})

afterAll(async () => {
  await app?.close()
  temp.remove()
})

/** Every file of the data folder and a hash of its bytes (the sandbox's users, the audit trail, jobs). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  return files
}

function heapMb(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

describe('unknown keys', () => {
  it('are refused and named, in the words of each front end', async () => {
    const app = await invokeOperation(handlers, 'getUser', { username: 'fuzz_user', colour: 'red' })
    expect(app).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Please correct the form: colour: This form has no such field.', fields: { colour: 'This form has no such field' } }
    })
    const cli = await invokeOperation(handlers, 'getUser', { username: 'fuzz_user', colour: 'red' }, 'cli')
    expect(cli).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Check the options: --colour: This command has no such option.' } })
    const nested = await invokeOperation(handlers, 'bulkPreview', { rows: [{ username: 'a', tier: 'premium', extra: 1 }] })
    expect(nested).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'rows.0.extra': 'This form has no such field' } } })
    // zod's records drop a "__proto__" key without a word: it is refused before zod sees it.
    const proto = await invokeOperation(handlers, 'register', JSON.parse('{"username":"a","attributes":{"__proto__":{"isAdmin":true}}}'))
    expect(proto).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { request: 'A key named "__proto__" is not taken anywhere' } } })
    const union = await invokeOperation(handlers, 'statsCsv', { kind: 'figures', bucket: 'premium' })
    expect(union).toMatchObject({ ok: false, error: { fields: { bucket: 'This form has no such field' } } })
    const attribute = await invokeOperation(handlers, 'register', { ...validSample('register'), attributes: { constructor: 'x' } })
    expect(attribute).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'attributes.constructor': 'This attribute name is reserved' } } })
  })

  it('every valid sample the fuzzer starts from is valid, so its mutations reach the inner checks', () => {
    for (const operation of operations) {
      const sample = validSample(operation)
      if (sample) expect(contract[operation].request.safeParse(sample).success, operation).toBe(true)
    }
  })
})

describe('fuzzing every channel', () => {
  it(`answers ${PAYLOADS.toLocaleString('en-US')} malformed payloads with typed errors, and changes nothing`, { timeout: 600_000 }, async () => {
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    const jobUpdates: unknown[] = []
    const unsubscribe = app.jobUpdates.subscribe((update) => jobUpdates.push(update))
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

    async function send(count: number, seed: number, tally?: { kinds: Map<string, number>; codes: Map<string, number> }): Promise<number> {
      const { mutate } = payloadMaker(seededRandom(seed))
      let longest = 0
      for (let i = 0; i < count; i++) {
        const operation = operations[i % operations.length]
        const { kind, payload } = mutate(validSample(operation) ?? {}, requiredKeys(contract[operation].request))
        const reply = (await listeners.get(operation)!(TRUSTED, payload)) as {
          ok: boolean
          error?: { code: unknown; message: unknown }
        }
        const size = JSON.stringify(reply).length
        longest = Math.max(longest, size)
        if (reply.ok !== false || reply.error?.code !== 'VALIDATION' || typeof reply.error.message !== 'string' || size > MAX_REPLY_CHARS) {
          throw new Error(`${operation}, ${kind} (payload ${i} of seed ${seed}): ${JSON.stringify(reply).slice(0, 500)}`)
        }
        tally?.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + 1)
        tally?.codes.set(reply.error.code, (tally.codes.get(reply.error.code) ?? 0) + 1)
      }
      return longest
    }

    try {
      // A first round on another seed warms zod and the JIT, so the heap is measured on what stays.
      await send(500, SEED + 1)
      const before = snapshot(temp.dir)
      const heapBefore = heapMb()
      const started = performance.now()
      const tally = { kinds: new Map<string, number>(), codes: new Map<string, number>() }
      const longest = await send(PAYLOADS, SEED, tally)
      const seconds = (performance.now() - started) / 1000
      const heapAfter = heapMb()
      // Let any stray promise settle before looking for rejections.
      await new Promise((resolve) => setTimeout(resolve, 200))

      // Channels that take no request are mutated from {}, their one valid request; any other listed here needs a sample.
      const unsampled = operations.filter((operation) => !validSample(operation) && !contract[operation].request.safeParse({}).success)
      console.log(
        [
          `fuzz: ${PAYLOADS} payloads (+500 warm-up) over ${operations.length} channels in ${seconds.toFixed(1)} s, seed ${SEED}`,
          `  heap after GC: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after (${(heapAfter - heapBefore).toFixed(1)} MB)`,
          `  replies: ${[...tally.codes].map(([code, n]) => `${n} ${code}`).join(', ')}; longest ${longest} characters`,
          `  kinds: ${[...tally.kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
          `  channels with a request but no valid sample (mutated from {}): ${unsampled.join(', ') || 'none'}`
        ].join('\n')
      )
      expect(tally.codes.get('VALIDATION')).toBe(PAYLOADS)
      expect(rejections).toEqual([])
      expect(jobUpdates).toEqual([])
      expect(snapshot(temp.dir)).toEqual(before)
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(heapAfter - heapBefore).toBeLessThan(8)
      // The user registered before is still there, as it was.
      expect(await invokeOperation(handlers, 'getUser', { username: 'fuzz_user' })).toMatchObject({ ok: true, data: { username: 'fuzz_user' } })
    } finally {
      unsubscribe()
      process.off('unhandledRejection', onRejection)
    }
  })
})
