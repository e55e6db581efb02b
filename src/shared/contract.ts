/**
 * The IPC contract: every channel the renderer may call, its request schema and its result type.
 * Main's handler table, the preload bridge and the renderer's `window.api` type are all derived from
 * this object, so a channel without a handler or a call with the wrong shape does not compile.
 */
import { z } from 'zod'
import type { AuditExport, AuditPage } from './audit'
import type {
  AccountActionResult,
  ConnectionHealth,
  ConnectionStatus,
  ExportStatus,
  HistoryEntry,
  Outbox,
  PoolInfo,
  RegisterResult,
  SandboxRestoreReport,
  SavedFile,
  ScanProgress,
  SearchResult,
  StatsSnapshot,
  TierChangeResult,
  TierMembersPage,
  UnfinishedRegistration,
  UserDetail,
  UserGroups
} from './domain'
import type { ImportJobDetail, ImportJobSummary, ImportPreview } from './importing'
import type { BulkJobDetail, BulkJobSummary, BulkPreview } from './bulk'
import type { DoctorReport } from './doctor'
import type { Result } from './errors'
import { profileChannels } from './profileContract'
import { returnsChannels } from './returnsContract'
import { supportChannels } from './supportContract'
import { trendChannels } from './trendContract'
import { returns, schemas } from './contractSchemas'
import { jobUpdate, type BulkProgress, type ExportProgress, type ImportProgress } from './jobProgress'
import { SCREENS } from './screens'
import { openLinkEvent } from './ticketLinkEvent'

export const contract = {
  getConnection: { channel: 'connection:get', request: schemas.none, result: returns<ConnectionStatus>() },
  describePool: { channel: 'pool:describe', request: schemas.describePool, result: returns<PoolInfo>() },
  checkConnection: { channel: 'connection:check', request: schemas.none, result: returns<ConnectionHealth>() },
  /** The pool doctor: one line per check of credentials, pool, app client, tier attribute and IAM rights. */
  runDoctor: { channel: 'doctor:run', request: schemas.none, result: returns<DoctorReport>() },
  /** Applies a doctor fix the operator confirmed (it must acknowledge that it cannot be undone), then runs the doctor again. */
  applyDoctorFix: {
    channel: 'doctor:fix',
    write: true,
    request: schemas.doctorFix,
    result: returns<DoctorReport>()
  },
  restartSandbox: { channel: 'sandbox:restart', request: schemas.none, result: returns<ConnectionStatus>() },
  restoreSandbox: { channel: 'sandbox:restore', request: schemas.none, result: returns<SandboxRestoreReport>() },
  register: { channel: 'users:register', write: true, request: schemas.register, result: returns<RegisterResult>() },
  /** Registrations cut between SignUp and the tier, each checked with Cognito: found at start and offered for completion. */
  unfinishedRegistrations: {
    channel: 'users:unfinished-registrations',
    request: schemas.none,
    result: returns<{ registrations: UnfinishedRegistration[] }>()
  },
  /** Sets the tier a cut registration meant to give (as an administrator, audited). */
  finishRegistration: { channel: 'users:finish-registration', write: true, request: schemas.byUsername, result: returns<UnfinishedRegistration>() },
  confirm: { channel: 'users:confirm', write: true, request: schemas.confirm, result: returns<{ username: string }>() },
  resendCode: { channel: 'users:resend-code', write: true, request: schemas.byUsername, result: returns<{ delivery: RegisterResult['delivery'] }>() },
  adminConfirm: { channel: 'users:admin-confirm', write: true, request: schemas.byUsername, result: returns<{ username: string }>() },
  getUser: { channel: 'users:get', request: schemas.byUsername, result: returns<UserDetail>() },
  searchUsers: { channel: 'users:search', request: schemas.search, result: returns<SearchResult>() },
  setTier: { channel: 'users:set-tier', write: true, request: schemas.setTier, result: returns<TierChangeResult>() },
  enableUser: { channel: 'users:enable', write: true, request: schemas.byUsername, result: returns<AccountActionResult>() },
  disableUser: { channel: 'users:disable', write: true, request: schemas.byUsername, result: returns<AccountActionResult>() },
  resetPassword: { channel: 'users:reset-password', write: true, request: schemas.byUsername, result: returns<AccountActionResult>() },
  resendInvite: { channel: 'users:resend-invite', write: true, request: schemas.byUsername, result: returns<AccountActionResult>() },
  signOutEverywhere: { channel: 'users:sign-out', write: true, request: schemas.byUsername, result: returns<AccountActionResult>() },
  verifyEmail: { channel: 'users:verify-email', write: true, request: schemas.byUsername, result: returns<AccountActionResult>() },
  deleteUser: { channel: 'users:delete', write: true, request: schemas.deleteUser, result: returns<AccountActionResult>() },
  userGroups: { channel: 'users:groups', request: schemas.byUsername, result: returns<UserGroups>() },
  addToGroup: { channel: 'users:add-to-group', write: true, request: schemas.groupMembership, result: returns<UserGroups>() },
  removeFromGroup: { channel: 'users:remove-from-group', write: true, request: schemas.groupMembership, result: returns<UserGroups>() },
  userHistory: { channel: 'users:history', request: schemas.byUsername, result: returns<{ entries: HistoryEntry[] }>() },
  getOutbox: { channel: 'sandbox:outbox', request: schemas.none, result: returns<Outbox>() },
  getStats: { channel: 'stats:get', request: schemas.none, result: returns<StatsSnapshot>() },
  startStats: { channel: 'stats:start', request: schemas.none, result: returns<ScanProgress>() },
  pauseStats: { channel: 'stats:pause', request: schemas.none, result: returns<ScanProgress | null>() },
  cancelStats: { channel: 'stats:cancel', request: schemas.none, result: returns<ScanProgress | null>() },
  listTierMembers: { channel: 'stats:tier-members', request: schemas.tierMembers, result: returns<TierMembersPage>() },
  /** Main asks where to save and streams the CSV there; null when the operator cancels. */
  statsCsv: { channel: 'stats:csv', request: schemas.statsCsv, result: returns<SavedFile | null>() },
  ...trendChannels,
  auditQuery: { channel: 'audit:query', request: schemas.auditQuery, result: returns<AuditPage>() },
  /** Main asks where to save and streams the file there; null when the operator cancels. */
  auditExport: { channel: 'audit:export', request: schemas.auditExport, result: returns<AuditExport | null>() },
  bulkPreview: { channel: 'bulk:preview', request: schemas.bulkPreview, result: returns<BulkPreview>() },
  /** Stops the preview under way, which then answers CANCELLED. */
  bulkCancelPreview: { channel: 'bulk:cancel-preview', request: schemas.none, result: returns<{ cancelled: boolean }>() },
  bulkStart: { channel: 'bulk:start', write: true, request: schemas.bulkStart, result: returns<BulkProgress>() },
  bulkPause: { channel: 'bulk:pause', request: schemas.bulkJob, result: returns<BulkProgress | null>() },
  bulkCancel: { channel: 'bulk:cancel', request: schemas.bulkJob, result: returns<BulkProgress | null>() },
  bulkJob: { channel: 'bulk:job', request: schemas.bulkJob, result: returns<BulkJobDetail>() },
  bulkJobs: { channel: 'bulk:jobs', request: schemas.none, result: returns<BulkJobSummary[]>() },
  /** Asks where to save, then streams the rows' results there; null when the operator cancels. */
  bulkResultsCsv: { channel: 'bulk:results-csv', request: schemas.bulkJob, result: returns<SavedFile | null>() },
  /** Asks which CSV file to import, then reads and checks every row; null when the operator cancels. */
  importPreview: { channel: 'import:preview', request: schemas.none, result: returns<ImportPreview | null>() },
  importCancelPreview: { channel: 'import:cancel-preview', request: schemas.none, result: returns<{ cancelled: boolean }>() },
  importStart: { channel: 'import:start', write: true, request: schemas.importStart, result: returns<ImportProgress>() },
  importPause: { channel: 'import:pause', request: schemas.importJob, result: returns<ImportProgress | null>() },
  importCancel: { channel: 'import:cancel', request: schemas.importJob, result: returns<ImportProgress | null>() },
  importJob: { channel: 'import:job', request: schemas.importJob, result: returns<ImportJobDetail>() },
  importJobs: { channel: 'import:jobs', request: schemas.none, result: returns<ImportJobSummary[]>() },
  /** Asks where to save, then streams the rows' results there; null when the operator cancels. */
  importResultsCsv: { channel: 'import:results-csv', request: schemas.importJob, result: returns<SavedFile | null>() },
  /** Asks where to save, then starts exporting every user there (progress comes as jobUpdate); null when the operator cancels. */
  startExport: { channel: 'export:start', request: schemas.startExport, result: returns<ExportStatus | null>() },
  /** Stops the running export and removes what it wrote; null when none runs. */
  cancelExport: { channel: 'export:cancel', request: schemas.none, result: returns<ExportProgress | null>() },
  /** The latest export of the app's process as it stands; null before the first. */
  exportStatus: { channel: 'export:status', request: schemas.none, result: returns<ExportStatus | null>() },
  /**
   * Opens the folder of a file saved here (an export, a CSV of figures, a tier, results or the audit),
   * the file selected. The page names it by the id main gave with the save result, never by a path.
   */
  showSavedFile: { channel: 'files:show-in-folder', request: schemas.savedFile, result: returns<{ folder: string }>() },
  ...profileChannels,
  ...supportChannels,
  ...returnsChannels,
  /** After the operator confirmed, naming the pool: arms one call of that write on a production profile for 60 s. */
  confirmProductionWrite: {
    channel: 'profiles:confirm-production-write',
    request: z
      .object({
        userPoolId: z.string().min(1).max(55),
        // Checked when a request is parsed, by then the contract is whole.
        operation: z
          .string()
          .max(64)
          .refine((operation): boolean => isWriteOperation(operation), 'Not an operation that writes')
      })
      .strict(),
    result: returns<{ armed: boolean }>()
  }
} as const

/**
 * What the main process tells the window unasked (the application menu's items, long jobs' progress, ticket links): each event's channel
 * and payload schema. The preload checks every payload against its schema before the page sees it.
 */
export const events = {
  /** A View menu item (or its accelerator) asks for a screen. */
  navigate: { channel: 'app:navigate', payload: z.enum(SCREENS) },
  /** A long job moved: its state, elapsed time and progress, pushed as it changes (no polling). */
  jobUpdate: { channel: 'jobs:update', payload: jobUpdate },
  /** A ticket link the operating system handed the app (ticketLink.ts): the user to open, or why the link was refused. */
  openLink: { channel: 'app:open-link', payload: openLinkEvent }
} as const

export type Contract = typeof contract
export type Operation = keyof Contract
/** What a write's request may carry besides its own fields (see `reason` in contractSchemas.ts). */
export interface WriteReason {
  /** The operator's ticket or reason for this write: trimmed, at most MAX_REASON_CHARS; blank is none. */
  reason?: string
}
export type RequestOf<K extends Operation> = K extends WriteOperation
  ? z.input<NonNullable<Contract[K]['request']>> & WriteReason
  : z.input<NonNullable<Contract[K]['request']>>
export type ParsedRequestOf<K extends Operation> = z.output<NonNullable<Contract[K]['request']>>
export type ResultOf<K extends Operation> = Contract[K]['result']

export type AppEvent = keyof typeof events
export type PayloadOf<E extends AppEvent> = z.output<(typeof events)[E]['payload']>
/** The bridge's name for an event's subscription: navigate → onNavigate. */
export type SubscriberName<E extends AppEvent> = `on${Capitalize<E>}`

/** The operations half of `window.api`: one named function per operation. */
export type InvokeApi = {
  [K in Operation]: undefined extends RequestOf<K>
    ? (request?: RequestOf<K>) => Promise<Result<ResultOf<K>>>
    : (request: RequestOf<K>) => Promise<Result<ResultOf<K>>>
}

/** The events half of `window.api`: `onX(listener)` subscribes to event x and returns the unsubscribe. */
export type EventApi = {
  [E in AppEvent as SubscriberName<E>]: (listener: (payload: PayloadOf<E>) => void) => () => void
}

/** The API the preload exposes as `window.api`. */
export type Api = InvokeApi & EventApi

export const operations = Object.keys(contract) as Operation[]
export const appEvents = Object.keys(events) as AppEvent[]

export function subscriberName<E extends AppEvent>(event: E): SubscriberName<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscriberName<E>
}

/**
 * The operations that change a pool (or start a job that will): `write: true` above. On a profile
 * marked production, main refuses each of them unless the operator confirmed that very operation on
 * that pool moments before; the window asks in one place (its api wrapper), the CLI with --yes-production.
 */
export type WriteOperation = { [K in Operation]: Contract[K] extends { write: true } ? K : never }[Operation]

export function isWriteOperation(operation: string): operation is WriteOperation {
  return Object.hasOwn(contract, operation) && (contract as Record<string, { write?: boolean }>)[operation]!.write === true
}

export const WRITE_OPERATIONS: readonly WriteOperation[] = operations.filter(isWriteOperation)
