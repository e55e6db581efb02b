/**
 * The summary an operator pastes into a ticket: the pool, the account's status and sign-in verdict,
 * the tier, groups, email and phone with whether each is verified, and the last changes from the
 * audit trail with their reasons. Plain text and Markdown, made here once so the app's "Copy summary"
 * and `tier-admin summary` say the same. It is built from the user page's own read (readUserPage)
 * and holds only what that page shows: never a password, code, secret or token.
 */
import type { GroupInfo, HistoryEntry, UserDetail } from '../../shared/domain'
import { formatDay } from '../../shared/signInVerdict'
import type { TicketSummary } from '../../shared/support'
import { tierLabel } from '../../shared/tiers'
import { returnSentence, type PendingReturn } from '../../shared/tierReturns'
import { accountStatusWord, statusMeaning } from '../../shared/userStatus'
import { userHistory } from '../audit/userHistory'
import type { ServiceDeps } from '../app/deps'
import { userGroups } from '../users/groups'
import { readUserPage } from './userPage'

/** How many of the history's entries a summary lists, newest first. */
export const SUMMARY_CHANGES = 5

export interface SummaryInput {
  pool: { profileName: string; region: string; userPoolId: string }
  user: UserDetail
  groups: readonly GroupInfo[]
  /** The user's history, newest first; only the first SUMMARY_CHANGES are listed. */
  history: readonly HistoryEntry[]
  /** The user's pending tier return, when one is scheduled: printed only then. */
  pendingReturn?: PendingReturn | null
  /** When the summary was made (ISO). */
  at: string
}

const OUTCOME_WORDS: Record<HistoryEntry['outcome'], string> = {
  ok: 'done',
  failed: 'failed',
  unknown: 'outcome unknown',
  pending: 'no answer recorded'
}

/** One line whatever the value held: a newline in a reason must not start a line of its own in the ticket. */
const oneLine = (value: string): string => value.replace(/\s+/gu, ' ').trim()

/** "3 Dec 2026 10:12 UTC": tickets are read in every time zone. */
function stamp(iso: string): string {
  return `${formatDay(iso)} ${new Date(iso).toISOString().slice(11, 16)} UTC`
}

interface Fact {
  label: string
  value: string
}

function facts(input: SummaryInput): Fact[] {
  const { user, pool } = input
  const meaning = user.enabled ? statusMeaning(user.status) : undefined
  const verdict = user.verdict ? oneLine([user.verdict.headline, user.verdict.detail].filter(Boolean).join('. ')) : 'not worked out'
  const contact = (value: string | null, verified: boolean) => (value ? `${value} (${verified ? 'verified' : 'not verified'})` : 'none')
  return [
    { label: 'Pool', value: `${pool.profileName} (${pool.region} / ${pool.userPoolId})` },
    { label: 'Username', value: user.username },
    { label: 'Status', value: meaning ? `${accountStatusWord(user)}: ${meaning}` : accountStatusWord(user) },
    { label: 'Sign-in', value: verdict },
    { label: 'Tier', value: tierLabel(user.tier) },
    ...(input.pendingReturn ? [{ label: 'Pending return', value: returnSentence(input.pendingReturn) }] : []),
    { label: 'Groups', value: input.groups.length ? input.groups.map((group) => group.name).join(', ') : 'none' },
    { label: 'Email', value: contact(user.email, user.emailVerified) },
    { label: 'Phone', value: contact(user.phone, user.phoneVerified) }
  ].map((fact) => ({ label: fact.label, value: oneLine(fact.value) }))
}

function changes(input: SummaryInput): { when: string; what: string; outcome: string; reason?: string }[] {
  return input.history.slice(0, SUMMARY_CHANGES).map((entry) => ({
    when: stamp(entry.at),
    what: oneLine(entry.summary),
    outcome: entry.outcome === 'failed' && entry.errorName ? `failed (${entry.errorName})` : OUTCOME_WORDS[entry.outcome],
    ...(entry.reason ? { reason: oneLine(entry.reason) } : {})
  }))
}

export function summaryText(input: SummaryInput): string {
  const width = Math.max(...facts(input).map((fact) => fact.label.length)) + 1
  const lines = [`Tier Admin summary, ${stamp(input.at)}`, ...facts(input).map((fact) => `${`${fact.label}:`.padEnd(width)} ${fact.value}`), '']
  const listed = changes(input)
  lines.push(listed.length ? `Last ${listed.length === 1 ? 'change' : `${listed.length} changes`} (newest first):` : 'No changes made through Tier Admin.')
  for (const change of listed) lines.push(`- ${change.when}  ${change.what} (${change.outcome})${change.reason ? `  Reason: ${change.reason}` : ''}`)
  return lines.join('\n')
}

/**
 * Markdown's inline characters in a value, escaped so a username like "*jane*" reads as typed. Block
 * characters (#, -, +) matter only at a line's start, where a value never stands.
 */
const md = (value: string): string => value.replace(/[\\`*_[\]<>|~]/g, '\\$&')

export function summaryMarkdown(input: SummaryInput): string {
  const lines = [`**Tier Admin summary**, ${md(stamp(input.at))}`, '', ...facts(input).map((fact) => `- **${fact.label}:** ${md(fact.value)}`), '']
  const listed = changes(input)
  lines.push(
    listed.length ? `**Last ${listed.length === 1 ? 'change' : `${listed.length} changes`}** (newest first):` : '_No changes made through Tier Admin._'
  )
  if (listed.length) lines.push('')
  for (const change of listed) {
    lines.push(`- ${md(change.when)}: ${md(change.what)} (${md(change.outcome)})${change.reason ? `. Reason: ${md(change.reason)}` : ''}`)
  }
  return lines.join('\n')
}

/** The user read as their page reads them, their groups and history, made into both forms. */
export async function readTicketSummary(
  deps: Pick<ServiceDeps, 'gateway' | 'schema' | 'connection'>,
  profileName: string,
  username: string,
  /** The user's pending return (null when none, or the profile makes no returns). */
  findReturn: (username: string) => Promise<PendingReturn | null> = async () => null,
  now: Date = new Date()
): Promise<TicketSummary> {
  const { gateway, connection } = deps
  const [user, groups, history, pendingReturn] = await Promise.all([
    readUserPage(deps, username),
    userGroups(gateway, username),
    userHistory(connection.audit, gateway.userPoolId, username),
    findReturn(username)
  ])
  const input: SummaryInput = {
    pool: { profileName, region: connection.info.region, userPoolId: gateway.userPoolId },
    user,
    groups: groups.member,
    history,
    pendingReturn,
    at: now.toISOString()
  }
  return { username: user.username, text: summaryText(input), markdown: summaryMarkdown(input) }
}
