/**
 * Tier returns on the command line: `set-tier … --until` grants until a date (its options and their
 * checks are here), `returns` lists the pending ones, `extend-return` moves one, `cancel-return`
 * deletes one. A date without a zone is read in this computer's time zone and sent as UTC.
 */
import { MAX_RETURN_DAYS, MIN_RETURN_LEAD_MS, OUTSIDE_CHANGE_NOTE, returnDate, returnSentence, type PendingReturnsList } from '../shared/tierReturns'
import { tierFromInput, TIERS } from '../shared/tiers'
import { UsageError, type Values } from './cliIo'
import { byUsername, callAndPrint, json, usernameOption, type Command } from './command'
import { formatTable } from './table'

const DAY_MS = 86_400_000
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
const UNTIL_WORDS = "--until takes a date and time such as 2027-01-15T09:00 (this computer's time zone) or 2027-01-15T09:00Z (UTC)"

export const untilOptions = {
  until: {
    type: 'string',
    description: `Give the tier until this date and time, then return to --then (at least a minute ahead, at most ${MAX_RETURN_DAYS} days)`
  },
  then: { type: 'string', description: `The tier to return to at --until: ${TIERS.join(' or ')} (standard when not given)` }
} as const

/** --until as the contract takes it (an ISO instant in UTC); a usage error (exit 2) when it is no date, in the past or too far. */
export function untilInstant(text: string, now = new Date()): string {
  const local = LOCAL.exec(text.trim())
  const at = local
    ? new Date(Number(local[1]), Number(local[2]) - 1, Number(local[3]), Number(local[4]), Number(local[5]), Number(local[6] ?? 0))
    : ZONED.test(text.trim())
      ? new Date(text.trim())
      : null
  if (!at || Number.isNaN(at.getTime()) || (local && at.getDate() !== Number(local[3]))) throw new UsageError(`${UNTIL_WORDS}, not "${text}".`)
  if (at.getTime() - now.getTime() < MIN_RETURN_LEAD_MS) throw new UsageError(`--until must be at least a minute from now (it is ${at.toISOString()} UTC).`)
  if (at.getTime() - now.getTime() > MAX_RETURN_DAYS * DAY_MS) throw new UsageError(`--until must be within ${MAX_RETURN_DAYS} days (two years) from now.`)
  return at.toISOString()
}

/** The checks of --until and --then before the pool opens. */
export function checkUntil(values: Values): void {
  if (values.then !== undefined && values.until === undefined) throw new UsageError('--then needs --until: the date the tier returns.')
  if (typeof values.then === 'string' && !tierFromInput(values.then)) throw new UsageError(`--then takes ${TIERS.join(' or ')}, not "${values.then}".`)
  if (typeof values.until === 'string') untilInstant(values.until)
}

/** --until and --then as request fields (absent when not given). */
export function untilFields(values: Values): Record<string, string> {
  return {
    ...(typeof values.until === 'string' ? { until: untilInstant(values.until) } : {}),
    ...(typeof values.then === 'string' ? { then: values.then } : {})
  }
}

export const returns: Command = {
  summary: 'List the pending tier returns of the pool (soonest first), flagging any whose user no longer has the granted tier',
  usage: 'returns [--json]',
  options: { json },
  run: callAndPrint('listReturns', () => ({}), formatReturns)
}

export const extendReturn: Command = {
  required: ['username', 'until'],
  summary: "Move a user's pending tier return to a new date (and tier, with --then)",
  usage: 'extend-return <username> --until 2027-01-15T09:00 [--then standard]',
  positional: 'username',
  options: { username: usernameOption, ...untilOptions, json },
  check: checkUntil,
  run: callAndPrint(
    'extendReturn',
    (values) => ({ username: values.username, ...untilFields(values) }),
    (pending) => `${pending.username}: ${returnSentence(pending)}.`
  )
}

export const cancelReturn: Command = {
  required: ['username'],
  summary: "Cancel a user's pending tier return (they keep the tier they have)",
  usage: 'cancel-return <username>',
  positional: 'username',
  options: { username: usernameOption, json },
  run: callAndPrint('cancelReturn', byUsername, (result) => result.message)
}

function formatReturns(list: PendingReturnsList): string {
  if (list.returns.length === 0) return `No pending tier returns (schedule group ${list.groupName}).`
  const rows = list.returns.map((r) => [r.username, r.grantedTier, r.returnTier, returnDate(r.at), r.flagged ? 'CHECK' : ''])
  const flagged = list.returns.filter((r) => r.flagged).map((r) => `${r.username}: ${r.flagged}`)
  return [formatTable(['USERNAME', 'GRANTED', 'RETURNS TO', 'AT', 'FLAG'], rows), ...(flagged.length ? ['', ...flagged] : []), '', OUTSIDE_CHANGE_NOTE].join(
    '\n'
  )
}
