/**
 * What the import service offers its front ends (the window's handlers, the CLI, the bench).
 */
import type { ImportJobDetail, ImportJobSummary, ImportMethod, ImportPreview, Invitation } from '../../shared/importing'
import type { ImportProgress } from '../../shared/jobProgress'
import type { SaveTarget } from '../storage/saveLines'

export interface ImportStartOptions {
  /** Required the first time; a resume keeps the method the job started with. */
  method?: ImportMethod
  /** AdminCreateUser only: send Cognito's invitation by email (the default) or suppress it. */
  invitation?: Invitation
}

export interface ImportService {
  /** Reads the CSV file at `path`, checks every row against the pool and saves the plan as a new job (not started). */
  preview(request: { path: string }): Promise<ImportPreview>
  /** Stops the preview under way (it ends CANCELLED); false when none was. */
  cancelPreview(): boolean
  /** Starts or resumes a job in the background. */
  start(jobId: string, options?: ImportStartOptions): Promise<ImportProgress>
  /** Pauses the job running here; resolves once it stopped (null when it does not run here). */
  pause(jobId: string): Promise<ImportProgress | null>
  cancel(jobId: string): Promise<ImportProgress | null>
  /** Resolves once the job no longer runs here, with how it stands. */
  settled(jobId: string): Promise<ImportProgress>
  detail(jobId: string): Promise<ImportJobDetail>
  /** This pool's import jobs, oldest first. */
  list(): Promise<ImportJobSummary[]>
  /** The rows' results in row order (preview skips included) as CSV, written to the target; the row count. */
  writeResultsCsv(jobId: string, target: SaveTarget): Promise<number>
  /** Pauses every job running here (a later start resumes it). */
  dispose(): Promise<void>
}
