/**
 * Bulk registration from a CSV file, shared by main, the CLI and the renderer: the two ways of creating
 * users, what the preview found in each row, and how each row ended. Passwords never appear here: the
 * preview says only whether a row has one, and main reads them from the file when the job runs.
 */
import type { JobState } from './jobs'
import type { ImportProgress } from './jobProgress'

/** SignUp: the person gets a confirmation code. AdminCreateUser: Cognito's invitation with a temporary password. */
export const IMPORT_METHODS = ['signup', 'admin-create'] as const
export type ImportMethod = (typeof IMPORT_METHODS)[number]

/** AdminCreateUser's invitation: sent by email, or suppressed (the operator passes the password on). */
export const INVITATIONS = ['email', 'suppress'] as const
export type Invitation = (typeof INVITATIONS)[number]

/** Rows in one file: the preview reads each username once, at 120 reads/s that is under 90 s. */
export const MAX_IMPORT_ROWS = 10_000

/** Job ids name folders: letters, digits and dashes only, so an id from the page cannot leave `jobs/`. */
export const IMPORT_JOB_ID = /^import-[0-9a-z-]{1,60}$/

/** The columns with a meaning of their own; any other column is an attribute, by bare or `custom:` name. */
export const IMPORT_COLUMNS = ['username', 'email', 'tier', 'password'] as const

/** What is wrong with a row the preview leaves out, one kind per check. */
export type ImportProblem = 'username' | 'email' | 'password' | 'duplicate' | 'tier' | 'attribute' | 'exists'

/** One data row as the preview saw it (its password withheld). */
export interface ImportPlanRow {
  /** 1-based, in file order (data rows only). */
  row: number
  /** The line of the file it starts on, for the operator's spreadsheet. */
  line: number
  username: string
  email: string
  /** The stored tier value the user will get ("standard" when the cell is empty). */
  tier: string
  /** Extra attributes by their Cognito name. */
  attributes: { name: string; value: string }[]
  hasPassword: boolean
  action: 'create' | 'skip'
  problem?: ImportProblem
  reason?: string
}

export type ImportOutcome = 'created' | 'existed' | 'skipped' | 'failed'

export interface ImportRowResult {
  row: number
  username: string
  email: string
  tier: string
  outcome: ImportOutcome
  reason?: string
}

export interface ImportPreview {
  jobId: string
  userPoolId: string
  createdAt: string
  /** The file's name (not its folder), as shown to the operator. */
  fileName: string
  rows: ImportPlanRow[]
  /** Rows the run would create. */
  creates: number
  /** Of those, rows without a password: SignUp cannot register them, AdminCreateUser lets Cognito make one. */
  withoutPassword: number
  /** An earlier import of this very file into this pool, and how many users it created. */
  earlier?: { jobId: string; createdAt: string; created: number }
}

/** An import job as `jobs` and the resume notice list it. */
export interface ImportJobSummary {
  jobId: string
  userPoolId: string
  createdAt: string
  fileName: string
  /** "previewed" when it was never started. */
  state: JobState | 'previewed'
  method?: ImportMethod
  progress: ImportProgress
}

export interface ImportJobDetail extends ImportJobSummary {
  preview: ImportPreview
  invitation?: Invitation
  results: ImportRowResult[]
}
