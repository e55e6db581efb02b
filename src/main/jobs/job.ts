/**
 * One long job and its state machine (see src/shared/jobs.ts): started, paused, cancelled and resumed
 * from any process of the app, one process at a time under the job's lock, with its record on disk
 * after every move so a restart knows where it stood. Running time is counted in spans: a span opens
 * when the job runs and closes when it stops, so the total adds up across pauses, stops and resumes.
 *
 * The work itself (a scan, an export, a bulk job, an import) is a function given an abort signal; it saves what it has done
 * in its own files and calls `checkpoint` when it reached a point it can resume from.
 */
import { join } from 'node:path'
import type { AppErrorShape } from '../../shared/errors'
import { AppError } from '../../shared/errors'
import { canMove, isActive, type JobState } from '../../shared/jobs'
import { describeHolder, lockHolder, tryAcquireLock, type FileLock } from '../storage/fileLock'
import { ensurePrivateDir } from '../storage/privateFiles'
import { readJobRecord, writeJobRecord, type JobRecord } from './jobRecord'
import type { JobKind, JobRef, JobUpdates, ProgressOf } from './jobUpdates'

/** Where a job's progress goes out: the hub, which job it is there, and how its progress reads in a view of it. */
export interface JobPublishing<K extends JobKind> {
  hub: JobUpdates
  ref: JobRef<K>
  /** The job's progress as it stands; null when there is nothing to tell yet. */
  progress: (view: JobView) => ProgressOf<K> | null
}

export interface JobSpec<K extends JobKind = JobKind> {
  id: string
  kind: string
  /** The folder for the job's record (job.json) and lock. */
  dir: string
  /** The lock file's name in `dir`. */
  lockName: string
  /** Who this process is, named to another process that finds the job running here. */
  owner: string
  /** The refusal when another process runs the job: given "the tier-admin CLI (stats), process 42, since 14:02". */
  lockedMessage: (holder: string) => string
  /** The refusal when this process already runs it. */
  busyMessage: string
  /** How a failure of the work is told to the operator. */
  describeError: (error: unknown) => AppErrorShape
  /** Each move of the job goes out on the hub at once; `report` sends its running counters, throttled. */
  publish?: JobPublishing<K>
}

export interface JobControl {
  readonly signal: AbortSignal
  /** Saves the record with the time spent so far: the work reached a point it resumes from. */
  checkpoint(): Promise<void>
  /** Stops counting time (the work is finished and only saving its result) and returns the total. */
  stopClock(): number
}

export type JobWork = (control: JobControl) => Promise<void>
/** Called under the job's lock, before it runs: reads where the job stands and returns its work. */
export type PrepareWork = () => Promise<JobWork>

/** How the job stands, as a screen or the CLI shows it. */
export interface JobView {
  state: JobState
  elapsedMs: number
  error?: AppErrorShape
  /** Set when another process runs the job: who that is. */
  runningElsewhere?: string
}

/** The reason a job's signal is aborted when the operator pauses or cancels it. */
class JobStop extends Error {
  constructor(readonly to: 'paused' | 'cancelled') {
    super(`The job was ${to}.`)
  }
}

const sinceWallClock = (iso: string | undefined): number => (iso ? Math.max(0, Date.now() - Date.parse(iso)) : 0)

export class Job<K extends JobKind = JobKind> {
  private record: JobRecord | null = null
  private lock: FileLock | null = null
  private controller: AbortController | null = null
  private running: Promise<void> | null = null
  private starting = false
  private spanStartMs: number | null = null
  private readonly listeners = new Set<(view: JobView) => void>()

  constructor(readonly spec: JobSpec<K>) {}

  private get recordPath(): string {
    return join(this.spec.dir, 'job.json')
  }

  private get lockPath(): string {
    return join(this.spec.dir, this.spec.lockName)
  }

  /** Whether this process runs the job now. */
  get local(): boolean {
    return this.lock !== null
  }

  /** Sends the job's progress to the hub while it runs here: a move of its work (`force`), or its counters at most four times a second. */
  report(force: boolean): void {
    const publish = this.spec.publish
    if (publish && this.lock && this.record) publish.hub.push(publish.ref, force, () => publish.progress(this.localView()))
  }

  /** Told of every move of the job in this process. */
  onChange(listener: (view: JobView) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** How the job stands: from memory while it runs here, otherwise from its record (null when there is none). */
  async view(): Promise<JobView | null> {
    const here = this.current()
    if (here) return here
    const record = await readJobRecord(this.recordPath)
    if (!record) return null
    if (!isActive(record.state)) return { state: record.state, elapsedMs: record.elapsedMs, ...(record.error ? { error: record.error } : {}) }
    const holder = lockHolder(this.lockPath)
    if (holder) return { state: record.state, elapsedMs: record.elapsedMs + sinceWallClock(record.runningSince), runningElsewhere: describeHolder(holder) }
    // Nobody holds the lock of a running job: the process that ran it stopped without saying so.
    return { state: (await this.markInterrupted()) ?? record.state, elapsedMs: record.elapsedMs }
  }

  /** How the job stands in this process while it runs here; null otherwise. */
  current(): JobView | null {
    return this.lock && this.record ? this.localView() : null
  }

  /** Starts the job, or resumes it from where its last run stopped. Returns once it is queued. */
  async start(prepare: PrepareWork): Promise<void> {
    if (this.running || this.starting) throw new AppError('JOB_IN_PROGRESS', this.spec.busyMessage)
    this.starting = true
    try {
      await ensurePrivateDir(this.spec.dir)
      const attempt = await tryAcquireLock(this.lockPath, this.spec.owner)
      if (!attempt.acquired) throw new AppError('LOCKED_BY_OTHER_PROCESS', this.spec.lockedMessage(describeHolder(attempt.heldBy)))
      this.lock = attempt.lock
      try {
        // Read under the lock: another process may have moved the job a moment ago.
        const previous = await readJobRecord(this.recordPath)
        const resumed = previous && previous.state !== 'done' ? previous : null
        const now = new Date().toISOString()
        this.record = {
          version: 1,
          id: this.spec.id,
          kind: this.spec.kind,
          state: 'queued',
          createdAt: resumed?.createdAt ?? now,
          updatedAt: now,
          elapsedMs: resumed?.elapsedMs ?? 0
        }
        await this.save()
        const work = await prepare()
        this.controller = new AbortController()
        this.changed()
        this.running = this.execute(work, this.controller)
      } catch (error) {
        this.release()
        throw error
      }
    } finally {
      this.starting = false
    }
  }

  /** Asks the running job to stop where it can resume from; resolves once it has stopped. */
  pause(): Promise<void> {
    return this.stop('paused', 'pausing')
  }

  /** Stops the running job; resolves once it has stopped. */
  cancel(): Promise<void> {
    return this.stop('cancelled', 'cancelling')
  }

  /** Resolves once the job no longer runs in this process. */
  async settled(): Promise<void> {
    await this.running
  }

  private async stop(to: 'paused' | 'cancelled', via: 'pausing' | 'cancelling'): Promise<void> {
    const running = this.running
    if (!running || !this.record || !this.controller) return
    if (canMove(this.record.state, via)) {
      this.move(via)
      this.changed()
      this.controller.abort(new JobStop(to))
    }
    await running
  }

  private async execute(work: JobWork, controller: AbortController): Promise<void> {
    this.move('running')
    this.openSpan()
    await this.save().catch(() => undefined)
    this.changed()
    let outcome: { state: JobState; error?: AppErrorShape }
    try {
      // Paused or cancelled while its record was being saved: the work never starts.
      controller.signal.throwIfAborted()
      await work({ signal: controller.signal, checkpoint: () => this.checkpoint(), stopClock: () => this.closeSpan() })
      outcome = { state: 'done' }
    } catch (error) {
      const stop = controller.signal.reason
      outcome = controller.signal.aborted && stop instanceof JobStop ? { state: stop.to } : { state: 'failed', error: this.spec.describeError(error) }
    }
    this.closeSpan()
    this.move(outcome.state, outcome.error)
    // The record says how it stopped before the lock is given up, so the next holder reads the truth.
    await this.save().catch(() => undefined)
    this.release()
    this.changed()
  }

  private async checkpoint(): Promise<void> {
    this.closeSpan()
    this.openSpan()
    await this.save()
  }

  private openSpan(): void {
    this.spanStartMs = performance.now()
    if (this.record) this.record.runningSince = new Date().toISOString()
  }

  /** Adds the open span to the total; returns the total. */
  private closeSpan(): number {
    if (this.record && this.spanStartMs !== null) {
      this.record.elapsedMs += performance.now() - this.spanStartMs
      this.record.runningSince = undefined
    }
    this.spanStartMs = null
    return this.record?.elapsedMs ?? 0
  }

  private move(state: JobState, error?: AppErrorShape): void {
    if (!this.record) return
    if (!canMove(this.record.state, state)) throw new Error(`A job cannot move from ${this.record.state} to ${state}`)
    this.record = { ...this.record, state, updatedAt: new Date().toISOString(), error }
  }

  private localView(): JobView {
    const record = this.record!
    const open = this.spanStartMs === null ? 0 : performance.now() - this.spanStartMs
    return { state: record.state, elapsedMs: record.elapsedMs + open, ...(record.error ? { error: record.error } : {}) }
  }

  private async save(): Promise<void> {
    if (this.record) await writeJobRecord(this.recordPath, { ...this.record, elapsedMs: Math.round(this.record.elapsedMs) })
  }

  /** Marks a job left running by a dead process as interrupted, under its lock; null if another process took it meanwhile. */
  private async markInterrupted(): Promise<JobState | null> {
    const attempt = await tryAcquireLock(this.lockPath, this.spec.owner)
    if (!attempt.acquired) return null
    try {
      const record = await readJobRecord(this.recordPath)
      if (!record || !isActive(record.state)) return record?.state ?? null
      const marked: JobRecord = { ...record, state: 'interrupted', runningSince: undefined, updatedAt: new Date().toISOString() }
      await writeJobRecord(this.recordPath, marked).catch(() => undefined)
      return marked.state
    } finally {
      attempt.lock.release()
    }
  }

  private release(): void {
    this.lock?.release()
    this.lock = null
    this.controller = null
    this.running = null
  }

  private changed(): void {
    const view = this.record ? this.localView() : null
    if (!view) return
    for (const listener of [...this.listeners]) listener(view)
    const publish = this.spec.publish
    if (publish) publish.hub.push(publish.ref, true, () => publish.progress(view))
  }
}
