/**
 * Resetting a user's MFA (AdminSetUserMFAPreference with every method they have turned off), saying
 * what this pool asks of them at the next sign-in: with MFA required, to set up a method again; with
 * MFA optional, nothing more than their password.
 */
import { AdminSetUserMFAPreferenceCommand, type AdminSetUserMFAPreferenceCommandInput } from '@aws-sdk/client-cognito-identity-provider'
import type { AccountActionResult } from '../../shared/domain'
import { MFA_METHOD_WORDS, type MfaMethod, type PoolSecurity } from '../../shared/support'
import { AppError } from '../../shared/errors'
import type { ServiceDeps } from '../app/deps'
import { nameOf } from '../cognito/retryPolicy'
import { getUser } from '../users/users'
import { supportPool } from './poolSecurity'
import { readBackPage } from './userPage'

/** The request field that turns each method on or off. */
const SETTING: Record<MfaMethod, keyof AdminSetUserMFAPreferenceCommandInput> = {
  SMS: 'SMSMfaSettings',
  TOTP: 'SoftwareTokenMfaSettings',
  EMAIL: 'EmailMfaSettings'
}

export async function resetMfa(deps: ServiceDeps, username: string): Promise<AccountActionResult> {
  const { gateway } = deps
  const [user, pool] = await Promise.all([getUser(gateway, username), supportPool(deps.schema)])
  const methods = user.mfa?.enabled ?? []
  // Only the methods they have: a pool without email MFA refuses a request that names EmailMfaSettings at all.
  if (!methods.length) {
    const message = `${user.username} has no MFA method turned on; nothing was changed. ${nextSignIn(pool.security)}`
    return { username: user.username, message, ...(await readBackPage(deps, user.username)) }
  }
  const settings = Object.fromEntries(methods.map((method) => [SETTING[method], { Enabled: false, PreferredMfa: false }]))
  try {
    await gateway.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: gateway.userPoolId, Username: user.username, ...settings }))
  } catch (error) {
    // Cognito has been seen to refuse even turning text-message MFA off for a user with no phone number.
    if (nameOf(error) === 'InvalidParameterException' && /delivery config|phone_number/i.test((error as Error).message ?? '')) {
      throw new AppError(
        'USER_STATE',
        `Cognito would not turn off ${user.username}'s text-message MFA because they have no phone number. Add a phone number to them first (any number; they need not receive anything), reset MFA, then remove it again. Nothing was changed.`
      )
    }
    throw error
  }
  const turnedOff = methods.map((method) => MFA_METHOD_WORDS[method]).join(', ')
  return {
    username: user.username,
    message: `${user.username}'s MFA is reset (turned off: ${turnedOff}). ${nextSignIn(pool.security)}`,
    ...(await readBackPage(deps, user.username))
  }
}

/** What the user meets at their next sign-in with no MFA method, on this pool. */
export function nextSignIn(pool: PoolSecurity): string {
  const offered = pool.mfaMethods.map((method) => MFA_METHOD_WORDS[method]).join(' or ')
  switch (pool.mfaConfiguration) {
    case 'ON':
      return `This pool requires MFA: at the next sign-in they are asked to set up a method again${offered ? ` (${offered})` : ''} before they get in.`
    case 'OPTIONAL':
      return 'MFA is optional on this pool: they sign in with their password alone until they turn a method on again.'
    default:
      return 'MFA is off on this pool: their sign-in does not change.'
  }
}
