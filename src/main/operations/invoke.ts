import type { z } from 'zod'
import { contract, isWriteOperation, type Operation, type ResultOf } from '../../shared/contract'
import { reason as reasonSchema } from '../../shared/contractSchemas'
import { AppError, type Result } from '../../shared/errors'
import { UNKNOWN_FIELD, validationSummary, wordErrorsIn, wordFor, type Audience } from '../../shared/wording'
import { withReason } from '../audit/writeReason'
import { toAppError } from '../cognito/errorMapping'
import type { Handlers } from './handler'

/**
 * Runs one operation for an untrusted caller: validates the payload against the contract's schema,
 * calls the handler, and returns a Result. Nothing thrown escapes, so no stack crosses the bridge.
 * A write runs under the reason its request carried (or none), which every request it makes takes along.
 */
export async function invokeOperation<K extends Operation>(
  handlers: Handlers,
  operation: K,
  payload: unknown,
  audience: Audience = 'app'
): Promise<Result<ResultOf<K>>> {
  try {
    const notPlain = plainDataProblem(payload)
    if (notPlain) throw new AppError('VALIDATION', validationSummary({ request: notPlain }, audience), { request: notPlain })
    const { reason, rest } = takeReason(operation, payload, audience)
    const request = parseRequest(operation, rest, audience)
    const handler = handlers[operation] as (request: unknown) => Promise<ResultOf<K>>
    return { ok: true, data: wordErrorsIn(await withReason(reason, () => handler(request)), audience) }
  } catch (error) {
    const shape = toAppError(error, { operation }).toShape()
    return { ok: false, error: { ...shape, message: wordFor(shape.message, audience) } }
  }
}

/** A refusal names at most this many fields: a payload with thousands of bad keys gets a short answer, not one its size. */
const MAX_FIELDS = 20
/** A key is named by at most this many characters: a megabyte-long key is not echoed back. */
const MAX_KEY_CHARS = 64

/**
 * A write's `reason`, checked, and the rest of its request for the operation's own schema: one place
 * for every write, so no schema names it. Any other operation's `reason` is left for its schema (the
 * Audit filter has one; elsewhere it is refused as an unknown field).
 */
function takeReason(operation: Operation, payload: unknown, audience: Audience): { reason?: string; rest: unknown } {
  if (!isWriteOperation(operation) || !isPlainRecord(payload) || !Object.hasOwn(payload, 'reason')) return { rest: payload }
  const { reason, ...rest } = payload
  const parsed = reasonSchema.safeParse(reason)
  if (!parsed.success) {
    const fields = { reason: parsed.error.issues[0]?.message ?? 'Type the reason as text' }
    throw new AppError('VALIDATION', validationSummary(fields, audience), fields)
  }
  return { reason: parsed.data, rest }
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

function parseRequest(operation: Operation, payload: unknown, audience: Audience): unknown {
  const schema = contract[operation].request as z.ZodType
  const parsed = schema.safeParse(payload)
  if (parsed.success) return parsed.data
  // A Map, not an object: a key named "__proto__" must be named like any other, not read as the prototype.
  const fields = new Map<string, string>()
  for (const issue of parsed.error.issues) {
    for (const [field, message] of issueFields(issue, audience)) {
      if (fields.size >= MAX_FIELDS) break
      if (!fields.has(field)) fields.set(field, message)
    }
  }
  const named = Object.fromEntries(fields)
  throw new AppError('VALIDATION', validationSummary(named, audience), named)
}

/** The fields one zod issue is about, with what is wrong: an unknown key is named, in the words of the front end. */
function issueFields(issue: z.core.$ZodIssue, audience: Audience): [string, string][] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [fieldName([...issue.path, key]), UNKNOWN_FIELD[audience]])
  // A record's refused key is named with its own check's message, not zod's "Invalid key in record".
  if (issue.code === 'invalid_key' && issue.issues[0]) return [[fieldName([...issue.path]), issue.issues[0].message]]
  return [[fieldName(issue.path) || 'request', issue.message]]
}

/** Deeper than any request of the contract (bulkPreview's rows[i].tier is three levels down). */
const MAX_DEPTH = 16
/** Far above the largest request (a bulk change of 10,000 rows is some 30,000 values). */
const MAX_VALUES = 1_000_000

/**
 * Why a payload is not plain data, or null when it is. zod takes a Date, a Map or an Error for an object
 * with no required field, and walks as deep as it is given; every request is lists, fields, text,
 * numbers and true/false, so anything else is refused here, without recursion, before zod sees it.
 */
function plainDataProblem(payload: unknown): string | null {
  const pending: [unknown, number][] = [[payload, 0]]
  let seen = 0
  while (pending.length) {
    const [value, depth] = pending.pop()!
    if (++seen > MAX_VALUES) return 'This request is too large'
    if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return NOT_PLAIN
    if (value === null || typeof value !== 'object') continue
    if (depth >= MAX_DEPTH) return 'This request is nested too deeply'
    const prototype = Object.getPrototypeOf(value)
    if (Array.isArray(value)) {
      if (prototype !== Array.prototype) return NOT_PLAIN
      for (const item of value) pending.push([item, depth + 1])
    } else {
      if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN
      // zod's records skip such a key without a word; as an own key it is only ever an attempt on the prototype.
      if (Object.hasOwn(value, '__proto__')) return 'A key named "__proto__" is not taken anywhere'
      for (const key of Object.keys(value)) pending.push([(value as Record<string, unknown>)[key], depth + 1])
    }
  }
  return null
}

const NOT_PLAIN = 'This request holds something other than lists, fields, text, numbers and true or false'

/** A path as the front ends show it ("rows.3.tier"), each key cut short and stripped of invisible characters. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => {
      const text = String(segment).replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, '?')
      return text.length > MAX_KEY_CHARS ? `${text.slice(0, MAX_KEY_CHARS)}…` : text
    })
    .join('.')
}
