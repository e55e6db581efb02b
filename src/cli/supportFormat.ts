/**
 * The support desk's answers as the terminal shows them: the sign-in verdict with its fixes named as
 * CLI commands, MFA, linked identities, remembered devices and sign-in events.
 */
import {
  MFA_METHOD_WORDS,
  type FixAction,
  type LinkedIdentity,
  type PoolSecurity,
  type SignInEvent,
  type SignInVerdict,
  type UserDevice,
  type UserMfa
} from '../shared/support'
import { formatTable, shellArg } from './table'

/** Who a fix is for: the username, and the phone number a "mark verified" writes back. */
type FixFor = { username: string; phone: string | null }

/** The command that does each fix the verdict offers, for this user. */
const FIX_COMMANDS: Record<FixAction, (user: string, phone: string) => string> = {
  enable: (user) => `enable ${user}`,
  'confirm-with-code': (user) => `confirm --username ${user} --code CODE`,
  'resend-code': (user) => `resend-code ${user}`,
  'admin-confirm': (user) => `admin-confirm ${user} --yes`,
  'resend-invite': (user) => `resend-invite ${user}`,
  'set-temporary-password': (user) => `set-password ${user} --temporary`,
  'set-password': (user) => `set-password ${user} --permanent`,
  'mark-email-verified': (user) => `verify-email ${user}`,
  // Cognito marks a phone number verified with the number written again beside phone_number_verified.
  'mark-phone-verified': (user, phone) => `set-attribute ${user} phone_number=${phone} --mark-verified`,
  'reset-mfa': (user) => `reset-mfa ${user}`,
  'review-events': (user) => `sign-in-events ${user}`
}

/** The verdict's headline, its detail, and each fix as a command to run, indented under a label. */
export function verdictLines(verdict: SignInVerdict, user: FixFor, indent: string): string[] {
  const [name, phone] = [shellArg(user.username), shellArg(user.phone ?? 'PHONE')]
  // What stops a sign-in is fixed; where they can sign in, the same actions are only what else may be done.
  const first = verdict.canSignIn ? 'Also: ' : 'Fix:  '
  const fixes = verdict.fixes.map((fix, i) => `${indent}${i ? '   or ' : first}tier-admin ${FIX_COMMANDS[fix](name, phone)}`)
  return [verdict.headline, ...(verdict.detail ? [`${indent}${verdict.detail}`] : []), ...fixes]
}

/** "authenticator app (preferred), text message", or "none". */
export function mfaWords(mfa: UserMfa | undefined): string {
  if (!mfa?.enabled.length) return 'none'
  return mfa.enabled.map((method) => `${MFA_METHOD_WORDS[method]}${method === mfa.preferred ? ' (preferred)' : ''}`).join(', ')
}

const POOL_MFA: Record<PoolSecurity['mfaConfiguration'], string> = {
  OFF: 'off (no one is asked for a second factor)',
  OPTIONAL: 'optional (asked of users who turned a method on)',
  ON: 'required (every user signs in with a second factor)'
}

export function formatMfa(username: string, mfa: UserMfa | undefined, pool: Pick<PoolSecurity, 'mfaConfiguration' | 'mfaMethods'>): string {
  const offered = pool.mfaMethods.map((method) => MFA_METHOD_WORDS[method]).join(', ') || 'no method'
  return [
    `MFA methods of ${username}: ${mfaWords(mfa)}`,
    `The pool's MFA: ${POOL_MFA[pool.mfaConfiguration]}${pool.mfaConfiguration === 'OFF' ? '' : `, offering ${offered}`}`
  ].join('\n')
}

/** "Google (id 1234, primary, linked 2024-01-01)", one per line. */
export function identityLines(identities: LinkedIdentity[]): string[] {
  return identities.map(
    (identity) =>
      `${identity.providerName} (${identity.providerType}), user id ${identity.userId}${identity.primary ? ', primary' : ''}${identity.dateCreated ? `, linked ${identity.dateCreated}` : ''}`
  )
}

export function formatDevices(username: string, devices: UserDevice[]): string {
  if (!devices.length) return `${username} has no remembered or tracked devices.`
  return formatTable(
    ['DEVICE KEY', 'NAME', 'REMEMBERED', 'LAST SIGN-IN', 'LAST IP', 'FIRST SEEN'],
    devices.map((d) => [d.key, d.name ?? '-', d.remembered ? 'yes' : 'no', d.lastAuthenticatedAt ?? '-', d.lastIp ?? '-', d.createdAt ?? '-'])
  )
}

export function formatEvents(username: string, events: SignInEvent[]): string {
  if (!events.length) return `No sign-in events are recorded for ${username}.`
  return formatTable(
    ['TIME', 'EVENT ID', 'TYPE', 'OUTCOME', 'RISK', 'FROM', 'CHALLENGES', 'FEEDBACK'],
    events.map((e) => [e.at, e.id, e.type, e.outcome, riskWords(e.risk), whereFrom(e.where), e.challenges.join(', ') || '-', e.feedback ?? '-'])
  )
}

function riskWords(risk: SignInEvent['risk']): string {
  const words = [risk.decision, risk.level].filter(Boolean).join(' ') || '-'
  return risk.compromisedCredentials ? `${words}, compromised credentials` : words
}

function whereFrom(where: SignInEvent['where']): string {
  const place = [where.city, where.country].filter(Boolean).join(', ')
  return [where.ip, place && `(${place})`, where.device && `on ${where.device}`].filter(Boolean).join(' ') || '-'
}
