import { join } from 'node:path'
import type { ConnectionHealth, ConnectionStatus } from '../shared/domain'
import { AppError } from '../shared/errors'
import type { AppConfig } from './config/appConfig'
import { createProfileManager, type ProfileManager } from './config/profileManager'
import { ProductionGate } from './config/productionGate'
import { listProfiles, resolveProfile, type ActiveProfile } from './config/profiles'
import type { SecretStore } from './config/secretStore'
import { openConnection, type Connection } from './cognito/connection'
import { toAppError } from './cognito/errorMapping'
import type { RestoreReport } from './sandbox/sandboxRepair'
import { createBulkTierService, type BulkTierService } from './bulk/bulkService'
import { createExportService, type ExportService } from './export/exportService'
import { createImportService, type ImportService } from './import/importService'
import { JobUpdates } from './jobs/jobUpdates'
import { PoolSchemaService } from './services/poolSchema'
import { createStatsService, type StatsService } from './stats/statsService'
import { ensurePrivateDir, tightenPrivateTree } from './storage/privateFiles'

/** The services of one open connection. */
export interface AppServices {
  connection: Connection
  schema: PoolSchemaService
  stats: StatsService
  bulk: BulkTierService
  export: ExportService
  imports: ImportService
}

/**
 * What the app (and the CLI) runs on: the connection status and, when connected, the services.
 * Built without Electron so the same code runs under Vitest, the CLI and the Chromium harness.
 */
export interface AppContext {
  /** Read afresh each time: a restart or a repair changes it. */
  readonly status: ConnectionStatus
  /** The services, or the AppError that explains why there are none. */
  services(): AppServices
  /** Whether the pool (or the sandbox's emulator) answers now. */
  health(): Promise<ConnectionHealth>
  /** Starts the sandbox's emulator afresh, or finds the one another process of the app now runs. */
  restartSandbox(): Promise<ConnectionStatus>
  /** Puts the last good copy in place of each damaged sandbox file, then connects again. */
  restoreSandbox(): Promise<RestoreReport>
  /** Every long job's progress, whichever connection it runs on: the window and the CLI subscribe here. */
  readonly jobUpdates: JobUpdates
  /** Asks the operator where to save a file (the app's save dialog); null when they cancel. */
  chooseSaveFile(request: SaveFileRequest): Promise<string | null>
  /** Asks the operator which CSV file to read (the app's open dialog); null when they cancel. */
  chooseOpenFile(): Promise<string | null>
  /** The profile connected now (the sandbox's or the environment's when none was chosen). */
  readonly profile: ActiveProfile
  /** The stored profiles: list, save, delete, and the AWS profile names. */
  readonly profiles: ProfileManager
  /** Pauses the old connection's jobs, closes it, opens the profile's, and remembers it for the next start. */
  switchProfile(id: string): Promise<ConnectionStatus>
  /** Refuses writes to a production profile's pool until the operator confirmed them. */
  readonly productionGate: ProductionGate
  close(): Promise<void>
}

/** What a save dialog offers: a file name and the kind of file. */
export interface SaveFileRequest {
  suggestedName: string
  format: 'csv' | 'jsonl'
}

export interface OpenOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Who this process is, named to other processes that find the sandbox or a scan held: "the Tier Admin app". */
  processLabel?: string
  /** The save dialog: Electron's in the app, a stand-in in the harness; the CLI takes --out instead. */
  chooseSaveFile?: (request: SaveFileRequest) => Promise<string | null>
  /** The open dialog for a CSV file: Electron's in the app, a stand-in in the harness; the CLI names the file. */
  chooseOpenFile?: () => Promise<string | null>
  /** Seals profiles' client secrets at rest: Electron's safeStorage in the app; the CLI has none. */
  secretStore?: SecretStore
  /** The profile to open (id or name), instead of the one chosen last: the CLI's --profile. */
  profile?: string
}

interface Opened {
  status: ConnectionStatus
  services?: AppServices
  config?: AppConfig
  profile?: ActiveProfile
}

/** What a profile that could not even be read is taken as: not production, so the error shows, and nothing writes anyway. */
const UNKNOWN_PROFILE: ActiveProfile = { id: 'unknown', name: 'unknown', production: false, userPoolId: '' }

export async function openAppContext(options: OpenOptions = {}): Promise<AppContext> {
  const processLabel = options.processLabel ?? 'Tier Admin'
  const jobUpdates = new JobUpdates()
  const profileContext = { env: options.env ?? process.env, cwd: options.cwd ?? process.cwd(), secrets: options.secretStore }
  let requested = options.profile
  let opened = await open(options, processLabel, jobUpdates, requested)
  const profile = (): ActiveProfile => opened.profile ?? UNKNOWN_PROFILE
  const productionGate = new ProductionGate(() => ({ ...profile(), profileName: profile().name }))

  async function reopen(): Promise<void> {
    await closeServices(opened.services)
    opened = await open(options, processLabel, jobUpdates, requested)
  }

  const context: AppContext = {
    get status(): ConnectionStatus {
      const services = opened.services
      return services ? { state: 'connected', info: services.connection.info } : opened.status
    },
    services: () => {
      if (opened.services) return opened.services
      const error = (opened.status as Extract<ConnectionStatus, { state: 'error' }>).error
      throw new AppError(error.code, error.message)
    },
    async health() {
      const services = opened.services
      if (!services) {
        const error = (opened.status as Extract<ConnectionStatus, { state: 'error' }>).error
        return { answering: false, error, canRestartSandbox: opened.config?.pool.kind === 'sandbox' && error.code !== 'SANDBOX_DAMAGED' }
      }
      const sandbox = services.connection.sandbox
      if (sandbox) {
        if (await sandbox.answers()) return { answering: true }
        const error = new AppError(
          'SANDBOX_UNAVAILABLE',
          'The sandbox stopped answering: its emulator does not respond. Restart the sandbox; its users are kept.'
        )
        return { answering: false, error: error.toShape(), canRestartSandbox: true }
      }
      try {
        await services.schema.describe({ refresh: true })
        return { answering: true }
      } catch (error) {
        return { answering: false, error: toAppError(error, { operation: 'describePool' }).toShape(), canRestartSandbox: false }
      }
    },
    async restartSandbox() {
      const sandbox = opened.services?.connection.sandbox
      if (sandbox) await sandbox.restart()
      else if (opened.config?.pool.kind === 'sandbox') await reopen()
      else throw new AppError('NOT_CONFIGURED', 'The app is connected to a configured pool, not the sandbox; there is no sandbox to restart.')
      return context.status
    },
    async restoreSandbox() {
      const config = opened.config
      if (!config || config.pool.kind !== 'sandbox') throw new AppError('NOT_CONFIGURED', 'Restoring applies to the sandbox only, and the app is not using it.')
      await closeServices(opened.services)
      opened = { status: opened.status, config }
      try {
        const { restoreLastGoodCopies } = await import('./sandbox/sandboxRepair')
        return await restoreLastGoodCopies(config.dataDir, processLabel)
      } finally {
        opened = await open(options, processLabel, jobUpdates, requested)
      }
    },
    jobUpdates,
    async chooseSaveFile(request) {
      if (!options.chooseSaveFile) throw new AppError('NOT_CONFIGURED', 'This front end has no save dialog; name the file to write instead.')
      return options.chooseSaveFile(request)
    },
    async chooseOpenFile() {
      if (!options.chooseOpenFile) throw new AppError('NOT_CONFIGURED', 'This front end has no open dialog; name the file to read instead.')
      return options.chooseOpenFile()
    },
    get profile() {
      return profile()
    },
    profiles: createProfileManager(profileContext),
    async switchProfile(id) {
      const { summaries } = await listProfiles(profileContext)
      if (!summaries.some((summary) => summary.id === id)) throw new AppError('VALIDATION', `No profile with id "${id}".`)
      // No permission given for the old pool may be spent on the new one.
      productionGate.reset()
      requested = id
      await reopen()
      await context.profiles.remember(id)
      return context.status
    },
    productionGate,
    close: () => closeServices(opened.services)
  }
  return context
}

async function open(options: OpenOptions, processLabel: string, jobUpdates: JobUpdates, requested: string | undefined): Promise<Opened> {
  let config: AppConfig | undefined
  let profile: ActiveProfile | undefined
  try {
    const context = { env: options.env ?? process.env, cwd: options.cwd ?? process.cwd(), secrets: options.secretStore }
    ;({ config, profile } = await resolveProfile(context, requested))
    await ensurePrivateDir(config.dataDir)
    await tightenPrivateTree(config.dataDir)
    const connection = await openConnection(config, { processLabel })
    const schema = new PoolSchemaService(connection.gateway)
    const services: AppServices = {
      connection,
      schema,
      bulk: createBulkTierService({ gateway: connection.gateway, schema, jobsDir: join(config.dataDir, 'jobs'), processLabel }),
      imports: createImportService({ connection, schema, jobsDir: join(config.dataDir, 'jobs'), processLabel }),
      export: createExportService({ gateway: connection.gateway, schema, exportsDir: join(config.dataDir, 'exports'), processLabel }),
      stats: createStatsService({
        gateway: connection.gateway,
        stateDir: join(config.dataDir, 'stats', safeName(connection.info.userPoolId)),
        processLabel
      })
    }
    const { userPoolId } = connection.info
    services.stats.subscribe((progress) => jobUpdates.publish({ kind: 'stats-scan', jobId: `stats-scan:${userPoolId}`, userPoolId, progress }))
    services.bulk.subscribe((jobId, progress) => jobUpdates.publish({ kind: 'bulk-tier', jobId, userPoolId, progress }))
    services.export.subscribe((jobId, progress) => jobUpdates.publish({ kind: 'export', jobId, userPoolId, progress }))
    services.imports.subscribe((jobId, progress) => jobUpdates.publish({ kind: 'import', jobId, userPoolId, progress }))
    return { status: { state: 'connected', info: connection.info }, services, config, profile }
  } catch (error) {
    return { status: { state: 'error', error: toAppError(error).toShape() }, config, profile }
  }
}

async function closeServices(services: AppServices | undefined): Promise<void> {
  if (!services) return
  await Promise.all([services.stats.dispose(), services.bulk.dispose(), services.imports.dispose(), services.export.dispose()])
  await services.connection.close()
}

function safeName(userPoolId: string): string {
  return userPoolId.replace(/[^A-Za-z0-9_-]/g, '_')
}
