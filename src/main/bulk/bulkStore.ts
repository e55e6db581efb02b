/**
 * A bulk job's files in `<dataDir>/jobs/<jobId>/`: `preview.json` (the rows as the preview saw them and
 * the operator's overwrite choice, replaced atomically), `results.jsonl` (one line when a row is about
 * to be written and one when it ended, each flushed to disk before the next step) and the engine's
 * `job.json`. A row with a result line is never run again; one with only its intent line is read
 * again before anything is sent, so a crash between the write and its result line repeats nothing.
 */
import { createWriteStream } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BULK_JOB_ID, type BulkPreview, type BulkRowResult } from '../../shared/bulk'
import { appendJsonLine, readJsonLines } from '../storage/jsonLines'
import { ensurePrivateDir, PRIVATE_FILE_MODE, writeFileAtomic } from '../storage/privateFiles'
import { csvRow } from '../stats/csv'

export interface SavedPreview extends BulkPreview {
  version: 1
  overwrite: boolean
}

type ResultLine = { phase: 'intent'; row: number } | ({ phase: 'result' } & BulkRowResult)

const isResultLine = (value: unknown): value is ResultLine => {
  const line = value as Partial<ResultLine> | null
  return !!line && typeof line.row === 'number' && (line.phase === 'intent' || (line.phase === 'result' && typeof line.outcome === 'string'))
}

export class BulkStore {
  constructor(readonly jobsDir: string) {}

  dirOf(jobId: string): string {
    return join(this.jobsDir, jobId)
  }

  async savePreview(preview: SavedPreview): Promise<void> {
    await ensurePrivateDir(this.dirOf(preview.jobId))
    await writeFileAtomic(join(this.dirOf(preview.jobId), 'preview.json'), JSON.stringify(preview))
  }

  /** The saved preview, or null when the job does not exist (or is not a bulk job). */
  async loadPreview(jobId: string): Promise<SavedPreview | null> {
    if (!BULK_JOB_ID.test(jobId)) return null
    try {
      const value = JSON.parse(await readFile(join(this.dirOf(jobId), 'preview.json'), 'utf8')) as SavedPreview
      return value.version === 1 && Array.isArray(value.rows) ? value : null
    } catch {
      return null
    }
  }

  /** Every bulk job's id, oldest first (ids start with their creation time). */
  async jobIds(): Promise<string[]> {
    const names = await readdir(this.jobsDir).catch(() => [] as string[])
    return names.filter((name) => BULK_JOB_ID.test(name)).sort()
  }

  /** Written and flushed before the row's write is sent. */
  recordIntent(jobId: string, row: number): Promise<void> {
    return appendJsonLine(this.resultsPath(jobId), { phase: 'intent', row }, { durable: true })
  }

  recordResult(jobId: string, result: BulkRowResult): Promise<void> {
    return appendJsonLine(this.resultsPath(jobId), { phase: 'result', ...result }, { durable: true })
  }

  /** The rows that ended (by row number) and the rows whose write may have been sent without a result. */
  readResults(jobId: string): { results: Map<number, BulkRowResult>; pending: Set<number> } {
    const results = new Map<number, BulkRowResult>()
    const pending = new Set<number>()
    for (const line of readJsonLines(this.resultsPath(jobId), isResultLine).entries) {
      if (line.phase === 'intent') pending.add(line.row)
      else {
        const { phase: _phase, ...result } = line
        results.set(line.row, result)
        pending.delete(line.row)
      }
    }
    return { results, pending }
  }

  /** The results as CSV (row, username, from, to, outcome, reason), streamed to `path` row by row. */
  async writeResultsCsv(path: string, rows: BulkRowResult[]): Promise<void> {
    const out = createWriteStream(path, { mode: PRIVATE_FILE_MODE })
    const write = (text: string): Promise<void> => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)))
    const closed = new Promise<void>((resolve, reject) => {
      out.once('finish', resolve)
      out.once('error', reject)
    })
    await write(csvRow(['row', 'username', 'from', 'to', 'outcome', 'reason']) + '\r\n')
    for (const r of rows) await write(csvRow([r.row, r.username, r.from, r.to, r.outcome, r.reason ?? '']) + '\r\n')
    out.end()
    await closed
  }

  private resultsPath(jobId: string): string {
    return join(this.dirOf(jobId), 'results.jsonl')
  }
}
