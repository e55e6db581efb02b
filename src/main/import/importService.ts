/**
 * Bulk registration from a CSV file as jobs on the job engine (kind "import"): a preview that checks
 * every row and is saved with the job (without the passwords), then a run that can be paused,
 * cancelled and resumed by any process of the app. Passwords stay in the operator's file: a start
 * reads them from it again, after checking it is the very file the preview read.
 */
import { AppError } from '../../shared/errors'
import { IMPORT_JOB_ID, type ImportJobSummary, type ImportRowResult } from '../../shared/importing'
import type { ImportProgress } from '../../shared/jobProgress'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { ServiceDeps } from '../app/deps'
import { toAppError } from '../cognito/errorMapping'
import { createRowJobs, summaryOf } from '../rowJobs/rowJobs'
import { readImportFile } from './importCsv'
import { planImport } from './importPlan'
import { ImportRun, type SavedImport } from './importRun'
import type { ImportService } from './importTypes'

export type { ImportService } from './importTypes'

export function createImportService(deps: ServiceDeps): ImportService {
  const { connection, gateway, schema } = deps
  const jobs = createRowJobs<SavedImport, ImportRowResult, ImportProgress>({
    kind: 'import',
    idPrefix: 'import',
    idPattern: IMPORT_JOB_ID,
    noun: 'import',
    deps,
    // Numbered by the file's line, as the preview names them, so a row is found in the spreadsheet it came from.
    csv: {
      header: ['line', 'username', 'email', 'tier', 'outcome', 'reason'],
      cells: (r, preview) => [lineOf(preview, r.row), r.username, r.email, r.tier, r.outcome, r.reason ?? '']
    },
    describeError: (error) => toAppError(error, { operation: 'register' }).toShape(),
    makeRun: (preview, store, onRow) => new ImportRun({ connection, store, preview, passwords: takePasswords(preview.jobId), onRow })
  })

  // Read from the file under the job's lock as it starts, handed to that run alone and dropped here; a
  // run made only to show results gets none.
  const passwordsFor = new Map<string, Map<number, string>>()
  function takePasswords(jobId: string): Map<number, string> {
    const passwords = passwordsFor.get(jobId) ?? new Map<number, string>()
    passwordsFor.delete(jobId)
    return passwords
  }

  const summaryOfImport = (job: Parameters<typeof summaryOf<SavedImport, ImportProgress>>[0]): ImportJobSummary => ({
    ...summaryOf(job),
    fileName: job.preview.fileName,
    ...(job.preview.method ? { method: job.preview.method } : {})
  })

  const shown = ({ version: _version, source: _source, method: _method, invitation: _invitation, ...preview }: SavedImport) => preview

  /** The latest earlier import of the same bytes into this pool, and the users it created. */
  async function earlierImport(sha256: string): Promise<{ info: NonNullable<SavedImport['earlier']>; created: Map<string, string> } | null> {
    const found = (await jobs.list()).filter((job) => job.preview.source.sha256 === sha256 && job.state !== 'previewed')
    const latest = found.at(-1)
    if (!latest) return null
    const created = new Map<string, string>()
    for (const job of found) {
      for (const result of job.run.results.values())
        if (result.outcome === 'created') created.set(result.username.toLowerCase(), job.preview.createdAt.slice(0, 10))
    }
    return { info: { jobId: latest.jobId, createdAt: latest.preview.createdAt, created: latest.progress.created }, created }
  }

  async function readPasswords(preview: SavedImport): Promise<Map<number, string>> {
    const needed = preview.rows.some((row) => row.action === 'create' && row.hasPassword)
    if (!needed) return new Map()
    const file = await readImportFile(preview.source.path).catch(() => null)
    if (!file || file.sha256 !== preview.source.sha256) {
      throw new AppError(
        'VALIDATION',
        `The file ${preview.fileName} has been moved or changed since its preview, and its passwords are read from it. Import it again: users already created are shown as already in the pool and are not created twice.`
      )
    }
    return new Map(file.rows.filter((row) => (row.cells.password ?? '') !== '').map((row) => [row.row, row.cells.password!]))
  }

  return {
    async preview({ path }) {
      const file = await readImportFile(path)
      const pool = await schema.assertAttributesExist([TIER_ATTRIBUTE])
      const earlier = await earlierImport(file.sha256)
      const rows = await jobs.previews.run((signal) => planImport({ file, pool, gateway, signal, createdEarlier: earlier?.created ?? new Map() }))
      const creates = rows.filter((row) => row.action === 'create')
      const preview: SavedImport = {
        version: 1,
        jobId: jobs.newJobId(),
        userPoolId: gateway.userPoolId,
        createdAt: new Date().toISOString(),
        fileName: file.fileName,
        rows,
        creates: creates.length,
        withoutPassword: creates.filter((row) => !row.hasPassword).length,
        ...(earlier ? { earlier: earlier.info } : {}),
        source: { path, sha256: file.sha256 }
      }
      await jobs.store.savePreview(preview)
      return shown(preview)
    },

    async start(jobId, startOptions = {}) {
      const saved = await jobs.requirePreview(jobId)
      const method = saved.method ?? startOptions.method
      if (!method) throw new AppError('VALIDATION', 'Choose how to create the users: SignUp or AdminCreateUser.', { method: 'Choose a method' })
      if (saved.method && startOptions.method && startOptions.method !== saved.method) {
        throw new AppError(
          'VALIDATION',
          `This import started with ${saved.method === 'signup' ? 'SignUp' : 'AdminCreateUser'}; it resumes with the same method.`
        )
      }
      if (method === 'signup' && startOptions.invitation === 'suppress') {
        throw new AppError('VALIDATION', 'Only AdminCreateUser sends an invitation to suppress; SignUp always sends a confirmation code.')
      }
      await schema.assertAttributesExist([TIER_ATTRIBUTE])
      return jobs.start(jobId, async (preview) => {
        const chosen: SavedImport = {
          ...preview,
          method,
          invitation: preview.invitation ?? (method === 'admin-create' ? (startOptions.invitation ?? 'email') : undefined)
        }
        passwordsFor.set(jobId, await readPasswords(chosen))
        if (chosen.method !== preview.method || chosen.invitation !== preview.invitation) await jobs.store.savePreview(chosen)
        return chosen
      })
    },

    ...jobs.controls,

    async detail(jobId) {
      const standing = await jobs.standing(jobId)
      const { invitation } = standing.preview
      return { ...summaryOfImport({ jobId, ...standing }), preview: shown(standing.preview), ...(invitation ? { invitation } : {}), results: standing.results }
    },

    async list() {
      return (await jobs.list()).map(summaryOfImport)
    }
  }
}

const linesOfPreview = new WeakMap<object, Map<number, number>>()

/** The file line a row came from (a quoted cell can span lines, so it is looked up, not computed). */
function lineOf(preview: { rows: { row: number; line: number }[] }, row: number): number | string {
  let lines = linesOfPreview.get(preview)
  if (!lines) linesOfPreview.set(preview, (lines = new Map(preview.rows.map((planned) => [planned.row, planned.line]))))
  return lines.get(row) ?? ''
}
