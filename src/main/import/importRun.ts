/**
 * The work of an import job: the rows the preview would create and that have no result yet, each
 * created with the method the operator chose. Rows run side by side; the gateway's UserCreation
 * limiter paces them and throttling is waited out with long patience, so it slows the job and fails
 * no row. A row's intent is on disk before its request goes; a row found with an intent and no result
 * (the process died after sending) that Cognito then calls taken was created by this job, and is
 * reported so, never sent twice.
 */
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { ImportMethod, ImportPreview, ImportRowResult, Invitation } from '../../shared/importing'
import type { ImportProgress } from '../../shared/jobProgress'
import { AppError } from '../../shared/errors'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { Connection } from '../cognito/connection'
import { nameOf, WriteOutcomeUnknownError } from '../cognito/gateway'
import { toAppError } from '../cognito/errorMapping'
import { classifyFailure } from '../cognito/retryPolicy'
import { secretHashField } from '../cognito/secretHash'
import type { JobView } from '../jobs/job'
import type { RowJobStore } from '../rowJobs/rowJobStore'
import { signUpWithTier } from '../registration/signUpWithTier'
import { findUnfinished, finishRegistration } from '../registration/unfinished'
import { RowRunBase } from '../rowJobs/rowRun'

const isCut = (error: unknown): boolean => error instanceof AppError && error.code === 'REGISTRATION_UNFINISHED'

/** Rows in flight: the UserCreation quota (50/s) is the pace; a few in flight hide each request's latency. */
const ROW_CONCURRENCY = 12

/** The preview as saved with the job: where the file was, which file it was, and the operator's choices. */
export interface SavedImport extends ImportPreview {
  version: 1
  source: { path: string; sha256: string }
  method?: ImportMethod
  invitation?: Invitation
}

export interface ImportRunSettings {
  connection: Connection
  store: RowJobStore<SavedImport, ImportRowResult>
  preview: SavedImport
  /** Passwords by row, read from the file when the job starts; never saved by the app. */
  passwords: Map<number, string>
  onRow: () => void
}

type PlanRow = SavedImport['rows'][number]

export function previewResults(preview: ImportPreview): ImportRowResult[] {
  return preview.rows.filter((row) => row.action === 'skip').map((row) => ({ ...resultBase(row), outcome: 'skipped' as const, reason: row.reason }))
}

const resultBase = (row: PlanRow): Omit<ImportRowResult, 'outcome'> => ({ row: row.row, username: row.username, email: row.email, tier: row.tier })

export class ImportRun extends RowRunBase<PlanRow, ImportRowResult, ImportProgress> {
  constructor(private readonly settings: ImportRunSettings) {
    super({ ...settings, skipped: previewResults(settings.preview), concurrency: ROW_CONCURRENCY, runs: (row) => row.action === 'create' })
  }

  protected runRow(row: PlanRow, signal: AbortSignal): Promise<ImportRowResult> {
    return this.createRow(row, signal)
  }

  private async createRow(row: PlanRow, signal: AbortSignal): Promise<ImportRowResult> {
    const { preview } = this.settings
    const base = resultBase(row)
    const password = this.settings.passwords.get(row.row)
    if (preview.method === 'signup' && !password) {
      return { ...base, outcome: 'skipped', reason: 'No password: a sign-up code needs one from the file (an invitation with a temporary password would not)' }
    }
    await this.recordIntent(row.row)
    try {
      // A registration cut after SignUp stops the job with the row pending: the resume finds the user and sets the tier.
      return { ...base, outcome: 'created', reason: await this.send(row, password, signal) }
    } catch (error) {
      // A lost answer or an outage stops the job with the row pending: the resume sends it again and learns from Cognito.
      if (signal.aborted || error instanceof WriteOutcomeUnknownError || classifyFailure(error) !== 'final' || isCut(error)) throw error
      if (nameOf(error) === 'UsernameExistsException') {
        if (!this.pending.has(row.row)) return { ...base, outcome: 'existed', reason: 'Already in the pool (created since the preview)' }
        const finished = preview.method === 'signup' && (await this.finishCut(row.username))
        return { ...base, outcome: 'created', reason: `Created by this import before it was interrupted${finished ? '; its tier set now' : ''}` }
      }
      // This computer's failure (a full disk, an audit trail it cannot write) is not Cognito's refusal.
      const local = toAppError(error, { operation: 'register' })
      if (local.code === 'LOCAL_FILE_ERROR' || local.code === 'AUDIT_UNWRITABLE') return { ...base, outcome: 'failed', reason: local.message }
      return { ...base, outcome: 'failed', reason: `Cognito refused it: ${(error as Error).message || nameOf(error)}` }
    }
  }

  /** A row's user made by this import's SignUp before it stopped: its registration is finished if it was cut before the tier. */
  private async finishCut(username: string): Promise<boolean> {
    const cut = (await findUnfinished(this.settings.connection)).some((registration) => registration.username === username)
    if (cut) await finishRegistration(this.settings.connection, username)
    return cut
  }

  /** One row's registration (SignUp with the tier as the client allows, or AdminCreateUser); what the person receives, in a few words. */
  private async send(row: PlanRow, password: string | undefined, signal: AbortSignal): Promise<string> {
    const { connection, preview } = this.settings
    const { gateway } = connection
    const attributes = [
      { Name: 'email', Value: row.email },
      { Name: TIER_ATTRIBUTE, Value: row.tier },
      ...row.attributes.map((a) => ({ Name: a.name, Value: a.value }))
    ]
    if (preview.method === 'signup') {
      const output = await signUpWithTier(
        connection,
        {
          ClientId: connection.clientId,
          Username: row.username,
          Password: password,
          ...secretHashField(row.username, connection.clientId, connection.clientSecret),
          UserAttributes: attributes
        },
        { signal, patience: 'long' }
      )
      const to = output.CodeDeliveryDetails?.Destination
      return output.UserConfirmed ? 'Signed up and confirmed' : to ? `Signed up; code sent to ${to}` : 'Signed up; awaiting confirmation'
    }
    const suppress = preview.invitation === 'suppress'
    await gateway.send(
      new AdminCreateUserCommand({
        UserPoolId: gateway.userPoolId,
        Username: row.username,
        // An administrator may write any attribute, whatever the app clients may.
        UserAttributes: attributes,
        ...(password ? { TemporaryPassword: password } : {}),
        ...(suppress ? { MessageAction: 'SUPPRESS' as const } : { DesiredDeliveryMediums: ['EMAIL' as const] })
      }),
      { signal, patience: 'long' }
    )
    return suppress ? 'Created; invitation suppressed' : `Created; invitation sent to ${row.email}`
  }

  progress(view: JobView): ImportProgress {
    const counts = { created: 0, existed: 0, skipped: 0, failed: 0 }
    for (const result of this.results.values()) counts[result.outcome]++
    return { ...this.commonProgress(view), ...counts }
  }
}
