/**
 * A process that runs one bulk tier or import job against the simulator until the bench kills it: the
 * stand-in for the app or the CLI dying mid-job. Arguments: 'bulk' or 'import', the simulator target as
 * JSON, the data folder, the job id, and for an import the method to start it with.
 */
import '../../src/main/quietSdkNotices'
import type { ImportMethod } from '../../src/shared/importing'
import { benchServices, type SimTarget } from './simWiring'

const [kind, target, dataDir, jobId, method] = process.argv.slice(2) as [string, string, string, string, ImportMethod | undefined]
const services = benchServices(JSON.parse(target) as SimTarget, dataDir, 'the doomed process')

async function run(): Promise<void> {
  if (kind === 'bulk') {
    await services.bulk.start(jobId)
    await services.bulk.settled(jobId)
  } else {
    await services.imports.start(jobId, method === 'admin-create' ? { method, invitation: 'suppress' } : { method })
    await services.imports.settled(jobId)
  }
}

run().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
