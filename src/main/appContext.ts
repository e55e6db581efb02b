import { join } from 'node:path'
import type { ConnectionStatus } from '../shared/domain'
import { AppError } from '../shared/errors'
import { loadAppConfig } from './config/appConfig'
import { openConnection, type Connection } from './cognito/connection'
import { toAppError } from './cognito/errorMapping'
import { PoolSchemaService } from './services/poolSchema'
import { createStatsService, type StatsService } from './stats/statsService'

/** The services of one open connection. */
export interface AppServices {
  connection: Connection
  schema: PoolSchemaService
  stats: StatsService
}

/**
 * What the app (and the CLI) runs on: the connection status and, when connected, the services.
 * Built without Electron so the same code runs under Vitest, the CLI and the Chromium harness.
 */
export interface AppContext {
  status: ConnectionStatus
  /** The services, or the AppError that explains why there are none. */
  services(): AppServices
  close(): Promise<void>
}

export interface OpenOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
}

export async function openAppContext(options: OpenOptions = {}): Promise<AppContext> {
  try {
    const config = loadAppConfig(options.env ?? process.env, options.cwd ?? process.cwd())
    const connection = await openConnection(config)
    const services: AppServices = {
      connection,
      schema: new PoolSchemaService(connection.gateway),
      stats: createStatsService({ gateway: connection.gateway, stateDir: join(config.dataDir, 'stats', safeName(connection.info.userPoolId)) })
    }
    return {
      status: { state: 'connected', info: connection.info },
      services: () => services,
      close: async () => {
        await services.stats.dispose()
        await connection.close()
      }
    }
  } catch (error) {
    const appError = toAppError(error)
    return {
      status: { state: 'error', error: appError.toShape() },
      services: () => {
        throw new AppError(appError.code, appError.message)
      },
      close: async () => undefined
    }
  }
}

function safeName(userPoolId: string): string {
  return userPoolId.replace(/[^A-Za-z0-9_-]/g, '_')
}
