/**
 * A row job's files in `<dataDir>/jobs/<jobId>/` (bulk tier changes and imports alike): `preview.json`
 * (the rows as the preview saw them and the operator's choices, replaced atomically), `results.jsonl`
 * (one line when a row is about to be written and one when it ended, each flushed to disk before the
 * next step) and the engine's `job.json`. A row with a result line is never run again; one with only
 * its intent line is looked at again before anything is sent, so a crash between the write and its
 * result line repeats nothing.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { appendJsonLine, readJsonLines } from '../storage/jsonLines'
import { ensurePrivateDir, writeFileAtomic } from '../storage/privateFiles'

/** What every saved preview holds; each kind adds its rows' shape and its choices. */
export interface SavedRowPreview {
  version: 1
  jobId: string
  userPoolId: string
  createdAt: string
  rows: unknown[]
  /** The ticket or reason the job was first started with: every row's write carries it, a resume too. */
  reason?: string
}

export interface RowResult {
  row: number
  outcome: string
}

type ResultLine<R> = { phase: 'intent'; row: number } | ({ phase: 'result' } & R)

const isResultLine = <R>(value: unknown): value is ResultLine<R> => {
  const line = value as { phase?: unknown; row?: unknown; outcome?: unknown } | null
  return !!line && typeof line.row === 'number' && (line.phase === 'intent' || (line.phase === 'result' && typeof line.outcome === 'string'))
}

export class RowJobStore<S extends SavedRowPreview, R extends RowResult> {
  constructor(
    readonly jobsDir: string,
    /** The kind's job ids (they name folders, so nothing else is read or written). */
    private readonly idPattern: RegExp
  ) {}

  dirOf(jobId: string): string {
    return join(this.jobsDir, jobId)
  }

  async savePreview(preview: S): Promise<void> {
    await ensurePrivateDir(this.dirOf(preview.jobId))
    await writeFileAtomic(join(this.dirOf(preview.jobId), 'preview.json'), JSON.stringify(preview))
  }

  /** The saved preview, or null when the job does not exist (or is another kind's). */
  async loadPreview(jobId: string): Promise<S | null> {
    if (!this.idPattern.test(jobId)) return null
    try {
      const value = JSON.parse(await readFile(join(this.dirOf(jobId), 'preview.json'), 'utf8')) as S
      return value.version === 1 && Array.isArray(value.rows) ? value : null
    } catch {
      return null
    }
  }

  /** Every job id of this kind, oldest first (ids start with their creation time). */
  async jobIds(): Promise<string[]> {
    const names = await readdir(this.jobsDir).catch(() => [] as string[])
    return names.filter((name) => this.idPattern.test(name)).sort()
  }

  /** Written and flushed before the row's write is sent. */
  recordIntent(jobId: string, row: number): Promise<void> {
    return appendJsonLine(this.resultsPath(jobId), { phase: 'intent', row }, { durable: true })
  }

  recordResult(jobId: string, result: R): Promise<void> {
    return appendJsonLine(this.resultsPath(jobId), { phase: 'result', ...result }, { durable: true })
  }

  /** The rows that ended (by row number) and the rows whose write may have been sent without a result. */
  readResults(jobId: string): { results: Map<number, R>; pending: Set<number> } {
    const results = new Map<number, R>()
    const pending = new Set<number>()
    for (const line of readJsonLines(this.resultsPath(jobId), isResultLine<R>).entries) {
      if (line.phase === 'intent') pending.add(line.row)
      else {
        const { phase: _phase, ...result } = line
        results.set(line.row, result as unknown as R)
        pending.delete(line.row)
      }
    }
    return { results, pending }
  }

  /** A CSV with `header`, streamed to `path` row by row. */
  private resultsPath(jobId: string): string {
    return join(this.dirOf(jobId), 'results.jsonl')
  }
}
