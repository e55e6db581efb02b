/**
 * Jobs that work through a list of rows (a bulk tier change, an import), on the job engine: a preview
 * saved with the job, then a run that can be paused, cancelled, and resumed by any process of the app,
 * including after a crash. Each kind brings its preview, its run and its results' columns; this is
 * the rest they share.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { AppErrorShape } from '../../shared/errors'
import { AppError } from '../../shared/errors'
import type { JobState } from '../../shared/jobs'
import type { ServiceDeps } from '../app/deps'
import { currentReason, withReason } from '../audit/writeReason'
import { Job, type JobControl, type JobView } from '../jobs/job'
import type { ProgressOf } from '../jobs/jobUpdates'
import { watchJobRecord } from '../jobs/recordWatcher'
import { csvRow } from '../storage/csv'
import { saveLines, type SaveTarget } from '../storage/saveLines'
import { PreviewGuard } from './previewGuard'
import { RowJobStore, type RowResult, type SavedRowPreview } from './rowJobStore'

/** One run of a job's remaining rows, and its results so far (read from the job's files when made). */
export interface RowRun<R, P> {
  readonly results: Map<number, R>
  execute(control: JobControl): Promise<void>
  progress(view: JobView): P
}

/** The kinds of job that work through rows. */
export type RowJobKindName = 'bulk-tier' | 'import'

export interface RowJobKind<S extends SavedRowPreview, R extends RowResult, P extends ProgressOf<RowJobKindName>> {
  /** The engine's kind. */
  kind: RowJobKindName
  /** Job ids are `<idPrefix>-<time>-<random>`. */
  idPrefix: string
  idPattern: RegExp
  /** What the operator calls it: "This <noun> is running in …". */
  noun: string
  /** The jobs live in `<dataDir>/jobs`, their progress goes out on `jobUpdates`. */
  deps: Pick<ServiceDeps, 'dataDir' | 'gateway' | 'jobUpdates' | 'processLabel'>
  describeError: (error: unknown) => AppErrorShape
  /** The results CSV: its header, and a result's cells under it. */
  /** The results CSV: its header, and the cells of each row (the preview at hand, for facts the result does not carry). */
  csv: { header: string[]; cells: (result: R, preview: S) => (string | number)[] }
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

export function createRowJobs<S extends SavedRowPreview, R extends RowResult, P extends ProgressOf<RowJobKindName>>(spec: RowJobKind<S, R, P>) {
  const { deps } = spec
  const userPoolId = deps.gateway.userPoolId
  const hub = deps.jobUpdates
  const store = new RowJobStore<S, R>(join(deps.dataDir, 'jobs'), spec.idPattern)
  const jobs = new Map<string, Job<RowJobKindName>>()
  const runs = new Map<string, RowRun<R, P>>()
  /** Jobs another process runs that someone here listens to: the watch on each one's folder. */
  const followed = new Map<string, () => void>()

  const refOf = (jobId: string) => ({ kind: spec.kind, jobId, userPoolId })

  function jobOf(jobId: string): Job<RowJobKindName> {
    let job = jobs.get(jobId)
    if (!job) {
      job = new Job({
        id: jobId,
        kind: spec.kind,
        dir: store.dirOf(jobId),
        lockName: `${spec.idPrefix}.lock`,
        owner: deps.processLabel,
        lockedMessage: (holder) => `This ${spec.noun} is running in ${holder}. Follow or stop it there.`,
        busyMessage: `This ${spec.noun} is already running.`,
        describeError: spec.describeError,
        publish: { hub, ref: refOf(jobId), progress: (view) => runs.get(jobId)?.progress(view) ?? null }
      })
      jobs.set(jobId, job)
    }
    return job
  }

  function runOf(preview: S): RowRun<R, P> {
    return spec.makeRun(preview, store, () => jobs.get(preview.jobId)?.report(false))
  }

  async function requirePreview(jobId: string): Promise<S> {
    const preview = await store.loadPreview(jobId)
    if (!preview || preview.userPoolId !== userPoolId) {
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
    if (!elsewhere || hub.subscribers === 0) {
      followed.get(jobId)?.()
      followed.delete(jobId)
      return
    }
    if (followed.has(jobId)) return
    const changed = (): void => {
      void standing(jobId).then(
        ({ progress }) => hub.push(refOf(jobId), true, () => progress),
        () => undefined
      )
    }
    followed.set(jobId, watchJobRecord(store.dirOf(jobId), changed, 100, ['job.json', 'results.jsonl']))
  }

  /** The reason of the job's first start, saved with it; a later start (a resume, another process) keeps it. */
  async function keepReason(preview: S): Promise<S> {
    const given = currentReason()
    if (preview.reason !== undefined || given === undefined) return preview
    const kept = { ...preview, reason: given }
    await store.savePreview(kept)
    return kept
  }

  const previews = new PreviewGuard()
  const api = {
    store,
    /** One preview at a time, which the operator may stop. */
    previews,

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
        const preview = await keepReason(await update(await requirePreview(jobId)))
        const run = runOf(preview)
        runs.set(jobId, run)
        return (control) => withReason(preview.reason, () => run.execute(control))
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
        if (preview && preview.userPoolId === userPoolId) found.push({ jobId, ...(await standing(jobId)) })
      }
      // Ids start with their creation time; the saved time orders any made in the same millisecond, or before ids had it.
      return found.sort((a, b) => a.preview.createdAt.localeCompare(b.preview.createdAt))
    },

    /** The rows' results in row order (preview skips included) as CSV, each with the job's reason, written to the target; the row count. */
    async writeResultsCsv(jobId: string, target: SaveTarget): Promise<number> {
      const { results, preview } = await standing(jobId)
      const rows = results.map((result) => [...spec.csv.cells(result, preview), preview.reason ?? ''])
      const lines = [[...spec.csv.header, 'ticket_or_reason'], ...rows].map((cells) => `${csvRow(cells)}\r\n`)
      return (await saveLines(target, lines)) - 1
    },

    /** Pauses every job running here (a later start resumes it). */
    async dispose(): Promise<void> {
      for (const stop of followed.values()) stop()
      followed.clear()
      await Promise.all([...jobs.values()].filter((job) => job.local).map((job) => job.pause()))
    }
  }
  return {
    ...api,
    /** What every kind of row job offers its front ends as it is. */
    controls: {
      cancelPreview: () => previews.cancel(),
      pause: api.pause,
      cancel: api.cancel,
      settled: api.settled,
      writeResultsCsv: api.writeResultsCsv,
      dispose: api.dispose
    }
  }
}

/** What every row job's listing shows of it, whatever its kind. */
export function summaryOf<S extends SavedRowPreview, P>({
  jobId,
  preview,
  state,
  progress
}: {
  jobId: string
  preview: S
  state: JobState | 'previewed'
  progress: P
}): { jobId: string; userPoolId: string; createdAt: string; state: JobState | 'previewed'; progress: P } {
  return { jobId, userPoolId: preview.userPoolId, createdAt: preview.createdAt, state, progress }
}
