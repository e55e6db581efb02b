import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { AppError } from '../../shared/errors'
import type { CredentialSource } from '../../shared/profiles'

/** A real (or emulated) pool the operator pointed the app at. */
export interface PoolConfig {
  kind: 'pool'
  region: string
  userPoolId: string
  clientId: string
  clientSecret?: string
  /** An emulator or VPC endpoint instead of the public Cognito endpoint. */
  endpoint?: string
  /**
   * The endpoint is an emulator (COGNITO_ENDPOINT_IS_EMULATOR=true, or the profile's tick): only there
   * may missing AWS credentials become placeholder keys, and no STS is asked who they are.
   */
  emulator?: boolean
  /** Where the AWS credentials come from; the SDK's default chain when absent. */
  credentialSource?: CredentialSource
  /** The profile's name, for messages that say which profile's credentials failed. */
  profileName?: string
  /** The IAM role EventBridge Scheduler assumes for tier returns (ProfileFields.schedulerRoleArn). */
  schedulerRoleArn?: string
}

/** No pool configured: the app runs its own sandbox pool. */
export interface SandboxConfig {
  kind: 'sandbox'
}

export interface AppConfig {
  pool: PoolConfig | SandboxConfig
  /** The app's own data (sandbox pool, outbox, audit trail, scan results). */
  dataDir: string
  /** ListUsers requests per second this app may use (the account quota is 30/s, shared). */
  listUsersRate: number
}

export const APP_DIR_NAME = 'Tier Admin'

const POOL_VARIABLES = ['COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID'] as const

/**
 * Where Electron keeps this app's user data (app.getPath('userData')), computed without Electron so
 * the CLI shares the same sandbox and results.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TIER_ADMIN_DATA_DIR) return env.TIER_ADMIN_DATA_DIR
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
}

/** Variables from .env files (earlier files win over later ones); the environment wins over all. */
export function readEnvironment(env: NodeJS.ProcessEnv, envFiles: string[]): Record<string, string | undefined> {
  const fromFiles: Record<string, string> = {}
  for (const file of [...envFiles].reverse()) {
    if (existsSync(file)) Object.assign(fromFiles, parseDotenv(readFileSync(file)))
  }
  return { ...fromFiles, ...definedOnly(env) }
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''))
}

/** The region is the pool ID's prefix ("eu-west-1_AbC") when COGNITO_REGION is not set. */
function regionOf(userPoolId: string): string | undefined {
  const match = /^([a-z]{2}(-[a-z]+)+-\d)_/.exec(userPoolId)
  return match?.[1]
}

/**
 * Reads the configuration: COGNITO_* variables from the environment or a .env file. None set means
 * the sandbox; some set but not all is an error that names what is missing.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const { dataDir, vars, listUsersRate } = loadBaseConfig(env, cwd)
  const pool = environmentPool(vars)
  return { pool: pool ?? { kind: 'sandbox' }, dataDir, listUsersRate }
}

/** What every profile shares: the data folder, the variables (environment over .env) and the ListUsers rate. */
export function loadBaseConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()) {
  const dataDir = defaultDataDir(env)
  const vars = readEnvironment(env, [join(cwd, '.env'), join(dataDir, '.env')])
  return { dataDir, vars, listUsersRate: parseRate(vars.TIER_ADMIN_LIST_USERS_RPS) }
}

/** The pool the COGNITO_* variables name ("From the environment"); null when none is set. */
export function environmentPool(vars: Record<string, string | undefined>): PoolConfig | null {
  const anyPoolVariable = POOL_VARIABLES.some((name) => vars[name])
  if (!anyPoolVariable) return null

  const missing = POOL_VARIABLES.filter((name) => !vars[name])
  if (missing.length) {
    throw new AppError(
      'NOT_CONFIGURED',
      `The pool is only partly configured: set ${missing.join(' and ')} (or unset every COGNITO_ variable to use the sandbox).`
    )
  }
  const userPoolId = vars.COGNITO_USER_POOL_ID as string
  const region = vars.COGNITO_REGION ?? regionOf(userPoolId) ?? vars.AWS_REGION
  if (!region) {
    throw new AppError('NOT_CONFIGURED', 'Set COGNITO_REGION to the region your user pool lives in (for example us-east-1).')
  }
  return {
    kind: 'pool',
    region,
    userPoolId,
    clientId: vars.COGNITO_CLIENT_ID as string,
    clientSecret: vars.COGNITO_CLIENT_SECRET || undefined,
    endpoint: vars.COGNITO_ENDPOINT || undefined,
    ...(vars.COGNITO_SCHEDULER_ROLE_ARN ? { schedulerRoleArn: vars.COGNITO_SCHEDULER_ROLE_ARN } : {}),
    ...(vars.COGNITO_ENDPOINT && /^(true|1|yes)$/i.test(vars.COGNITO_ENDPOINT_IS_EMULATOR ?? '') ? { emulator: true } : {})
  }
}

function parseRate(value: string | undefined): number {
  if (!value) return 30
  const rate = Number(value)
  if (!Number.isFinite(rate) || rate <= 0 || rate > 30) {
    throw new AppError('NOT_CONFIGURED', 'TIER_ADMIN_LIST_USERS_RPS must be a number above 0 and at most 30 (the ListUsers quota).')
  }
  return rate
}
