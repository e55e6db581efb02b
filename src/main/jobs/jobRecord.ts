/**
 * A job's record on disk: its state, its running time and how it stopped, rewritten atomically at each
 * move and checkpoint. Another process reads it to show the job, and the next start of the app reads
 * it to know exactly where the job stood (a record left "running" by a dead process is interrupted).
 */
import { readFile } from 'node:fs/promises'
import type { AppErrorShape } from '../../shared/errors'
import { JOB_STATES, type JobState } from '../../shared/jobs'
import { writeFileAtomic } from '../storage/privateFiles'

export interface JobRecord {
  version: 1
  id: string
  kind: string
  state: JobState
  createdAt: string
  updatedAt: string
  /** Running time summed over every run, up to `runningSince`. */
  elapsedMs: number
  /** While running: the wall-clock time `elapsedMs` was counted up to, so a reader can add the rest. */
  runningSince?: string
  error?: AppErrorShape
}

/** The record, or null when there is none or it cannot be read (a job then starts afresh). */
export async function readJobRecord(path: string): Promise<JobRecord | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<JobRecord> | null
    if (!value || value.version !== 1 || !JOB_STATES.includes(value.state as JobState) || typeof value.elapsedMs !== 'number') return null
    return value as JobRecord
  } catch {
    return null
  }
}

export function writeJobRecord(path: string, record: JobRecord): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(record))
}
