/**
 * The services of one open connection: built from one dependencies object, and closed together (each
 * running job paused where it can resume from, then the connection).
 */
import type { AppConfig } from '../config/appConfig'
import { createBulkTierService } from '../bulk/bulkService'
import type { BulkTierService } from '../bulk/bulkTypes'
import { openConnection, type Connection } from '../cognito/connection'
import { PoolSchemaService } from '../cognito/poolSchema'
import { createExportService, type ExportService } from '../export/exportService'
import { createImportService, type ImportService } from '../import/importService'
import type { JobUpdates } from '../jobs/jobUpdates'
import { createStatsService, type StatsService } from '../stats/statsService'
import { ensurePrivateDir, tightenPrivateTree } from '../storage/privateFiles'
import type { ServiceDeps } from './deps'

/** The services of one open connection, and what they were built from. */
export interface AppServices {
  deps: ServiceDeps
  connection: Connection
  schema: PoolSchemaService
  stats: StatsService
  bulk: BulkTierService
  export: ExportService
  imports: ImportService
}

/** Opens the configured pool (or the sandbox) and builds its services; the job-updates hub outlives them. */
export async function openServices(config: AppConfig, jobUpdates: JobUpdates, processLabel: string): Promise<AppServices> {
  await ensurePrivateDir(config.dataDir)
  await tightenPrivateTree(config.dataDir)
  const connection = await openConnection(config, { processLabel })
  const schema = new PoolSchemaService(connection.gateway)
  const deps: ServiceDeps = { connection, gateway: connection.gateway, schema, dataDir: config.dataDir, jobUpdates, processLabel }
  return {
    deps,
    connection,
    schema,
    stats: createStatsService(deps),
    bulk: createBulkTierService(deps),
    export: createExportService(deps),
    imports: createImportService(deps)
  }
}

export async function closeServices(services: AppServices | undefined): Promise<void> {
  if (!services) return
  await Promise.all([services.stats.dispose(), services.bulk.dispose(), services.imports.dispose(), services.export.dispose()])
  await services.connection.close()
}
