/**
 * The IPC contract: every channel the renderer may call, its request schema and its result type.
 * Main's handler table, the preload bridge and the renderer's `window.api` type are all derived from
 * this object, so a channel without a handler or a call with the wrong shape does not compile.
 */
import { z } from 'zod'
import type {
  ConnectionHealth,
  ConnectionStatus,
  CsvFile,
  Outbox,
  PoolInfo,
  RegisterResult,
  SandboxRestoreReport,
  ScanProgress,
  SearchResult,
  StatsSnapshot,
  TierMembersPage,
  UserDetail
} from './domain'
import type { Result } from './errors'

/** A phantom marker that carries a result type without a runtime value. */
const returns = <T>(): T => undefined as unknown as T

const username = z
  .string({ error: 'Enter a username' })
  .trim()
  .min(1, 'Enter a username')
  .max(128, 'A username has at most 128 characters')
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, 'A username cannot contain spaces')

const email = z.string({ error: 'Enter an email address' }).trim().email('Enter a valid email address, like jane@example.com')
const password = z.string({ error: 'Enter a password' }).min(1, 'Enter a password').max(256, 'A password has at most 256 characters')
const code = z
  .string({ error: 'Enter the confirmation code' })
  .trim()
  .regex(/^\S{1,2048}$/, 'Enter the confirmation code from the email, without spaces')

/** Extra attribute names as the operator types them: bare ("company") or prefixed ("custom:company"). */
const attributeName = z
  .string()
  .trim()
  .regex(/^(custom:)?[\p{L}\p{N}_]{1,20}$/u, 'Attribute names are 1–20 letters, digits or underscores')

export const schemas = {
  username,
  email,
  password,
  code,
  register: z.object({
    username,
    email,
    password,
    /** Validated by the registration service so an unknown tier gets its own error code. */
    tier: z.string().optional(),
    attributes: z.record(attributeName, z.string().max(2048, 'An attribute value has at most 2048 characters')).optional()
  }),
  byUsername: z.object({ username }),
  confirm: z.object({ username, code }),
  search: z.object({
    query: z.string().trim().min(1, 'Type the start of a username or email').max(256),
    by: z.enum(['username', 'email']),
    nextToken: z.string().max(4096).optional()
  }),
  setTier: z.object({ username, tier: z.string() }),
  none: z.object({}).strict().optional(),
  describePool: z.object({ refresh: z.boolean().optional() }).strict().optional(),
  tierMembers: z.object({
    bucket: z.enum(['standard', 'premium', 'none', 'invalid']),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100)
  }),
  statsCsv: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('figures') }),
    z.object({ kind: z.literal('tier'), bucket: z.enum(['standard', 'premium', 'none', 'invalid']) })
  ])
}

export const contract = {
  getConnection: { channel: 'connection:get', request: schemas.none, result: returns<ConnectionStatus>() },
  describePool: { channel: 'pool:describe', request: schemas.describePool, result: returns<PoolInfo>() },
  checkConnection: { channel: 'connection:check', request: schemas.none, result: returns<ConnectionHealth>() },
  restartSandbox: { channel: 'sandbox:restart', request: schemas.none, result: returns<ConnectionStatus>() },
  restoreSandbox: { channel: 'sandbox:restore', request: schemas.none, result: returns<SandboxRestoreReport>() },
  register: { channel: 'users:register', request: schemas.register, result: returns<RegisterResult>() },
  confirm: { channel: 'users:confirm', request: schemas.confirm, result: returns<{ username: string }>() },
  resendCode: { channel: 'users:resend-code', request: schemas.byUsername, result: returns<{ delivery: RegisterResult['delivery'] }>() },
  adminConfirm: { channel: 'users:admin-confirm', request: schemas.byUsername, result: returns<{ username: string }>() },
  getUser: { channel: 'users:get', request: schemas.byUsername, result: returns<UserDetail>() },
  searchUsers: { channel: 'users:search', request: schemas.search, result: returns<SearchResult>() },
  setTier: { channel: 'users:set-tier', request: schemas.setTier, result: returns<UserDetail>() },
  getOutbox: { channel: 'sandbox:outbox', request: schemas.none, result: returns<Outbox>() },
  getStats: { channel: 'stats:get', request: schemas.none, result: returns<StatsSnapshot>() },
  startStats: { channel: 'stats:start', request: schemas.none, result: returns<ScanProgress>() },
  cancelStats: { channel: 'stats:cancel', request: schemas.none, result: returns<ScanProgress | null>() },
  listTierMembers: { channel: 'stats:tier-members', request: schemas.tierMembers, result: returns<TierMembersPage>() },
  statsCsv: { channel: 'stats:csv', request: schemas.statsCsv, result: returns<CsvFile>() }
} as const

export type Contract = typeof contract
export type Operation = keyof Contract
export type RequestOf<K extends Operation> = z.input<NonNullable<Contract[K]['request']>>
export type ParsedRequestOf<K extends Operation> = z.output<NonNullable<Contract[K]['request']>>
export type ResultOf<K extends Operation> = Contract[K]['result']

/** The API the preload exposes as `window.api`: one named function per operation. */
export type Api = {
  [K in Operation]: undefined extends RequestOf<K>
    ? (request?: RequestOf<K>) => Promise<Result<ResultOf<K>>>
    : (request: RequestOf<K>) => Promise<Result<ResultOf<K>>>
}

export const operations = Object.keys(contract) as Operation[]
