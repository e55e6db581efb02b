/**
 * Which pool a process connects to: the built-in Sandbox, "From the environment" (the COGNITO_*
 * variables or .env, when set), and the operator's stored profiles. The choice, in order: the one asked
 * for (the CLI's --profile), the one chosen last in profiles.json, the environment's, the sandbox.
 */
import { AppError } from '../../shared/errors'
import { ENVIRONMENT_PROFILE_ID, poolKey, SANDBOX_PROFILE_ID, type ProfileSummary } from '../../shared/profiles'
import { SANDBOX_REGION, SANDBOX_SCHEDULER_ROLE_ARN } from '../sandbox/constants'
import { environmentPool, loadBaseConfig, type AppConfig, type PoolConfig } from './appConfig'
import { isProductionPool, ProfileStore, type StoredProfile } from './profileStore'
import { openSecret, type SecretStore } from './secretStore'

/** The profile a process is connected with: what the production check and the window need of it. */
export interface ActiveProfile {
  id: string
  name: string
  production: boolean
  /** Every write must carry a ticket or reason. */
  requireReason: boolean
  /** The configured pool ("" for the sandbox, whose pool ID is known only once it runs). */
  userPoolId: string
  /** The role EventBridge Scheduler assumes for tier returns, as the profile names it (the doctor checks it). */
  schedulerRoleArn?: string
}

export interface ProfileContext {
  env: NodeJS.ProcessEnv
  cwd: string
  secrets?: SecretStore
}

export const SANDBOX_SUMMARY: ProfileSummary = {
  id: SANDBOX_PROFILE_ID,
  name: 'Sandbox',
  builtIn: true,
  region: SANDBOX_REGION,
  userPoolId: '',
  clientId: '',
  emulator: true,
  production: false,
  requireReason: false,
  credentialSource: { kind: 'default' },
  schedulerRoleArn: SANDBOX_SCHEDULER_ROLE_ARN,
  hasClientSecret: true
}

/** Every profile, built-ins first; the environment's only when its variables name a pool. */
export async function listProfiles(
  context: ProfileContext
): Promise<{ summaries: ProfileSummary[]; stored: StoredProfile[]; active?: string; damage?: AppError }> {
  const { dataDir, vars } = loadBaseConfig(context.env, context.cwd)
  // A damaged file lists the built-ins only: its production marks are unknown, so the environment's pool counts as marked.
  const { file, damage } = await new ProfileStore(dataDir).inspect()
  const summaries = [SANDBOX_SUMMARY]
  const fromEnvironment = environmentSummary(vars)
  if (fromEnvironment) summaries.push(damage ? { ...fromEnvironment, production: true } : fromEnvironment)
  summaries.push(...file.profiles.map(summaryOf))
  // The mark belongs to the pool: every profile naming a marked pool is production, whatever it says itself.
  const marked = (summary: ProfileSummary) => summary.production || (summary.id !== SANDBOX_PROFILE_ID && isProductionPool(file, poolKey(summary)))
  const applied = (summary: ProfileSummary) => {
    const production = marked(summary)
    // A choice the profile made holds; without one, a production pool asks for a reason.
    const own = file.profiles.find((entry) => entry.id === summary.id)?.requireReason
    return { ...summary, production, requireReason: own ?? production }
  }
  return { summaries: summaries.map(applied), stored: file.profiles, active: file.active, damage }
}

/**
 * The configuration of the chosen profile, its secret opened. `requested` is an id or a name (any
 * case); an unknown one is an error naming the command that lists them.
 */
export async function resolveProfile(context: ProfileContext, requested?: string): Promise<{ config: AppConfig; profile: ActiveProfile }> {
  const base = loadBaseConfig(context.env, context.cwd)
  const { summaries, stored, active, damage } = await listProfiles(context)
  const find = (key: string) => summaries.find((s) => s.id === key) ?? summaries.find((s) => s.name.toLowerCase() === key.toLowerCase())
  let chosen: ProfileSummary | undefined
  // The profile chosen last is in the damaged file: only a built-in asked for by name is certain to be the one meant.
  if (damage && !(requested && find(requested)?.builtIn)) throw damage
  if (requested) {
    chosen = find(requested)
    if (!chosen) throw new AppError('NOT_CONFIGURED', `No profile named "${requested}". "tier-admin profiles" lists them.`)
  } else {
    chosen = (active && find(active)) || find(ENVIRONMENT_PROFILE_ID) || SANDBOX_SUMMARY
  }
  const schedulerRoleArn = chosen.schedulerRoleArn ?? poolRole(summaries, chosen)
  const role = schedulerRoleArn ? { schedulerRoleArn } : {}
  const profile: ActiveProfile = {
    id: chosen.id,
    name: chosen.name,
    production: chosen.production,
    requireReason: chosen.requireReason,
    userPoolId: chosen.userPoolId,
    ...role
  }
  const shared = { dataDir: base.dataDir, listUsersRate: base.listUsersRate }
  if (chosen.id === SANDBOX_PROFILE_ID) return { config: { ...shared, pool: { kind: 'sandbox' } }, profile }
  if (chosen.id === ENVIRONMENT_PROFILE_ID) return { config: { ...shared, pool: { ...(environmentPool(base.vars) as PoolConfig), ...role } }, profile }
  const entry = stored.find((s) => s.id === chosen.id) as StoredProfile
  return { config: { ...shared, pool: { ...poolOf(entry, context), ...role } }, profile }
}

/**
 * The return role belongs to the pool, as the production mark does: a profile naming none uses the
 * role another profile of the same pool names, so a tier change through it still finds and cancels
 * the user's pending return instead of leaving it to undo the change later.
 */
function poolRole(summaries: ProfileSummary[], chosen: ProfileSummary): string | undefined {
  if (chosen.id === SANDBOX_PROFILE_ID) return undefined
  const key = poolKey(chosen)
  return summaries.find((other) => other.id !== SANDBOX_PROFILE_ID && other.schedulerRoleArn && poolKey(other) === key)?.schedulerRoleArn
}

function poolOf(entry: StoredProfile, context: ProfileContext): PoolConfig {
  return {
    kind: 'pool',
    region: entry.region,
    userPoolId: entry.userPoolId,
    clientId: entry.clientId,
    clientSecret: entry.sealedSecret ? openSecret(context.secrets, entry.name, entry.sealedSecret, context.env) : undefined,
    endpoint: entry.endpoint,
    emulator: Boolean(entry.endpoint) && entry.emulator,
    credentialSource: entry.credentialSource,
    profileName: entry.name,
    ...(entry.schedulerRoleArn ? { schedulerRoleArn: entry.schedulerRoleArn } : {})
  }
}

function summaryOf(entry: StoredProfile): ProfileSummary {
  const { sealedSecret, ...rest } = entry
  return { ...rest, requireReason: Boolean(entry.requireReason), builtIn: false, hasClientSecret: Boolean(sealedSecret) }
}

/** "From the environment": listed only when the variables name a whole pool (a partial one fails at connect, saying what is missing). */
function environmentSummary(vars: Record<string, string | undefined>): ProfileSummary | null {
  let pool: PoolConfig | null
  try {
    pool = environmentPool(vars)
  } catch {
    pool = { kind: 'pool', region: vars.COGNITO_REGION ?? '', userPoolId: vars.COGNITO_USER_POOL_ID ?? '', clientId: vars.COGNITO_CLIENT_ID ?? '' }
  }
  if (!pool) return null
  return {
    id: ENVIRONMENT_PROFILE_ID,
    name: 'From the environment',
    builtIn: true,
    region: pool.region,
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    ...(pool.endpoint ? { endpoint: pool.endpoint } : {}),
    emulator: Boolean(pool.emulator),
    production: vars.COGNITO_PRODUCTION === 'true',
    requireReason: false,
    credentialSource: { kind: 'default' },
    ...(pool.schedulerRoleArn ? { schedulerRoleArn: pool.schedulerRoleArn } : {}),
    hasClientSecret: Boolean(pool.clientSecret)
  }
}
