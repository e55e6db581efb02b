/**
 * One user as their page shows them: AdminGetUser (attributes, MFA, linked identities) and the
 * sign-in verdict worked out against the pool's security settings, the temporary password's age and,
 * where the pool records them, the last day's failed sign-ins.
 */
import type { UserDetail } from '../../shared/domain'
import type { AppErrorShape } from '../../shared/errors'
import { signInVerdict } from '../../shared/signInVerdict'
import type { ServiceDeps } from '../app/deps'
import { getUser, readBack } from '../users/users'
import { supportPool } from './poolSecurity'
import { recentFailures } from './signInEvents'
import { temporaryPasswordSince } from './temporaryPassword'

type PageDeps = Pick<ServiceDeps, 'gateway' | 'schema' | 'connection'>

export async function readUserPage(deps: PageDeps, username: string): Promise<UserDetail> {
  const { gateway } = deps
  const [user, pool] = await Promise.all([getUser(gateway, username), supportPool(deps.schema)])
  const now = new Date()
  const [since, failures] = await Promise.all([
    user.status === 'FORCE_CHANGE_PASSWORD' ? temporaryPasswordSince(deps.connection.audit, gateway.userPoolId, user.username) : undefined,
    user.status === 'CONFIRMED' && user.enabled && pool.security.threatProtection !== 'OFF' ? recentFailures(gateway, user.username, now) : undefined
  ])
  const verdict = signInVerdict(user, {
    pool: pool.security,
    now,
    ...(since ? { temporaryPasswordSince: since } : {}),
    ...(failures !== undefined ? { recentFailures: failures } : {})
  })
  return { ...user, verdict }
}

/** The user page after a write; a failed read is reported beside the write, never instead of it. */
export function readBackPage(deps: PageDeps, username: string): Promise<{ user: UserDetail | null; refreshError?: AppErrorShape }> {
  return readBack(deps.gateway, username, (name) => readUserPage(deps, name))
}
