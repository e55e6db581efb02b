/**
 * Malformed IPC payloads, generated from a seed so a failure can be replayed. Each payload is built to
 * be wrong under its channel's schema whatever the schema's details (an extra key under a strict
 * object, a megabytes-long string under a bounded one, a wrong type, a missing required key), so any
 * reply other than a typed error is a finding, never an accident of the generator.
 */
import type { z } from 'zod'
import { contract, type Operation } from '../../src/shared/contract'
import { schemas } from '../../src/shared/contractSchemas'

/** One valid request per schema: mutations start from it, so they reach the nested checks too. */
const VALID_BY_SCHEMA = new Map<unknown, Record<string, unknown>>([
  [schemas.describePool, { refresh: true }],
  [schemas.register, { username: 'fuzz_user', email: 'fuzz@example.com', password: 'Secure#Pass123', tier: 'premium', attributes: { company: 'Acme' } }],
  [schemas.byUsername, { username: 'fuzz_user' }],
  [schemas.confirm, { username: 'fuzz_user', code: '123456' }],
  [schemas.search, { query: 'fuzz', by: 'username', match: 'prefix', nextToken: 'token' }],
  [schemas.setTier, { username: 'fuzz_user', tier: 'premium', expected: 'standard', overwrite: true }],
  [schemas.deleteUser, { username: 'fuzz_user', confirmUsername: 'fuzz_user' }],
  [schemas.groupMembership, { username: 'fuzz_user', group: 'admins' }],
  [schemas.tierMembers, { bucket: 'premium', offset: 0, limit: 10 }],
  [schemas.auditQuery, { user: 'fuzz', action: 'register', from: '2026-01-01', to: '2026-12-31', outcome: 'ok', offset: 0, limit: 10 }],
  [schemas.auditExport, { user: 'fuzz', action: 'register', from: '2026-01-01', to: '2026-12-31', outcome: 'ok' }],
  [schemas.statsCsv, { kind: 'tier', bucket: 'premium' }],
  [schemas.bulkPreview, { rows: [{ username: 'fuzz_user', tier: 'premium' }] }],
  [schemas.startExport, { format: 'csv' }],
  [schemas.bulkJob, { jobId: 'bulk-fuzz' }],
  [schemas.bulkStart, { jobId: 'bulk-fuzz', overwrite: true }]
])

/** Channels whose schema lives beside their own feature: named here by operation. */
const VALID_BY_OPERATION: Record<string, Record<string, unknown>> = {
  importStart: { jobId: 'import-fuzz', method: 'admin-create', invitation: 'suppress' },
  importPause: { jobId: 'import-fuzz' },
  importCancel: { jobId: 'import-fuzz' },
  importJob: { jobId: 'import-fuzz' },
  importResultsCsv: { jobId: 'import-fuzz' },
  applyDoctorFix: { fix: 'add-tier-attribute', acknowledgePermanent: true },
  saveProfile: {
    id: 'staging',
    name: 'Staging',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbC123',
    clientId: 'client123',
    endpoint: 'https://cognito.example.com',
    emulator: false,
    production: true,
    credentialSource: { kind: 'profile', profile: 'staging' },
    clientSecret: 'not-a-secret'
  },
  deleteProfile: { id: 'staging' },
  switchProfile: { id: 'staging' },
  confirmProductionWrite: { userPoolId: 'eu-west-1_AbC123', operation: 'register' }
}

/** A valid request for the operation; undefined for a channel these tables do not know (mutated from {}, and listed). */
export function validSample(operation: Operation): Record<string, unknown> | undefined {
  return VALID_BY_SCHEMA.get(contract[operation].request) ?? VALID_BY_OPERATION[operation]
}

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Malformed {
  kind: string
  payload: unknown
}

const MB = 1024 * 1024
/** Keys no schema takes: also refused as attribute names, so an extra one is wrong under a record too. */
const BAD_KEYS = ['__proto__', 'constructor', 'prototype', 'has space', 'toString!', '', '\u202e', 'x'.repeat(100_000), '$where', 'user-name']

/** The request with one more own key (defineProperty, so "__proto__" is a key, not the prototype). */
function withOwnKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
  return copy
}

/** The request with a prototype key holding an object, parsed from text as it arrives from a hostile page. */
function withPrototypeKey(base: Record<string, unknown>, key: string): unknown {
  const text = JSON.stringify(base)
  return JSON.parse(`${text.slice(0, -1)}${text === '{}' ? '' : ','}${JSON.stringify(key)}:{"polluted":true,"isAdmin":true}}`)
}

function isEmptyObject(value: unknown): boolean {
  return !!value && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length === 0
}

/** Objects (or lists) nested `levels` deep, from text, as a hostile page would send them. */
function deep(levels: number, asArray: boolean): unknown {
  return JSON.parse(asArray ? `${'['.repeat(levels)}1${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`)
}

export function payloadMaker(random: () => number) {
  const int = (max: number) => Math.floor(random() * max)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]
  /** 1–4 MB of text: letters, spaces or characters a username may not hold. */
  const huge = () => pick(['a', ' ', '\u200b', 'é', 'x@']).repeat(MB + int(3 * MB))
  /** Thousands of levels, parsed only when picked: most payloads do not need one. */
  const DEEP = Symbol('deep')
  const wrongValue = (values: unknown[]): unknown => {
    const value = pick(values)
    return value === DEEP ? deep(2000 + int(3000), random() < 0.5) : value
  }
  const wrongValues = (): unknown[] => [
    null,
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e300,
    -1,
    0.5,
    true,
    false,
    [],
    [1, 2],
    {},
    { $ne: 1 },
    DEEP,
    10n,
    new Date(0),
    new Map([['a', 1]])
  ]
  /** A value wrong for a field whose valid value is `valid`: never one of its own type that might pass. */
  const wrongFor = (valid: unknown): unknown => {
    if (typeof valid === 'string' && random() < 0.15) return huge()
    const candidates = wrongValues().filter((value) => typeof value !== typeof valid || typeof valid === 'number' || valid === null)
    const value = wrongValue(candidates)
    // A number of the right kind may be valid: only the ones no bounded integer field takes.
    if (typeof valid === 'number' && typeof value === 'number') return pick([NaN, Infinity, -Infinity, 1e300, -1, 0.5])
    if (typeof valid === 'boolean' && typeof value === 'boolean') return 'true'
    return value
  }

  function mutate(base: Record<string, unknown>, required: (key: string) => boolean, depth = 0): Malformed {
    const keys = Object.keys(base)
    const roll = int(keys.length ? 9 : 4)
    if (roll === 0) {
      // {} is left out: it is a valid request for the channels that take none.
      const notObject = random() < 0.1 ? huge() : wrongValue([...wrongValues().filter((value) => !isEmptyObject(value)), 'x', [base]])
      return { kind: 'not an object', payload: notObject }
    }
    // Never a short string as the value: under the attributes record that could be a valid attribute.
    if (roll === 1) return { kind: 'extra key', payload: withOwnKey(base, pick(BAD_KEYS), wrongValue(wrongValues())) }
    if (roll === 2) return { kind: 'prototype key', payload: withPrototypeKey(base, pick(['__proto__', 'constructor', 'prototype'])) }
    if (roll === 3) {
      const many: Record<string, unknown> = { ...base }
      const count = random() < 0.25 ? 10_000 : 100
      for (let i = 0; i < count; i++) many[`extra ${i}`] = i
      return { kind: `${count} extra keys`, payload: many }
    }
    // The mutations of a nested value take one of the request's lists or objects when it has any.
    const nestedKeys = keys.filter((name) => base[name] && typeof base[name] === 'object')
    const key = (roll === 5 || roll === 6) && nestedKeys.length ? pick(nestedKeys) : pick(keys)
    const value = base[key]
    if (roll === 4 && required(key)) {
      const rest = { ...base }
      delete rest[key]
      return { kind: 'missing key', payload: rest }
    }
    if (roll === 5 && value && typeof value === 'object' && depth < 2) {
      const inner = Array.isArray(value)
        ? { kind: 'bad list item', payload: [...value, wrongFor(value[0])] }
        : // A nested key may be optional (every attribute is), so none is taken away there.
          mutate(value as Record<string, unknown>, () => false, depth + 1)
      return { kind: `nested ${inner.kind}`, payload: { ...base, [key]: inner.payload } }
    }
    if (roll === 6 && value && typeof value === 'object') {
      return { kind: 'list where an object goes', payload: { ...base, [key]: Array.isArray(value) ? { 0: value[0] } : [value] } }
    }
    if (roll === 7 && Array.isArray(value)) {
      return { kind: 'oversized list', payload: { ...base, [key]: Array.from({ length: 10_001 }, () => value[0]) } }
    }
    if (roll === 7 && typeof value === 'string') return { kind: 'huge string', payload: { ...base, [key]: huge() } }
    return { kind: 'wrong type', payload: { ...base, [key]: wrongFor(value) } }
  }

  return { mutate }
}

/** Whether a key of the schema's object may be left out; a union's keys are all taken as required. */
export function requiredKeys(schema: unknown): (key: string) => boolean {
  let inner = schema as { shape?: Record<string, z.ZodType>; unwrap?: () => unknown }
  while (!inner.shape && inner.unwrap) inner = inner.unwrap() as typeof inner
  const shape = inner.shape
  return (key) => !shape?.[key] || !shape[key].safeParse(undefined).success
}
