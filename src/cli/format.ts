import type { AccountActionResult, ConnectionInfo, OutboxMessage, PoolInfo, RegisterResult, StatsFigures, TierMembersPage, UserDetail } from '../shared/domain'
import { shownValue } from '../shared/display'
import { tierLabel } from '../shared/tiers'
import { accountStatusWord, statusMeaning } from '../shared/userStatus'
import { identityLines, mfaWords, verdictLines } from './supportFormat'

const LABEL = 16

/** One user as `get` shows them: who, the status in the app's words, how they are reached, and whether they can sign in. */
export function formatUser(user: UserDetail): string {
  const row = (label: string, value: string) => `${`${label}:`.padEnd(LABEL)}${value}`
  const indent = ' '.repeat(LABEL)
  const meaning = user.enabled ? statusMeaning(user.status) : undefined
  const lines = [
    row('Username', user.username),
    row('Sub', user.sub),
    row('Status', `${accountStatusWord(user)}${meaning ? ` (${user.status}: ${meaning})` : ` (${user.status})`}`),
    row('Enabled', user.enabled ? 'yes' : 'no'),
    row('Email', contact(user.email, user.emailVerified)),
    row('Phone', contact(user.phone, user.phoneVerified)),
    row('Tier', tierLabel(user.tier)),
    ...(user.mfa ? [row('MFA', mfaWords(user.mfa))] : []),
    ...(user.verdict ? verdictLines(user.verdict, user, indent).map((line, i) => (i ? line : row('Sign-in', line))) : []),
    ...identityLines(user.identities).map((line, i) => (i ? `${indent}${line}` : row('Linked', line))),
    row('Created', user.createdAt ?? '-'),
    row('Modified', user.modifiedAt ?? '-'),
    'Attributes:'
  ]
  for (const attribute of user.attributes) lines.push(`  ${attribute.name} = ${attribute.value}`)
  return lines.join('\n')
}

function contact(value: string | null, verified: boolean): string {
  return value ? `${value} (${verified ? 'verified' : 'not verified'})` : '(none)'
}

/** One user on one line: username, email, the status in the app's words (disabled folded in), tier. */
export function formatUserRow(user: UserDetail): string {
  return [shownValue(user.username), user.email ?? '-', accountStatusWord(user), tierLabel(user.tier)].join('\t')
}

/** What an account action did; when reading the user back failed, why the view may be behind. */
export function formatAction(result: AccountActionResult): string {
  return result.refreshError ? `${result.message}\n${result.refreshError.message}` : result.message
}

export function formatRegistered(result: RegisterResult): string {
  const where = result.delivery
    ? `A confirmation code was sent by ${result.delivery.medium.toLowerCase()} to ${result.delivery.destination}.`
    : 'No confirmation code was sent.'
  return [
    `Registered ${result.username} on the ${result.tier} tier${result.taken ? ` (${result.taken})` : ''} (sub ${result.userSub}).`,
    result.confirmed ? 'The user is already confirmed.' : where
  ].join('\n')
}

export function formatOutbox(messages: OutboxMessage[]): string {
  if (!messages.length) return 'The sandbox outbox is empty.'
  return messages.map((m) => [m.at, m.username, m.destination, m.code, m.reason, m.state ?? 'current'].join('\t')).join('\n')
}

export function formatFigures(figures: StatsFigures): string {
  const share = (n: number) => (figures.total ? ` (${((100 * n) / figures.total).toFixed(1)}%)` : '')
  const lines = [
    `Total users:    ${figures.total}`,
    `standard:       ${figures.tiers.standard}${share(figures.tiers.standard)}`,
    `premium:        ${figures.tiers.premium}${share(figures.tiers.premium)}`,
    `no tier:        ${figures.tiers.none}${share(figures.tiers.none)}`
  ]
  // Quoted when it has spaces: " premium" is not "premium", and the listing must show which.
  for (const [value, count] of Object.entries(figures.tiers.invalid)) lines.push(`invalid: ${shownValue(value)} = ${count}${share(count)}`)
  lines.push(`Enabled:        ${figures.enabled}`, `Disabled:       ${figures.disabled}`, 'By status:')
  for (const [status, count] of Object.entries(figures.statuses)) lines.push(`  ${shownValue(status)} = ${count}`)
  if (figures.weekly.length) {
    lines.push('Sign-ups by week (Monday, UTC):   standard  premium  no tier  invalid')
    for (const week of figures.weekly) {
      const cells = [week.standard, week.premium, week.none, week.invalid].map((count, i) => String(count).padStart([8, 9, 9, 9][i]))
      lines.push(`  ${week.week}${' '.repeat(22)}${cells.join('')}`)
    }
  }
  return lines.join('\n')
}

export function formatMembers(page: TierMembersPage): string {
  return page.members.map((m) => [shownValue(m.username), m.email ?? '-', m.tierValue ? shownValue(m.tierValue) : '(none)'].join('\t')).join('\n')
}

export function formatPool(connection: ConnectionInfo, pool: PoolInfo): string {
  const policy = pool.passwordPolicy
  const rules = [
    `at least ${policy.minimumLength} characters`,
    ...(policy.requireUppercase ? ['upper case'] : []),
    ...(policy.requireLowercase ? ['lower case'] : []),
    ...(policy.requireNumbers ? ['a number'] : []),
    ...(policy.requireSymbols ? ['a symbol'] : [])
  ]
  return [
    `Pool:           ${pool.poolName} (${connection.userPoolId})${connection.mode === 'sandbox' ? ' - SANDBOX' : ''}`,
    `Region:         ${connection.region}${connection.endpoint ? ` at ${connection.endpoint}` : ''}`,
    `App client:     ${connection.clientId} (${connection.hasClientSecret ? 'client secret configured' : 'no client secret'})`,
    `Users:          about ${pool.estimatedUsers ?? '?'} (Cognito's estimate)`,
    `Tier attribute: ${pool.hasTierAttribute ? 'custom:user_tier present' : 'MISSING custom:user_tier'}`,
    `Custom attrs:   ${pool.customAttributes.join(', ') || '(none)'}`,
    `Passwords:      ${rules.join(', ')}`
  ].join('\n')
}

/** How the takes-effect sentence names signing a user out, in the CLI. */
export const CLI_SIGN_OUT = '"tier-admin sign-out USERNAME"'
