/**
 * The contract's request schemas and the building blocks they are made of (a username, an email, a
 * password …): every channel's request in contract.ts is one of these, and the window's forms check
 * their fields with the same ones.
 */
import { z } from 'zod'
import { AUDIT_OUTCOMES, isIsoDay, MAX_REASON_CHARS } from './audit'
import { BULK_JOB_ID, MAX_BULK_ROWS } from './bulk'
import { DOCTOR_FIXES } from './doctor'
import { IMPORT_JOB_ID, IMPORT_METHODS, INVITATIONS } from './importing'
import { exportFormat, tierBucket } from './jobProgress'
import { SEARCH_FIELDS } from './searchFields'
import { MAX_CHANGE_DAYS } from './statsHistory'
import { isIsoInstant } from './tierReturns'

/**
 * Typed text, trimmed and bounded; bounded before trimming too (else a megabyte of spaces trims to ""
 * where a blank may pass), with the field's own words when it is far too long.
 */
export const typed = (error: string | undefined, max: number, tooLong: string) =>
  z
    .string(error ? { error } : undefined)
    .max(4096, tooLong)
    .trim()
    .max(max, tooLong)

/** A phantom marker that carries a result type without a runtime value. */
export const returns = <T>(): T => undefined as unknown as T

export const username = typed('Enter a username', 128, 'A username has at most 128 characters')
  .min(1, 'Enter a username')
  .refine((value) => !/\s/u.test(value), 'A username cannot contain spaces')
  .refine(
    (value) => !/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(value),
    'A username cannot contain invisible or control characters (such as a zero-width space or a right-to-left mark)'
  )
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, 'A username can hold letters, digits, symbols and punctuation only')

const email = typed('Enter an email address', 254, 'An email address has at most 254 characters')
  .min(1, 'Enter an email address')
  .email('Enter a valid email address, like jane@example.com')
export const password = z
  .string({ error: 'Enter a password' })
  .min(1, 'Enter a password')
  .max(256, 'A password has at most 256 characters')
  .refine((value) => value.trim() === value, 'A password cannot begin or end with a space (Cognito refuses it)')
const codeWords = 'Enter the confirmation code from the email, without spaces'
const code = typed('Enter the confirmation code', 2048, codeWords).regex(/^\S{1,2048}$/, codeWords)
/** A tier as typed; which values are tiers is the services' business, so an unknown one gets its own code. */
export const tier = z.string({ error: 'Choose a tier' }).max(64, 'A tier name has at most 64 characters')
/** When a granted tier returns: an instant with its zone; whether it is far enough ahead is main's check (it has the clock). */
export const until = z
  .string({ error: 'Enter the date and time of the return' })
  .max(40, 'Enter the date and time as 2027-01-15T09:00Z')
  .refine(isIsoInstant, 'Enter the date and time as 2027-01-15T09:00Z (with its zone)')
/** "Until …, then …" of a grant (setTier) or of every row (bulkPreview). */
const returnFields = {
  /** Grant until then: a one-time schedule returns the user to `then` at this instant. */
  until: until.optional(),
  /** The tier the user returns to at `until` (standard when omitted); only with `until`. */
  then: tier.optional()
}
const thenNeedsUntil: [(request: { until?: string; then?: string }) => boolean, { path: string[]; message: string }] = [
  (request) => request.then === undefined || request.until !== undefined,
  { path: ['then'], message: 'A return tier needs a return date' }
]
const importJobId = z.string().regex(IMPORT_JOB_ID, 'Not an import job id')
/**
 * The ticket or reason any write's request may carry as `reason` besides its own fields (the
 * operations layer takes it off before the operation's strict schema reads the rest); blank is none.
 */
export const reason = typed('Type the reason as text', MAX_REASON_CHARS, `A reason has at most ${MAX_REASON_CHARS} characters`).optional()
const isoDay = z.string().max(10, 'Enter a date as YYYY-MM-DD').refine(isIsoDay, 'Enter a date as YYYY-MM-DD')
/** The Audit screen's filters; the same for a page and for an export. */
const auditFilter = {
  user: typed(undefined, 128, 'A username has at most 128 characters').optional(),
  action: typed(undefined, 64, 'Choose an action from the list')
    .regex(/^[A-Za-z]*$/, 'Choose an action from the list')
    .optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  reason
}
/** How many days of tier changes to count, up to today. */
export const changeDays = z
  .number()
  .int(`Choose from 1 to ${MAX_CHANGE_DAYS} days`)
  .min(1, `Choose from 1 to ${MAX_CHANGE_DAYS} days`)
  .max(MAX_CHANGE_DAYS, `Choose from 1 to ${MAX_CHANGE_DAYS} days`)
const group = typed('Choose a group', 128, 'A group name has at most 128 characters').min(1, 'Choose a group')

/** Keys that name an object's prototype machinery rather than a value. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Extra attribute names as the operator types them: bare ("company") or prefixed ("custom:company"). */
const attributeName = typed(undefined, 27, 'Attribute names are 1–20 letters, digits or underscores')
  .regex(/^(custom:)?[\p{L}\p{N}_]{1,20}$/u, 'Attribute names are 1–20 letters, digits or underscores')
  // These names fit the pattern, yet as keys they reach the object's prototype (zod drops "__proto__" silently).
  .refine((name) => !PROTOTYPE_KEYS.has(name.replace(/^custom:/, '')), 'This attribute name is reserved')

/** An attribute name as an app client's read or write list holds it (email_verified, custom:user_tier…). */
const clientAttribute = typed(undefined, 64, 'An attribute name has at most 64 characters').regex(/^(custom:|dev:)?\w{1,32}$/, 'Not an attribute name')

/** The doctor's fixes: each needs its own proof that the operator saw what it does. */
const doctorFix = z.discriminatedUnion('fix', [
  z
    .object({
      fix: z.literal(DOCTOR_FIXES[0]),
      acknowledgePermanent: z.literal(true, { error: 'Confirm that a custom attribute can never be removed' })
    })
    .strict(),
  z
    .object({
      fix: z.literal(DOCTOR_FIXES[1]),
      clientId: typed('Choose an app client', 128, 'An app client id has at most 128 characters').regex(/^[\w+]+$/, 'Not an app client id'),
      // The write list the operator saw: the fix is refused if the client changed since.
      expectedWriteAttributes: z.array(clientAttribute).max(100, 'An app client lists at most 100 attributes')
    })
    .strict()
])

export const schemas = {
  doctorFix,
  username,
  email,
  password,
  code,
  register: z
    .object({
      username,
      email,
      password,
      /** Validated by the registration service so an unknown tier gets its own error code. */
      tier: tier.optional(),
      attributes: z
        .record(attributeName, z.string().max(2048, 'An attribute value has at most 2,048 characters'))
        .refine((attributes) => Object.keys(attributes).length <= 50, 'At most 50 extra attributes')
        .optional()
    })
    .strict(),
  byUsername: z.object({ username }).strict(),
  confirm: z.object({ username, code }).strict(),
  search: z
    .object({
      query: typed('Type what to search for', 2048, 'A search has at most 2,048 characters').min(1, 'Type what to search for'),
      by: z.enum(SEARCH_FIELDS, { error: 'Choose a field to search' }),
      match: z.enum(['prefix', 'exact']).default('prefix'),
      nextToken: z.string().max(4096).optional()
    })
    .strict(),
  setTier: z
    .object({
      username,
      tier,
      /** The tier value the operator saw ("" for none); a different one in the pool is a conflict, not overwritten. */
      expected: tier.optional(),
      /** The operator saw the conflict and chose to overwrite it. */
      overwrite: z.boolean().optional(),
      ...returnFields
    })
    .strict()
    .refine(...thenNeedsUntil),
  deleteUser: z
    .object({ username, confirmUsername: z.string({ error: 'Type the username to confirm' }).max(128, 'A username has at most 128 characters') })
    .strict(),
  groupMembership: z.object({ username, group }).strict(),
  none: z.object({}).strict().optional(),
  describePool: z.object({ refresh: z.boolean().optional() }).strict().optional(),
  tierMembers: z
    .object({
      bucket: tierBucket,
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(1000).default(100)
    })
    .strict(),
  auditQuery: z
    .object({ ...auditFilter, offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(100) })
    .strict(),
  /** `limit`: the newest this many only (the CLI's --limit; the window exports every match). */
  auditExport: z.object({ ...auditFilter, limit: z.number().int().min(1).max(100_000).optional() }).strict(),
  /** The figures (with the kept scans and the tier changes of the last `days` days), a tier's users, or the history alone. */
  statsCsv: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('figures'), days: changeDays.optional() }).strict(),
    z.object({ kind: z.literal('tier'), bucket: tierBucket }).strict(),
    z.object({ kind: z.literal('history'), days: changeDays.optional() }).strict()
  ]),
  bulkPreview: z
    .object({
      rows: z
        .array(z.object({ username, tier }).strict())
        .min(1, 'Give at least one user')
        .max(MAX_BULK_ROWS, `At most ${MAX_BULK_ROWS.toLocaleString('en-US')} rows in one bulk change`),
      /** Every row's grant until a date, then its return (the same fields as setTier's). */
      ...returnFields
    })
    .strict()
    .refine(...thenNeedsUntil),
  startExport: z.object({ format: exportFormat }).strict(),
  savedFile: z.object({ fileId: z.uuid('Not the id of a saved file') }).strict(),
  bulkJob: z.object({ jobId: z.string().regex(BULK_JOB_ID, 'Not a bulk job id') }).strict(),
  bulkStart: z.object({ jobId: z.string().regex(BULK_JOB_ID, 'Not a bulk job id'), overwrite: z.boolean().optional() }).strict(),
  importJob: z.object({ jobId: importJobId }).strict(),
  importStart: z
    .object({
      jobId: importJobId,
      /** Required the first time; a resume keeps the method the job started with. */
      method: z.enum(IMPORT_METHODS, { error: 'Choose SignUp or AdminCreateUser' }).optional(),
      invitation: z.enum(INVITATIONS, { error: 'Choose to send the invitation or to suppress it' }).optional()
    })
    .strict()
}
