/**
 * Jobs that work through a list of rows (a bulk tier change, an import), on the job engine: a preview
 * saved with the job, then a run that can be paused, cancelled, and resumed by any process of the app,
 * including after a crash. Each kind brings its preview, its run and its results' columns; this is
 * the rest they share.
 */
import { randomBytes } from 'node:crypto'
import type { AppErrorShape } from '../../shared/errors'
import { AppError } from '../../shared/errors'
import type { JobState } from '../../shared/jobs'
import { Job, type JobControl, type JobView } from '../jobs/job'
import { ProgressFeed, type ProgressListener } from '../jobs/progressFeed'
import { watchJobRecord } from '../jobs/recordWatcher'
import { RowJobStore, type RowResult, type SavedRowPreview } from './rowJobStore'

/** One run of a job's remaining rows, and its results so far (read from the job's files when made). */
export interface RowRun<R, P> {
  readonly results: Map<number, R>
  execute(control: JobControl): Promise<void>
  progress(view: JobView): P
}

export interface RowJobKind<S extends SavedRowPreview, R extends RowResult, P> {
  /** The engine's kind, e.g. "bulk-tier". */
  kind: string
  /** Job ids are `<idPrefix>-<time>-<random>`. */
  idPrefix: string
  idPattern: RegExp
  /** What the operator calls it: "This <noun> is running in …". */
  noun: string
  jobsDir: string
  userPoolId: string
  processLabel?: string
  describeError: (error: unknown) => AppErrorShape
  /** The results CSV: its header, and a result's cells under it. */
  csv: { header: string[]; cells: (result: R) => (string | number)[] }
  makeRun(preview: S, store: RowJobStore<S, R>, onRow: () => void): RowRun<R, P>
}

export interface RowJobStanding<S, R, P> {
  preview: S
  run: RowRun<R, P>
  /** The rows' results so far, in row order. */
  results: R[]
  /** "previewed" when it was never started. */
  state: JobState | 'previewed'
  progress: P
}

const unstarted: JobView = { state: 'queued', elapsedMs: 0 }

export function createRowJobs<S extends SavedRowPreview, R extends RowResult, P>(spec: RowJobKind<S, R, P>) {
  const store = new RowJobStore<S, R>(spec.jobsDir, spec.idPattern)
  const jobs = new Map<string, Job>()
  const runs = new Map<string, RowRun<R, P>>()
  const feed = new ProgressFeed<P>()
  /** Jobs another process runs that someone here listens to: the watch on each one's folder. */
  const followed = new Map<string, () => void>()

  function jobOf(jobId: string): Job {
    let job = jobs.get(jobId)
    if (!job) {
      job = new Job({
        id: jobId,
        kind: spec.kind,
        dir: store.dirOf(jobId),
        lockName: `${spec.idPrefix}.lock`,
        owner: spec.processLabel ?? 'Tier Admin',
        lockedMessage: (holder) => `This ${spec.noun} is running in ${holder}. Follow or stop it there.`,
        busyMessage: `This ${spec.noun} is already running.`,
        describeError: spec.describeError
      })
      job.onChange((view) => push(jobId, view, true))
      jobs.set(jobId, job)
    }
    return job
  }

  function push(jobId: string, view: JobView, force: boolean): void {
    feed.push(jobId, force, () => runs.get(jobId)?.progress(view) ?? null)
  }

  function runOf(preview: S): RowRun<R, P> {
    return spec.makeRun(preview, store, () => {
      const view = jobs.get(preview.jobId)?.current()
      if (view) push(preview.jobId, view, false)
    })
  }

  async function requirePreview(jobId: string): Promise<S> {
    const preview = await store.loadPreview(jobId)
    if (!preview || preview.userPoolId !== spec.userPoolId) {
      throw new AppError('VALIDATION', `There is no ${spec.noun} ${jobId} for this pool. Run "tier-admin jobs" to list them.`)
    }
    return preview
  }

  /** The job as it stands, read from memory when it runs here and from its files otherwise. */
  async function standing(jobId: string): Promise<RowJobStanding<S, R, P>> {
    const preview = await requirePreview(jobId)
    const job = jobOf(jobId)
    const here = job.current()
    const run = here ? runs.get(jobId)! : runOf(preview)
    const view = here ?? (await job.view())
    follow(jobId, view?.runningElsewhere !== undefined)
    const results = [...run.results.values()].sort((a, b) => a.row - b.row)
    return { preview, run, results, state: view?.state ?? 'previewed', progress: run.progress(view ?? unstarted) }
  }

  /** While another process runs a job and someone listens here, its progress is pushed as it saves each row. */
  function follow(jobId: string, elsewhere: boolean): void {
    if (!elsewhere || feed.subscribers === 0) {
      followed.get(jobId)?.()
      followed.delete(jobId)
      return
    }
    if (followed.has(jobId)) return
    const changed = (): void => {
      void standing(jobId).then(
        ({ progress }) => feed.push(jobId, true, () => progress),
        () => undefined
      )
    }
    followed.set(jobId, watchJobRecord(store.dirOf(jobId), changed, 100, ['job.json', 'results.jsonl']))
  }

  return {
    store,

    newJobId(): string {
      // To the millisecond, so that ids sort in creation order even for jobs made within one second.
      const stamp = new Date()
        .toISOString()
        .replace(/[^0-9]/g, '')
        .slice(0, 17)
      return `${spec.idPrefix}-${stamp}-${randomBytes(3).toString('hex')}`
    },

    requirePreview,
    standing,

    /**
     * Starts or resumes the job in the background. `update` runs under the job's lock (another
     * process may have run rows a moment ago) and may change and save the preview before the run.
     */
    async start(jobId: string, update: (preview: S) => Promise<S> = async (preview) => preview): Promise<P> {
      await requirePreview(jobId)
      const job = jobOf(jobId)
      await job.start(async () => {
        const run = runOf(await update(await requirePreview(jobId)))
        runs.set(jobId, run)
        return (control) => run.execute(control)
      })
      return runs.get(jobId)!.progress(job.current() ?? unstarted)
    },

    /** Pauses the job running here; null when it does not run here. */
    async pause(jobId: string): Promise<P | null> {
      const job = jobOf(jobId)
      if (!job.local) return null
      await job.pause()
      return (await standing(jobId)).progress
    },

    async cancel(jobId: string): Promise<P | null> {
      const job = jobOf(jobId)
      if (!job.local) return null
      await job.cancel()
      return (await standing(jobId)).progress
    },

    async settled(jobId: string): Promise<P> {
      await jobOf(jobId).settled()
      return (await standing(jobId)).progress
    },

    /** This pool's jobs of the kind, oldest first. */
    async list(): Promise<(RowJobStanding<S, R, P> & { jobId: string })[]> {
      const found: (RowJobStanding<S, R, P> & { jobId: string })[] = []
      for (const jobId of await store.jobIds()) {
        const preview = await store.loadPreview(jobId)
        if (preview && preview.userPoolId === spec.userPoolId) found.push({ jobId, ...(await standing(jobId)) })
      }
      // Ids start with their creation time; the saved time orders any made in the same millisecond, or before ids had it.
      return found.sort((a, b) => a.preview.createdAt.localeCompare(b.preview.createdAt))
    },

    /** The rows' results in row order (preview skips included) as CSV, streamed to `path`; the row count. */
    async writeResultsCsv(jobId: string, path: string): Promise<number> {
      const { results } = await standing(jobId)
      await store.writeCsv(path, spec.csv.header, results.map(spec.csv.cells))
      return results.length
    },

    subscribe(listener: ProgressListener<P>): () => void {
      return feed.subscribe(listener)
    },

    /** Pauses every job running here (a later start resumes it). */
    async dispose(): Promise<void> {
      for (const stop of followed.values()) stop()
      followed.clear()
      await Promise.all([...jobs.values()].filter((job) => job.local).map((job) => job.pause()))
    }
  }
}

export type RowJobs<S extends SavedRowPreview, R extends RowResult, P> = ReturnType<typeof createRowJobs<S, R, P>>
