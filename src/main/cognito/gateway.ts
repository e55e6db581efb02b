import { randomUUID } from 'node:crypto'
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import type { SchedulerClient } from '@aws-sdk/client-scheduler'
import { AppError } from '../../shared/errors'
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { auditUnwritableError } from '../storage/localErrors'
import { currentReason } from '../audit/writeReason'
import { commandFacts, operationOf, type CommandFacts } from './commands'
import { osUser, type AuditEntry, type AuditLog, type AuditOutcome } from '../audit/auditLog'
import type { IdentityResolver } from './identity'
import type { QuotaLimiters } from './quotas'
import { abortableSleep, type RateLimiter } from './rateLimiter'
import { backoffMs, classifyFailure, failureName, mayRetry, nameOf, patienceRule, serviceFailureStatus, type Patience } from './retryPolicy'
import { auditableChanges, type AuditedInput } from '../audit/auditedChanges'

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
  /** Among requests waiting for the same quota, lower goes first (0 by default); see RateLimiter.acquire. */
  priority?: number
  /** Told how long the answered attempt took on the wire, without its wait for the rate limiter. */
  onAnswered?: (latencyMs: number) => void
  /** For the audit trail of a write: the values it replaces (only what may be written down, e.g. the old tier). */
  previous?: Record<string, string>
  /** For the audit trail: the user a write concerns when its request names something else (AdminDisableProviderForUser names a link). */
  username?: string
  /** For the audit trail: what the write changes beyond what its request shows (a tier return's date and tier). */
  changes?: Record<string, string>
}

export interface GatewayOptions {
  client: CognitoIdentityProviderClient
  /** EventBridge Scheduler on the same credentials and region (tier returns); absent where the connection has none. */
  scheduler?: SchedulerClient
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
  private readonly scheduler?: SchedulerClient
  private readonly audit: AuditLog
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly reconnect?: (error: unknown) => Promise<boolean>
  private readonly onAuditFailure: (error: unknown) => void
  private readonly identity?: IdentityResolver

  constructor(options: GatewayOptions) {
    this.client = options.client
    this.scheduler = options.scheduler
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
    return (await this.clientFor(commandFacts(command.constructor.name)).send(command as never)) as Output
  }

  async send<Output>(command: AnyCommand, options: SendOptions = {}): Promise<Output> {
    // Refuses a command the table lacks before anything is written or sent.
    const facts = commandFacts(command.constructor.name)
    // Write-ahead: no intent on disk, no request.
    const intent = facts.writes ? await this.recordIntent(command.constructor.name, command.input, options, currentReason()) : null
    try {
      const output = await this.transmit<Output>(command, facts, options, intent)
      if (intent) await this.recordResult(intent, 'ok')
      return output
    } catch (error) {
      if (intent) await this.recordResult(intent, outcomeOf(error), writeFailureName(error))
      throw error
    }
  }

  /**
   * Several requests that make one change under one audit intent: a registration through a client
   * that may not write the tier is SignUp, then the tier as an administrator. `described` is the
   * change as a whole (SignUp with the tier), recorded before the first request leaves; each request
   * sent through the handle then goes without an intent of its own, and `finish` records the one result.
   */
  async openIntent(described: AnyCommand, steps: string[], options: SendOptions = {}): Promise<SharedIntent> {
    commandFacts(described.constructor.name)
    const entry = await this.recordIntent(described.constructor.name, described.input, options, currentReason(), steps)
    return {
      entry,
      send: <Output>(command: AnyCommand, sendOptions: SendOptions = {}) => {
        const facts = commandFacts(command.constructor.name)
        if (!steps.includes(operationOf(command.constructor.name))) throw new Error(`${command.constructor.name} is not a step of this intent`)
        return this.transmit<Output>(command, facts, sendOptions, entry)
      },
      finish: (outcome, detail) => this.finishIntent(entry, outcome, detail)
    }
  }

  /** The result of a shared intent, also later (a registration finished after a crash): the steps done say how far it got. */
  finishIntent(intent: AuditEntry, outcome: AuditOutcome, detail: { errorName?: string; stepsDone?: string[] } = {}): Promise<void> {
    return this.recordResult(intent, outcome, detail.errorName, detail.stepsDone)
  }

  /** One request through the limiter and the retry loop; `intent` is the trail entry it is sent under (null for a read). */
  private async transmit<Output>(command: AnyCommand, facts: CommandFacts, options: SendOptions, intent: AuditEntry | null): Promise<Output> {
    const name = command.constructor.name
    const limiter = this.limiters.get(facts.quota)
    const rule = patienceRule(options.patience)
    const maxAttempts = options.maxAttempts ?? rule.attempts
    // The pool's Lambda triggers see the reason too, where Cognito passes the metadata on.
    if (intent?.reason && facts.clientMetadata) {
      const input = command.input as { ClientMetadata?: Record<string, string> }
      input.ClientMetadata = { ...input.ClientMetadata, reason: intent.reason }
    }
    let reconnects = 0
    let answeredAtStreak = limiter.answered
    for (let attempt = 1; ; attempt++) {
      try {
        await limiter.acquire(options.signal, options.priority)
        const sentAt = performance.now()
        const output = (await this.clientFor(facts).send(command as never, { abortSignal: options.signal })) as Output
        options.onAnswered?.(performance.now() - sentAt)
        limiter.onSuccess()
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
          if (kind === 'lost' && intent) throw new WriteOutcomeUnknownError(name, command.input, error)
          // The caller's reason for stopping, not the SDK's AbortError, so a cancel reads as a cancel.
          throw aborted ? options.signal!.reason : error
        }
        // Others on this quota were answered since this request's last refusal: it is shared, not in a
        // storm. The wait still grows, but ends once nothing else of this process waits on the quota, or
        // this process's share would go unused (the last of four operators sharing one had all its few
        // requests asleep for seconds).
        const contended = kind === 'throttled' && limiter.answered > answeredAtStreak
        answeredAtStreak = limiter.answered
        await (contended ? this.waitOrIdle(backoffMs(attempt, rule), limiter, options.signal) : this.sleep(backoffMs(attempt, rule), options.signal))
      }
    }
  }

  /** Waits `ms`, or less if the limiter runs out of callers first; only an abort throws. */
  private async waitOrIdle(ms: number, limiter: RateLimiter, signal: AbortSignal | undefined): Promise<void> {
    const wake = new AbortController()
    const forward = (): void => wake.abort(signal?.reason)
    signal?.addEventListener('abort', forward, { once: true })
    try {
      await Promise.race([this.sleep(ms, wake.signal).catch(() => undefined), limiter.whenIdle(wake.signal)])
    } finally {
      signal?.removeEventListener('abort', forward)
      wake.abort()
    }
    if (signal?.aborted) throw signal.reason
  }

  /** The SDK client a command goes to: Cognito's, or EventBridge Scheduler's for its rows of the table. */
  private clientFor(facts: CommandFacts): { send(command: never, options?: object): Promise<unknown> } {
    if (!facts.scheduler) return this.client
    if (!this.scheduler)
      throw new AppError('NOT_CONFIGURED', 'This connection has no EventBridge Scheduler client, so tier returns cannot be reached. Nothing was sent.')
    return this.scheduler
  }

  private async recordIntent(commandName: string, input: object, options: SendOptions, reason: string | undefined, steps?: string[]): Promise<AuditEntry> {
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
      changes: mergedChanges(auditableChanges(fields), options.changes),
      ...(options.previous ? { previous: options.previous } : {}),
      ...(reason ? { reason } : {}),
      ...(steps ? { steps } : {}),
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
  private async recordResult(intent: AuditEntry, outcome: AuditOutcome, errorName?: string, stepsDone?: string[]): Promise<void> {
    try {
      const detail = { ...(errorName ? { errorName } : {}), ...(stepsDone ? { stepsDone } : {}) }
      await this.audit.record({ ...intent, at: new Date().toISOString(), phase: 'result', outcome, ...detail })
    } catch (error) {
      this.onAuditFailure(error)
    }
  }
}

const mergedChanges = (own: Record<string, string> | undefined, extra: Record<string, string> | undefined): Record<string, string> | undefined =>
  own || extra ? { ...own, ...extra } : undefined

/** Requests sent under one audit intent (see CognitoGateway.openIntent). */
export interface SharedIntent {
  readonly entry: AuditEntry
  /** Sends one of the intent's steps: the limiter and retries as ever, no intent or result of its own. */
  send<Output>(command: AnyCommand, options?: SendOptions): Promise<Output>
  /** Records the change's one result, with the steps that were done; never throws, like every result. */
  finish(outcome: AuditOutcome, detail?: { errorName?: string; stepsDone?: string[] }): Promise<void>
}

/** The trail's outcome for a write that failed: unknown when its answer was lost, failed otherwise. */
export const outcomeOf = (error: unknown): AuditOutcome => (error instanceof WriteOutcomeUnknownError ? 'unknown' : 'failed')

/** The name of what failed, as the trail records it: for a lost answer, what lost it (a timeout, a reset, HTTP 502). */
export const writeFailureName = (error: unknown): string => failureName(error instanceof WriteOutcomeUnknownError ? error.cause : error)

/**
 * A write was sent but its answer was lost (connection reset, timeout, Cognito internal error), so
 * whether Cognito applied it is unknown. The error mapping tells the operator to check before retrying.
 */
export class WriteOutcomeUnknownError extends Error {
  readonly operation: string
  readonly username: string | undefined
  /** The HTTP status when Cognito's side answered with a server failure; absent when no answer came. */
  readonly httpStatus: number | undefined

  constructor(commandName: string, input: object, cause: unknown) {
    const operation = operationOf(commandName)
    super(`${operation} was sent but its answer was lost (${writeFailureName(cause)})`, { cause })
    this.name = 'WriteOutcomeUnknownError'
    this.operation = operation
    this.username = (input as { Username?: string }).Username
    this.httpStatus = serviceFailureStatus(cause) ?? undefined
  }
}
