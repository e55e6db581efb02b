/**
 * A process that runs a bulk tier job until it is killed: the stand-in for the app or the CLI dying
 * mid-job. Arguments: data folder (whose sandbox another process runs), job id.
 */
import { openBulkSandbox } from './bulkSandbox'

const [dataDir, jobId] = process.argv.slice(2) as [string, string]
void openBulkSandbox(dataDir, undefined, 'the doomed process').then(async ({ bulk }) => {
  await bulk.start(jobId)
  await bulk.settled(jobId)
})
