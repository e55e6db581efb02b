/** Small, valid import values for the import's renderer tests, each changed by a test only where it matters. */
import type { ImportJobDetail, ImportJobSummary, ImportPlanRow, ImportPreview } from '../../../../src/shared/importing'
import type { ImportProgress } from '../../../../src/shared/jobProgress'
import { POOL_ID } from '../../support/fixtures'

export const importProgress = (over: Partial<ImportProgress> = {}): ImportProgress => ({
  state: 'running',
  total: 9,
  done: 0,
  created: 0,
  existed: 0,
  skipped: 0,
  failed: 0,
  elapsedMs: 0,
  rate: 0,
  etaSeconds: null,
  ...over
})

const row = (n: number, over: Partial<ImportPlanRow> = {}): ImportPlanRow => ({
  row: n,
  line: n + 1,
  username: `user_${n}`,
  email: `user_${n}@example.com`,
  tier: 'standard',
  attributes: [],
  hasPassword: true,
  action: 'create',
  ...over
})

const skip = (n: number, problem: ImportPlanRow['problem'], reason: string, over: Partial<ImportPlanRow> = {}): ImportPlanRow =>
  row(n, { action: 'skip', problem, reason, ...over })

/** Two good rows (one without a password) and one row of every kind the preview leaves out. */
export const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  jobId: 'import-1',
  userPoolId: POOL_ID,
  createdAt: '2026-11-25T10:00:00.000Z',
  fileName: 'people.csv',
  rows: [
    row(1),
    row(2, { hasPassword: false }),
    skip(3, 'username', 'A username cannot contain spaces', { username: 'has space' }),
    skip(4, 'email', 'Enter a valid email address, like jane@example.com'),
    skip(5, 'password', 'A password cannot begin or end with a space'),
    skip(6, 'duplicate', 'The same username as row 1', { username: 'user_1' }),
    skip(7, 'tier', 'Not a tier: gold', { tier: 'gold' }),
    skip(8, 'attribute', 'The pool has no attribute custom:shoe_size'),
    skip(9, 'exists', 'Already in the pool')
  ],
  creates: 2,
  withoutPassword: 1,
  ...over
})

export const summary = (state: ImportJobSummary['state'], jobId = 'import-1'): ImportJobSummary => ({
  jobId,
  userPoolId: POOL_ID,
  createdAt: '2026-11-25T10:00:00.000Z',
  fileName: 'people.csv',
  state,
  method: 'admin-create',
  progress: importProgress({ state: state === 'previewed' ? 'queued' : state })
})

export const detail = (state: ImportJobSummary['state'], over: Partial<ImportJobDetail> = {}): ImportJobDetail => ({
  ...summary(state),
  preview: preview(),
  invitation: 'suppress',
  results: [],
  ...over
})
