/**
 * The connection's life cycle: which profile is open, its services or why there are none, whether
 * the pool answers, the sandbox's restart and repair, and switching to another profile. Built without
 * Electron, so the same code runs in the app, the CLI, the Chromium harness and Vitest. The services
 * themselves are built and closed in services.ts; what the front ends may ask of them is the
 * operations layer's (src/main/operations).
 */
import type { ConnectionHealth, ConnectionStatus } from '../../shared/domain'
import { AppError, type AppErrorShape } from '../../shared/errors'
import type { AppConfig } from '../config/appConfig'
import { createProfileManager, type ProfileManager } from '../config/profileManager'
import { listProfiles, resolveProfile, type ActiveProfile } from '../config/profiles'
import type { SecretStore } from '../config/secretStore'
import { toAppError } from '../cognito/errorMapping'
import { JobUpdates } from '../jobs/jobUpdates'
import type { RestoreReport } from '../sandbox/sandboxRepair'
import { closeServices, openServices, type AppServices } from './services'

export type { AppServices } from './services'

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
  /** The profile connected now (the sandbox's or the environment's when none was chosen). */
  readonly profile: ActiveProfile
  /** The stored profiles: list, save, delete, and the AWS profile names. */
  readonly profiles: ProfileManager
  /** Pauses the old connection's jobs, closes it, opens the profile's, and remembers it for the next start. */
  switchProfile(id: string): Promise<ConnectionStatus>
  close(): Promise<void>
}

export interface OpenOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Who this process is, named to other processes that find the sandbox or a scan held: "the Tier Admin app". */
  processLabel?: string
  /** Seals profiles' client secrets at rest: Electron's safeStorage in the app; the CLI has none. */
  secretStore?: SecretStore
  /** The profile to open (id or name), instead of the one chosen last: the CLI's --profile. */
  profile?: string
}

interface Opened {
  services?: AppServices
  error?: AppErrorShape
  config?: AppConfig
  profile?: ActiveProfile
}

/** What a profile that could not even be read is taken as: not production, so the error shows, and nothing writes anyway. */
const UNKNOWN_PROFILE: ActiveProfile = { id: 'unknown', name: 'unknown', production: false, requireReason: false, userPoolId: '' }

export async function openAppContext(options: OpenOptions = {}): Promise<AppContext> {
  const processLabel = options.processLabel ?? 'Tier Admin'
  const jobUpdates = new JobUpdates()
  const profileContext = { env: options.env ?? process.env, cwd: options.cwd ?? process.cwd(), secrets: options.secretStore }
  let requested = options.profile
  const open = async (): Promise<Opened> => {
    let resolved: { config: AppConfig; profile: ActiveProfile } | undefined
    try {
      resolved = await resolveProfile(profileContext, requested)
      return { ...resolved, services: await openServices(resolved.config, jobUpdates, processLabel) }
    } catch (error) {
      return { ...resolved, error: toAppError(error).toShape() }
    }
  }
  let opened = await open()
  const reopen = async (): Promise<void> => {
    await closeServices(opened.services)
    opened = await open()
  }
  const isSandbox = (): boolean => opened.config?.pool.kind === 'sandbox'

  const context: AppContext = {
    get status(): ConnectionStatus {
      const services = opened.services
      return services ? { state: 'connected', info: services.connection.info } : { state: 'error', error: opened.error! }
    },
    services: () => {
      if (opened.services) return opened.services
      throw new AppError(opened.error!.code, opened.error!.message)
    },
    async health() {
      const services = opened.services
      if (!services) return { answering: false, error: opened.error!, canRestartSandbox: isSandbox() && opened.error!.code !== 'SANDBOX_DAMAGED' }
      const sandbox = services.connection.sandbox
      if (sandbox) {
        if (await sandbox.answers()) return { answering: true }
        const error = new AppError('SANDBOX_UNAVAILABLE', 'The sandbox stopped answering: its emulator does not respond. {restartSandbox}; its users are kept.')
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
      else if (isSandbox()) await reopen()
      else throw new AppError('NOT_CONFIGURED', 'The app is connected to a configured pool, not the sandbox; there is no sandbox to start again.')
      return context.status
    },
    async restoreSandbox() {
      const config = opened.config
      if (!config || config.pool.kind !== 'sandbox') throw new AppError('NOT_CONFIGURED', 'Restoring applies to the sandbox only, and the app is not using it.')
      await closeServices(opened.services)
      opened = { ...opened, services: undefined, error: opened.error ?? { code: 'SANDBOX_UNAVAILABLE', message: 'The sandbox is being restored.' } }
      try {
        const { restoreLastGoodCopies } = await import('../sandbox/sandboxRepair')
        return await restoreLastGoodCopies(config.dataDir, processLabel)
      } finally {
        opened = await open()
      }
    },
    jobUpdates,
    get profile() {
      return opened.profile ?? UNKNOWN_PROFILE
    },
    profiles: createProfileManager(profileContext),
    async switchProfile(id) {
      const { summaries } = await listProfiles(profileContext)
      if (!summaries.some((summary) => summary.id === id)) throw new AppError('VALIDATION', `No profile with id "${id}".`)
      requested = id
      await reopen()
      await context.profiles.remember(id)
      return context.status
    },
    close: () => closeServices(opened.services)
  }
  return context
}
