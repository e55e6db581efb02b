/** `audit`: the writes in this computer's audit trail, filtered as on the Audit screen, as a table, CSV or JSON. */
import { ACTION_GROUPS, AUDIT_OUTCOMES, isIsoDay, type AuditFilter, type AuditRow } from '../shared/audit'
import { COGNITO_COMMANDS } from '../main/cognito/commands'
import { UsageError, type Values } from './cliIo'
import { json, type Command } from './command'

/** An action group, or one of the writes the gateway audits (the trail holds no other). */
const ACTIONS = [
  ...Object.keys(ACTION_GROUPS),
  ...Object.entries(COGNITO_COMMANDS)
    .filter(([, facts]) => facts.writes)
    .map(([operation]) => operation)
]

/** Rows printed when --limit is not given: a screenful of the newest. */
const DEFAULT_LIMIT = 50
const MAX_LIMIT = 100_000
/** The contract's largest page. */
const PAGE = 500

export const audit: Command = {
  summary: "Every write this computer's app and CLI sent to Cognito, newest first, from the audit trail",
  usage: 'audit [--since DATE] [--until DATE] [--user NAME] [--action NAME] [--outcome X] [--reason-contains TEXT] [--limit N] [--csv | --json]',
  exclusive: [['csv', 'json']],
  options: {
    since: { type: 'string', description: 'From this day on (YYYY-MM-DD, UTC)' },
    until: { type: 'string', description: 'Up to and including this day (YYYY-MM-DD, UTC)' },
    user: { type: 'string', description: 'Writes to users whose name contains this (any case)' },
    action: { type: 'string', choices: ACTIONS, description: `${Object.keys(ACTION_GROUPS).join(', ')}, or one write such as AdminDisableUser` },
    outcome: { type: 'string', choices: AUDIT_OUTCOMES, description: AUDIT_OUTCOMES.join(', ') },
    // Not --reason: that is the global option every write takes.
    'reason-contains': { type: 'string', description: 'Writes whose ticket or reason contains this (any case)' },
    limit: { type: 'string', description: `At most this many rows (default ${DEFAULT_LIMIT}; every match with --csv)` },
    csv: { type: 'boolean', description: 'Print as CSV' },
    json
  },
  check: (values) => {
    for (const flag of ['since', 'until'] as const) {
      const value = values[flag] as string | undefined
      if (value !== undefined && !isIsoDay(value)) throw new UsageError(`--${flag} must be a date as YYYY-MM-DD, e.g. 2026-11-01 (got "${value}").`)
    }
    if (values.limit !== undefined && limitOf(values) === null)
      throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT} (got "${String(values.limit)}").`)
  },
  run: async ({ values, call, print }) => {
    const filter = filterOf(values)
    // Straight from the trail in one streamed read, to standard output: paging would hold every row first.
    if (values.csv) return (await call('auditExport', { ...filter, ...(values.limit === undefined ? {} : { limit: limitOf(values) }) })) ? 0 : 1
    const limit = limitOf(values) ?? DEFAULT_LIMIT
    const rows: AuditRow[] = []
    let total = 0
    do {
      const page = await call('auditQuery', { ...filter, offset: rows.length, limit: Math.min(PAGE, limit - rows.length) })
      if (!page) return 1
      total = page.total
      rows.push(...page.rows)
      if (!page.rows.length) break
    } while (rows.length < Math.min(limit, total))
    print({ total, rows }, formatRows(rows, total))
    return 0
  }
}

function filterOf(values: Values): AuditFilter {
  const pick = (name: string) => (values[name] as string | undefined) || undefined
  const filter: AuditFilter = {
    user: pick('user'),
    action: pick('action'),
    from: pick('since'),
    to: pick('until'),
    outcome: pick('outcome') as AuditFilter['outcome'],
    reason: pick('reason-contains')
  }
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined))
}

function limitOf(values: Values): number | null {
  const text = values.limit as string | undefined
  if (text === undefined) return null
  const limit = /^\d+$/.test(text) ? Number(text) : NaN
  return limit >= 1 && limit <= MAX_LIMIT ? limit : null
}

function formatRows(rows: AuditRow[], total: number): string {
  if (!rows.length) return 'No write in the audit trail matches.'
  const lines = rows.map((row) =>
    [
      row.at,
      row.osUser ?? '-',
      row.identity ?? '-',
      row.userPoolId,
      row.username ?? '-',
      row.summary,
      row.before || row.after ? `${row.before ?? '-'} → ${row.after ?? '-'}` : '-',
      row.outcome + (row.errorName ? ` (${row.errorName})` : ''),
      row.reason ?? '-'
    ].join('\t')
  )
  const header = ['time', 'os user', 'aws identity', 'pool', 'user', 'action', 'before → after', 'outcome', 'reason'].join('\t')
  const more = total > rows.length ? [`(${rows.length} of ${total}; --limit shows more)`] : []
  return [header, ...lines, ...more].join('\n')
}
