/**
 * Setting a user's password (AdminSetUserPassword): permanent, or temporary so they choose their own
 * at the next sign-in. A typed password is checked against the pool's policy first; a temporary one
 * may be made here and handed to the operator once. The password goes to Cognito and nowhere else:
 * not into the reply, the audit trail (which records only "temporary" or "permanent"), or a log.
 */
import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { AccountActionResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { unmetPasswordRules } from '../../shared/passwordPolicy'
import { formatDay } from '../../shared/signInVerdict'
import type { ServiceDeps } from '../app/deps'
import { handOverSecret, type FrontEnd } from '../operations/frontEnd'
import { getUser } from '../users/users'
import { makeTemporaryPassword } from './passwordMaker'
import { supportPool } from './poolSecurity'
import { readBackPage } from './userPage'

export interface SetPasswordRequest {
  username: string
  permanent: boolean
  /** Absent: a temporary password made from the pool's policy. */
  password?: string
}

const DAY_MS = 86_400_000

export async function setPassword(deps: ServiceDeps, frontEnd: FrontEnd, request: SetPasswordRequest): Promise<AccountActionResult> {
  const { gateway } = deps
  const pool = await supportPool(deps.schema)
  if (request.password === undefined) {
    if (request.permanent) {
      throw new AppError('VALIDATION', 'Type the permanent password: only a temporary one is made for you.', { password: 'Type the password' })
    }
    // Checked before anything is written: a password set that nobody can be given is a locked account.
    if (!frontEnd.handOverSecret) {
      throw new AppError('NOT_CONFIGURED', 'This front end cannot hand a made password over; type the temporary password instead.', {
        password: 'Type the password'
      })
    }
  } else {
    const unmet = unmetPasswordRules(request.password, pool.passwordPolicy)
    if (/^\s|\s$/.test(request.password)) unmet.push('no space at the start or end')
    if (unmet.length) {
      throw new AppError('PASSWORD_POLICY', `The password does not meet this pool's policy; it needs ${unmet.join(', ')}. Nothing was changed.`, {
        password: `Needs ${unmet.join(', ')}`
      })
    }
  }
  const user = await getUser(gateway, request.username)
  if (user.status === 'EXTERNAL_PROVIDER') {
    const through = user.identities.map((identity) => identity.providerName).join(' and ') || 'an external identity provider'
    throw new AppError('USER_STATE', `${user.username} signs in through ${through} and has no password in this pool; there is none to set.`)
  }
  const password = request.password ?? makeTemporaryPassword(pool.passwordPolicy)
  await gateway.send(
    new AdminSetUserPasswordCommand({ UserPoolId: gateway.userPoolId, Username: user.username, Password: password, Permanent: request.permanent })
  )
  const handedOver = request.password === undefined ? await handOver(frontEnd, password, user.username) : ''
  return {
    username: user.username,
    message: said(user.username, request.permanent, pool.security.temporaryPasswordValidityDays) + handedOver,
    ...(await readBackPage(deps, user.username))
  }
}

async function handOver(frontEnd: FrontEnd, password: string, username: string): Promise<string> {
  try {
    const how = await handOverSecret(frontEnd, password, `the temporary password for ${username}`)
    return ` The password was ${how}; it is not shown or kept anywhere, so pass it on now.`
  } catch {
    return ` The password could not be handed over, so nobody knows it: set another one.`
  }
}

function said(username: string, permanent: boolean, validityDays: number): string {
  if (permanent) return `${username}'s password is set: they sign in with it from now on (status CONFIRMED). Cognito does not tell them; pass it on yourself.`
  const until = formatDay(new Date(Date.now() + validityDays * DAY_MS).toISOString())
  return `${username} has a temporary password: it works until ${until} (${validityDays} days on this pool), and at the next sign-in they must choose their own. Cognito does not send it to them.`
}
