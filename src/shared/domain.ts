import type { AppErrorShape } from './errors'
import type { ExportProgress, ScanMode, ScanProgress, StatsFigures } from './jobProgress'
import type { AttributeSchema, LinkedIdentity, PoolSecurity, SignInVerdict, UserMfa } from './support'
import type { TakesEffect } from './takesEffect'
import type { Tier, TierState } from './tiers'
import type { PendingReturn } from './tierReturns'

/** Which pool the app talks to; never carries the client secret itself. */
export interface ConnectionInfo {
  mode: 'sandbox' | 'aws' | 'endpoint'
  /** A one-line description for the status bar, e.g. "Sandbox (local emulator)" or "us-east-1_AbC123 in us-east-1". */
  label: string
  region: string
  userPoolId: string
  clientId: string
  hasClientSecret: boolean
  endpoint?: string
  /** Where the sandbox keeps its data; only in sandbox mode. */
  dataDir?: string
}

export type ConnectionStatus = { state: 'connected'; info: ConnectionInfo } | { state: 'error'; error: AppErrorShape; info?: ConnectionInfo }

/** Whether the pool, or the sandbox's emulator, answers now; checked after a failure and at an interval. */
export type ConnectionHealth = { answering: true } | { answering: false; error: AppErrorShape; canRestartSandbox: boolean }

/** Sandbox files put back from their last good copy, relative to the sandbox folder. */
export interface SandboxRestoreReport {
  restored: string[]
}

export interface PasswordPolicy {
  minimumLength: number
  requireUppercase: boolean
  requireLowercase: boolean
  requireNumbers: boolean
  requireSymbols: boolean
}

export interface PoolInfo {
  poolName: string
  /** Custom attribute names without the "custom:" prefix. */
  customAttributes: string[]
  /** Every attribute name the pool accepts (standard and custom:...). */
  attributeNames: string[]
  passwordPolicy: PasswordPolicy
  aliasAttributes: string[]
  usernameAttributes: string[]
  hasTierAttribute: boolean
  estimatedUsers?: number
  /** Every attribute of the schema, with what an administrator may write into it. */
  schema: AttributeSchema[]
  /** How the pool's users sign in: MFA, threat protection, temporary passwords, verification, devices. */
  security: PoolSecurity
}

export interface CodeDelivery {
  destination: string
  medium: string
  attribute: string
}

export interface RegisterResult {
  username: string
  /** The tier the user was registered with. */
  tier: Tier
  /** How the tier given was taken, when not exactly as given: '"Premium" taken as premium'. */
  taken?: string
  userSub: string
  confirmed: boolean
  delivery: CodeDelivery | null
}

export interface UserAttribute {
  name: string
  value: string
}

export interface UserDetail {
  username: string
  sub: string
  status: string
  enabled: boolean
  createdAt: string | null
  modifiedAt: string | null
  email: string | null
  emailVerified: boolean
  phone: string | null
  phoneVerified: boolean
  tier: TierState
  /** Every attribute the pool returned, in the pool's order. */
  attributes: UserAttribute[]
  /** The external sign-ins linked to this user (from `identities`); empty for most. */
  identities: LinkedIdentity[]
  /** Present when the user was read on their own (AdminGetUser); a list row does not carry it. */
  mfa?: UserMfa
  /** Whether they can sign in now and why not; present on a user read on their own. */
  verdict?: SignInVerdict
}

/**
 * What an account action did. `user` is the user as Cognito has them afterwards; when that read
 * fails, the action still happened and `refreshError` says why the view is not up to date.
 */
export interface AccountActionResult {
  username: string
  /** One sentence for the operator: what was done and what follows from it. */
  message: string
  user: UserDetail | null
  refreshError?: AppErrorShape
}

export interface TierChangeResult {
  username: string
  from: TierState
  to: Tier
  /** The user already had that tier: nothing was sent. */
  unchanged?: true
  /** How the tier typed was taken, when not exactly as typed: '"Premium" taken as premium'. */
  taken?: string
  /** The user read back after the change; null when that read failed (the change was saved all the same). */
  user: UserDetail | null
  refreshError?: AppErrorShape
  /** When the customer's apps see it; absent when nothing was sent. */
  takesEffect?: TakesEffect
  /** The return this change scheduled (a grant with `until`). */
  pendingReturn?: PendingReturn
  /** The user's earlier pending return, cancelled before the tier was written (in the same audit intent). */
  cancelledReturn?: PendingReturn
}

export interface GroupInfo {
  name: string
  description?: string
}

export interface UserGroups {
  username: string
  /** The groups the user is in. */
  member: GroupInfo[]
  /** Every group of the pool the user is not in. */
  available: GroupInfo[]
}

/** One write about a user from the audit trail: its intent and, once Cognito answered, its outcome. */
export interface HistoryEntry {
  at: string
  operation: string
  /** What it did, in the operator's words: "Tier premium → standard", "Disabled". */
  summary: string
  osUser?: string
  /** The ticket or reason the operator gave for it. */
  reason?: string
  /** "pending": the intent is recorded but no result (the app stopped before Cognito answered). */
  outcome: 'ok' | 'failed' | 'unknown' | 'pending'
  errorName?: string
}

/** What the one find box took the query for. */
export type FoundBy = 'email' | 'sub' | 'phone' | 'username' | 'email-part'

/** The one find box's answer: the users that match, or, for part of an email, the last scan's copy of them. */
export interface FindResult {
  foundBy: FoundBy
  users: UserDetail[]
  /** Nothing matched as typed (Cognito matches case-sensitively) and the lower-cased value did. */
  loweredCase?: boolean
  nextToken?: string
  /** For part of an email: the matches in the last finished scan's copy of the pool, labelled with its date; null when no scan has finished. */
  scan?: { finishedAt: string; members: TierMember[]; truncated: boolean } | null
}

export interface SearchResult {
  users: UserDetail[]
  /** Present when Cognito has more pages; pass it back to get the next one. */
  nextToken?: string
}

/** A message the sandbox pool "sent"; only the sandbox has an outbox. */
export interface OutboxMessage {
  id: string
  at: string
  username: string
  destination: string
  code: string
  reason: string
  /** "used": the user was confirmed with it; "replaced": a newer code was sent to the same user. Only a current code can still work. */
  state?: 'current' | 'used' | 'replaced'
}

export interface Outbox {
  available: boolean
  messages: OutboxMessage[]
}

export { TIER_BUCKETS } from './jobProgress'
export type { ScanProgress, ShareEstimate, StatsFigures, TierBucket, WeeklySignups } from './jobProgress'
export interface StatsResult {
  figures: StatsFigures
  finishedAt: string
  durationMs: number
  mode: ScanMode
  /** Why the scan read the pool in one sequential pass, when it did. */
  modeReason?: string
  userPoolId: string
}

export interface StatsSnapshot {
  /** The scan under way or the last unfinished one (which start() resumes); null when none. */
  progress: ScanProgress | null
  /** The last finished scan of this pool, shown at once when the screen opens. */
  last: StatsResult | null
}

export interface TierMember {
  username: string
  email: string | null
  /** The raw tier value, '' when missing. */
  tierValue: string
}

export interface TierMembersPage {
  members: TierMember[]
  total: number
}

/** A file main wrote where the operator chose: where, and how many rows (a CSV header not counted). */
export interface SavedFile {
  path: string
  rows: number
  /**
   * What the window sends to `showSavedFile` to open the folder this file went to: main keeps the
   * path, the page never sends one. Absent where the front end cannot show a folder (the CLI) or the
   * file went to a stream.
   */
  fileId?: string
}

/** The full export as the front end that started it sees it: with the id to show its file by, where it can show one. */
export type ExportStatus = ExportProgress & Pick<SavedFile, 'fileId'>

/** A registration cut between SignUp and the tier: the user exists without the tier it was registered with. */
export interface UnfinishedRegistration {
  username: string
  /** The tier the registration meant to give. */
  tier: Tier
  /** When the registration began (its audit intent). */
  startedAt: string
}
