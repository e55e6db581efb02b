import { randomUUID } from 'node:crypto'
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { auditUnwritableError } from '../storage/localErrors'
import { currentReason } from '../audit/writeReason'
import { commandFacts, operationOf } from './commands'
import { osUser, type AuditEntry, type AuditLog, type AuditOutcome } from '../audit/auditLog'
import type { IdentityResolver } from './identity'
import type { QuotaLimiters } from './quotas'
import { abortableSleep } from './rateLimiter'
import { backoffMs, classifyFailure, mayRetry, nameOf, patienceRule, type Patience } from './retryPolicy'

export { nameOf } from './retryPolicy'

/** Resends of a request that never reached a working endpoint, before its failure is reported. */
const MAX_RECONNECTS = 5

// The SDK's command classes are generic; this is the part of them the gateway relies on.
export interface AnyCommand {
  readonly input: object
  constructor: { name: string }
}

export interface SendOptions {
  signal?: AbortSignal
  /** How long failures are waited out (see Patience); 'short' by default. */
  patience?: Patience
  /** Overrides the patience's number of attempts, e.g. 2 for a figure that is only nice to have. */
  maxAttempts?: number
  /** Told how long the answered attempt took on the wire, without its wait for the rate limiter. */
  onAnswered?: (latencyMs: number) => void
  /** For the audit trail of a write: the values it replaces (only what may be written down, e.g. the old tier). */
  previous?: Record<string, string>
  /** For the audit trail: the user a write concerns when its request names something else (AdminDisableProviderForUser names a link). */
  username?: string
}

export interface GatewayOptions {
  client: CognitoIdentityProviderClient
  userPoolId: string
  limiters: QuotaLimiters
  audit: AuditLog
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /**
   * Asked after a failed request whether it never left for a working endpoint (a refused connection,
   * or the sandbox's emulator answering that it is moving to another process) and the endpoint was
   * found again: true means the request may be resent, even a write that must not repeat.
   */
  reconnect?: (error: unknown) => Promise<boolean>
  /** Told when a write's result could not be added to the audit trail (its intent is there). */
  onAuditFailure?: (error: unknown) => void
  /** The AWS identity behind the credentials, for the trail; absent in tests that do not look at it. */
  identity?: IdentityResolver
}

/**
 * The one place where the app talks to Cognito: every request waits for its quota category's rate
 * limiter, throttling slows that limiter down, failures are retried as retryPolicy says (the only
 * retry loop in the app), and every write lands in the audit trail.
 */
export class CognitoGateway {
  readonly userPoolId: string
  readonly limiters: QuotaLimiters
  private readonly client: CognitoIdentityProviderClient
  private readonly audit: AuditLog
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly reconnect?: (error: unknown) => Promise<boolean>
  private readonly onAuditFailure: (error: unknown) => void
  private readonly identity?: IdentityResolver

  constructor(options: GatewayOptions) {
    this.client = options.client
    this.userPoolId = options.userPoolId
    this.limiters = options.limiters
    this.audit = options.audit
    this.sleep = options.sleep ?? abortableSleep
    this.reconnect = options.reconnect
    this.onAuditFailure = options.onAuditFailure ?? ((error) => console.warn('Tier Admin: an audit result could not be written:', nameOf(error)))
    this.identity = options.identity
  }

  /** The credentials requests are signed with, for another AWS service on the same identity (STS). */
  get credentials(): AwsCredentialIdentityProvider {
    return this.client.config.credentials as AwsCredentialIdentityProvider
  }

  /**
   * One request sent once, after its quota's limiter, and never to the audit trail: for requests that
   * cannot change anything, such as the pool doctor's probes, which name a user that does not exist.
   */
  async probe<Output>(command: AnyCommand): Promise<Output> {
    await this.limiters.forCommand(command.constructor.name).acquire()
    return (await this.client.send(command as never)) as Output
  }

  async send<Output>(command: AnyCommand, options: SendOptions = {}): Promise<Output> {
    const name = command.constructor.name
    // Refuses a command the table lacks before anything is written or sent.
    const facts = commandFacts(name)
    const limiter = this.limiters.get(facts.quota)
    const rule = patienceRule(options.patience)
    const maxAttempts = options.maxAttempts ?? rule.attempts
    // Write-ahead: no intent on disk, no request.
    const reason = facts.writes ? currentReason() : undefined
    const intent = facts.writes ? await this.recordIntent(name, command.input, options, reason) : null
    // The pool's Lambda triggers see the reason too, where Cognito passes the metadata on.
    if (reason && facts.clientMetadata) {
      const input = command.input as { ClientMetadata?: Record<string, string> }
      input.ClientMetadata = { ...input.ClientMetadata, reason }
    }
    let reconnects = 0
    for (let attempt = 1; ; attempt++) {
      try {
        await limiter.acquire(options.signal)
        const sentAt = performance.now()
        const output = (await this.client.send(command as never, { abortSignal: options.signal })) as Output
        options.onAnswered?.(performance.now() - sentAt)
        limiter.onSuccess()
        if (intent) await this.recordResult(intent, 'ok')
        return output
      } catch (error) {
        // Several short-lived processes can hand the sandbox on in turn, so a request may need a few tries to reach it.
        if (this.reconnect && reconnects < MAX_RECONNECTS && !options.signal?.aborted && (await this.reconnect(error))) {
          reconnects++
          attempt--
          continue
        }
        const kind = classifyFailure(error)
        if (kind === 'throttled') limiter.onThrottled()
        const aborted = options.signal?.aborted === true
        if (aborted || attempt >= maxAttempts || !mayRetry(kind, name, rule)) {
          const outcome = kind === 'lost' && intent ? 'unknown' : 'failed'
          if (intent) await this.recordResult(intent, outcome, nameOf(error))
          if (outcome === 'unknown') throw new WriteOutcomeUnknownError(name, command.input, error)
          // The caller's reason for stopping, not the SDK's AbortError, so a cancel reads as a cancel.
          throw aborted ? options.signal!.reason : error
        }
        await this.sleep(backoffMs(attempt, rule), options.signal)
      }
    }
  }

  private async recordIntent(commandName: string, input: object, options: SendOptions, reason: string | undefined): Promise<AuditEntry> {
    const fields = input as AuditedInput
    // Never throws and is asked once per connection (see identity.ts), so it cannot hold a write back.
    const identity = this.identity ? await this.identity() : undefined
    const entry: AuditEntry = {
      id: randomUUID(),
      at: new Date().toISOString(),
      phase: 'intent',
      operation: operationOf(commandName),
      // The pool the request names (the public operations name only a client: this connection's pool).
      userPoolId: fields.UserPoolId ?? this.userPoolId,
      username: fields.Username ?? options.username,
      changes: auditableChanges(fields),
      ...(options.previous ? { previous: options.previous } : {}),
      ...(reason ? { reason } : {}),
      osUser: osUser(),
      ...identity
    }
    try {
      await this.audit.record(entry)
    } catch (error) {
      throw auditUnwritableError(error, this.audit.location)
    }
    return entry
  }

  /** Never throws: the write happened (or was answered), and that must reach the operator whatever the disk says. */
  private async recordResult(intent: AuditEntry, outcome: AuditOutcome, errorName?: string): Promise<void> {
    try {
      await this.audit.record({ ...intent, at: new Date().toISOString(), phase: 'result', outcome, ...(errorName ? { errorName } : {}) })
    } catch (error) {
      this.onAuditFailure(error)
    }
  }
}

/**
 * A write was sent but its answer was lost (connection reset, timeout, Cognito internal error), so
 * whether Cognito applied it is unknown. The error mapping tells the operator to check before retrying.
 */
export class WriteOutcomeUnknownError extends Error {
  readonly operation: string
  readonly username: string | undefined

  constructor(commandName: string, input: object, cause: unknown) {
    const operation = operationOf(commandName)
    super(`${operation} was sent but its answer was lost (${nameOf(cause)})`, { cause })
    this.name = 'WriteOutcomeUnknownError'
    this.operation = operation
    this.username = (input as { Username?: string }).Username
  }
}

interface AuditedInput {
  UserPoolId?: string
  Username?: string
  UserAttributes?: { Name?: string; Value?: string }[]
  UserAttributeNames?: string[]
  GroupName?: string
  MessageAction?: string
  CustomAttributes?: { Name?: string }[]
  /** AdminSetUserPassword: only whether it is permanent is kept; its Password never is. */
  Permanent?: boolean
  SMSMfaSettings?: { Enabled?: boolean }
  SoftwareTokenMfaSettings?: { Enabled?: boolean }
  EmailMfaSettings?: { Enabled?: boolean }
  DeviceKey?: string
  EventId?: string
  FeedbackValue?: string
  /** AdminDisableProviderForUser names the link, not the user. */
  User?: { ProviderName?: string; ProviderAttributeValue?: string }
}

/** Values that are not personal data and say what changed; every other attribute value is withheld. */
const VALUES_KEPT = new Set([TIER_ATTRIBUTE, 'email_verified', 'phone_number_verified'])

const MFA_SETTINGS = [
  ['SMS', 'SMSMfaSettings'],
  ['TOTP', 'SoftwareTokenMfaSettings'],
  ['EMAIL', 'EmailMfaSettings']
] as const

/** What a write changes, for the trail: attribute names (values of VALUES_KEPT only), the group, a resent invitation, an attribute added to the pool. */
function auditableChanges(input: AuditedInput): Record<string, string> | undefined {
  const changes: Record<string, string> = {}
  for (const a of input.UserAttributes ?? []) changes[a.Name ?? ''] = VALUES_KEPT.has(a.Name ?? '') ? (a.Value ?? '') : '(set)'
  for (const a of input.CustomAttributes ?? []) changes.attribute = `custom:${a.Name ?? ''}`
  if (input.GroupName) changes.group = input.GroupName
  if (input.MessageAction === 'RESEND') changes.invitation = 'resent'
  for (const name of input.UserAttributeNames ?? []) changes[name] = '(removed)'
  if (input.Permanent !== undefined) changes.password = input.Permanent ? 'permanent' : 'temporary'
  for (const [method, setting] of MFA_SETTINGS) if (input[setting]) changes[`mfa ${method}`] = input[setting]?.Enabled ? 'on' : 'off'
  if (input.DeviceKey) changes.device = input.DeviceKey
  if (input.EventId) changes.event = input.EventId
  if (input.FeedbackValue) changes.feedback = input.FeedbackValue
  if (input.User?.ProviderName) changes.provider = input.User.ProviderName
  return Object.keys(changes).length ? changes : undefined
}
