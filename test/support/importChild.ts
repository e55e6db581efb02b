/**
 * A process that runs an import job until it is killed: the stand-in for the app or the CLI dying
 * mid-job. Arguments: data folder (whose sandbox another process runs), job id, method.
 */
import type { ImportMethod } from '../../src/shared/importing'
import { openBulkSandbox } from './bulkSandbox'

const [dataDir, jobId, method] = process.argv.slice(2) as [string, string, ImportMethod]
void openBulkSandbox(dataDir, undefined, 'the doomed process').then(async ({ imports }) => {
  await imports.start(jobId, { method, invitation: 'suppress' })
  await imports.settled(jobId)
})
