/**
 * The long jobs' operations: the statistics scan, the full export, the bulk tier change and the
 * import. Each starts, stops or reads a job; its progress goes out on the job-updates hub, not here.
 */
import type { Operation } from '../../shared/contract'
import type { ExportStatus } from '../../shared/domain'
import type { ExportProgress } from '../../shared/jobProgress'
import { chooseOpenFile, chooseSaveFile } from './frontEnd'
import type { HandlersOf, OperationContext } from './handler'

type JobOperation = Extract<
  Operation,
  | 'getStats'
  | 'startStats'
  | 'pauseStats'
  | 'cancelStats'
  | 'listTierMembers'
  | 'statsCsv'
  | 'startExport'
  | 'cancelExport'
  | 'exportStatus'
  | 'bulkPreview'
  | 'bulkCancelPreview'
  | 'bulkStart'
  | 'bulkPause'
  | 'bulkCancel'
  | 'bulkJob'
  | 'bulkJobs'
  | 'bulkResultsCsv'
  | 'importPreview'
  | 'importCancelPreview'
  | 'importStart'
  | 'importPause'
  | 'importCancel'
  | 'importJob'
  | 'importJobs'
  | 'importResultsCsv'
>

const today = (): string => new Date().toISOString().slice(0, 10)

export function jobHandlers({ app, frontEnd, savedFiles }: OperationContext): HandlersOf<JobOperation> {
  const services = () => app.services()
  const stats = () => services().stats
  const bulk = () => services().bulk
  const imports = () => services().imports
  /** The export's file, by the id the window shows it by (its path is already in the progress). */
  const withFileId = (progress: ExportProgress): ExportStatus => {
    const fileId = savedFiles.remember(progress.path)
    return fileId ? { ...progress, fileId } : progress
  }
  return {
    getStats: async () => stats().snapshot(),
    startStats: async () => stats().start(),
    pauseStats: async () => stats().pause(),
    cancelStats: async () => stats().cancel(),
    listTierMembers: async ({ bucket, offset, limit }) => stats().tierMembers(bucket, offset, limit),
    statsCsv: async (request) => {
      const target = await chooseSaveFile(frontEnd, { suggestedName: await stats().csvName(request), format: 'csv' })
      return target ? savedFiles.saved(target, (await stats().writeCsv(request, target)).rows) : null
    },
    startExport: async ({ format }) => {
      services().export.assertIdle()
      const target = await chooseSaveFile(frontEnd, { suggestedName: `tier-admin-users-${today()}.${format}`, format })
      return target ? withFileId(await services().export.start({ format, target })) : null
    },
    cancelExport: async () => services().export.cancel(),
    exportStatus: async () => {
      const progress = await services().export.status()
      return progress && withFileId(progress)
    },
    bulkPreview: async (request) => bulk().preview(request),
    bulkCancelPreview: async () => ({ cancelled: bulk().cancelPreview() }),
    bulkStart: async ({ jobId, overwrite }) => bulk().start(jobId, { overwrite }),
    bulkPause: async ({ jobId }) => bulk().pause(jobId),
    bulkCancel: async ({ jobId }) => bulk().cancel(jobId),
    bulkJob: async ({ jobId }) => bulk().detail(jobId),
    bulkJobs: async () => bulk().list(),
    bulkResultsCsv: async ({ jobId }) => {
      const target = await chooseSaveFile(frontEnd, { suggestedName: `tier-changes-${jobId}.csv`, format: 'csv' })
      return target ? savedFiles.saved(target, await bulk().writeResultsCsv(jobId, target)) : null
    },
    importPreview: async () => {
      const service = imports()
      const path = await chooseOpenFile(frontEnd)
      return path ? service.preview({ path }) : null
    },
    importCancelPreview: async () => ({ cancelled: imports().cancelPreview() }),
    importStart: async ({ jobId, method, invitation }) => imports().start(jobId, { method, invitation }),
    importPause: async ({ jobId }) => imports().pause(jobId),
    importCancel: async ({ jobId }) => imports().cancel(jobId),
    importJob: async ({ jobId }) => imports().detail(jobId),
    importJobs: async () => imports().list(),
    importResultsCsv: async ({ jobId }) => {
      const service = imports()
      const target = await chooseSaveFile(frontEnd, { suggestedName: `import-results-${jobId}.csv`, format: 'csv' })
      return target ? savedFiles.saved(target, await service.writeResultsCsv(jobId, target)) : null
    }
  }
}
