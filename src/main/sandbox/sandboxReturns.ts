/**
 * Runs the sandbox's due schedules as EventBridge Scheduler would: each one's target request
 * (AdminUpdateUserAttributes with the schedule's Input) sent to the emulator, written to the app's
 * audit trail as done by the schedule, then the schedule deleted (ActionAfterCompletion DELETE). It runs
 * whenever the sandbox runs: at start for returns that fell due while it was off, and on a timer set
 * for the next due time (looked at again after every change, and at least once a minute).
 */
import { randomUUID } from 'node:crypto'
import type { AuditEntry, AuditLog } from '../audit/auditLog'
import { dueAt, type SandboxSchedules, type StoredSchedule } from './sandboxScheduler'

/** Who the audit trail says made a change the sandbox's scheduler ran. */
export const SANDBOX_SCHEDULER_ACTOR = 'EventBridge Scheduler (sandbox)'
const MAX_WAIT_MS = 60_000

export interface SandboxReturnsOptions {
  schedules: SandboxSchedules
  /** Sends the target's request (its Input) to the emulator; rejects with the error's name when refused. */
  apply: (operation: string, input: Record<string, unknown>) => Promise<void>
  audit: AuditLog
  now?: () => number
}

export class SandboxReturns {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private closed = false
  /** After a run that could not be recorded (the audit trail unwritable), the next try waits this long. */
  private pausedUntil = 0

  constructor(private readonly options: SandboxReturnsOptions) {}

  /** Runs what is due now, then waits for the next due time. */
  start(): Promise<void> {
    return this.runDue()
  }

  /** Sets the timer for the next due schedule (called after every change of the store). */
  arm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.closed) return
    const now = this.now()
    const next = Math.max(Math.min(...this.options.schedules.all().map((s) => dueAt(s) ?? Infinity), now + MAX_WAIT_MS), this.pausedUntil)
    this.timer = setTimeout(() => void this.runDue(), Math.max(0, next - now))
    // The sandbox's own life keeps the process up, never this timer.
    this.timer.unref()
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }

  private runDue(): Promise<void> {
    if (this.running) return this.running
    // Set before the first await, so a run that ends at once does not leave its promise behind as "running".
    let finish!: () => void
    const run = new Promise<void>((resolve) => (finish = resolve))
    this.running = run
    void (async () => {
      try {
        for (const schedule of this.options.schedules.all()) {
          if (this.closed) break
          const at = dueAt(schedule)
          if (at !== null && at <= this.now() && schedule.State !== 'DISABLED') await this.run(schedule)
        }
      } catch (error) {
        // Nothing is run unrecorded: the schedules wait for the trail (or the disk) to come back.
        this.pausedUntil = this.now() + MAX_WAIT_MS
        console.warn('Tier Admin: the sandbox could not run a due schedule:', error instanceof Error ? error.message : error)
      } finally {
        this.running = null
        this.arm()
        finish()
      }
    })()
    return run
  }

  /** One schedule run: intent, the target's request, result, and the schedule deleted whatever the outcome (Scheduler does not retry a refusal). */
  private async run(schedule: StoredSchedule): Promise<void> {
    const operation = schedule.Target.Arn.split(':').at(-1) ?? ''
    let input: Record<string, unknown> = {}
    try {
      input = JSON.parse(schedule.Target.Input ?? '{}') as Record<string, unknown>
    } catch {
      // A schedule with a broken Input fails its run, as on AWS.
    }
    const attributes = Array.isArray(input.UserAttributes) ? (input.UserAttributes as { Name?: string; Value?: string }[]) : []
    const intent: AuditEntry = {
      id: randomUUID(),
      at: new Date(this.now()).toISOString(),
      phase: 'intent',
      operation: operation.charAt(0).toUpperCase() + operation.slice(1),
      userPoolId: String(input.UserPoolId ?? ''),
      ...(typeof input.Username === 'string' ? { username: input.Username } : {}),
      changes: Object.fromEntries(attributes.map((a) => [a.Name ?? '', a.Value ?? ''])),
      reason: `Tier return run by its schedule ${schedule.GroupName}/${schedule.Name}`,
      identity: SANDBOX_SCHEDULER_ACTOR
    }
    await this.options.audit.record(intent)
    let outcome: Pick<AuditEntry, 'outcome' | 'errorName'> = { outcome: 'ok' }
    try {
      await this.options.apply(intent.operation, input)
    } catch (error) {
      outcome = { outcome: 'failed', errorName: error instanceof Error ? error.message : String(error) }
    }
    await this.options.audit.record({ ...intent, at: new Date(this.now()).toISOString(), phase: 'result', ...outcome })
    await this.options.schedules.remove(schedule)
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }
}
