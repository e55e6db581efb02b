/** The commands that read (and may read many pages): the pool check, search, a tier's members. */
import { TIER_ATTRIBUTE_MISSING } from '../shared/attributeAdvice'
import { quoted } from '../shared/display'
import { TIER_BUCKETS } from '../shared/tiers'
import { allowedMatch, SEARCH_FIELDS, type SearchField } from '../shared/searchFields'
import { reportError, UsageError } from './cliIo'
import { json, type Call, type Command } from './command'
import { formatMembers, formatPool, formatUserRow } from './format'
import { checkCsvOut, csvOut, printStatsCsv } from './statsCsvOutput'

/** The banner's pool check for scripts: which pool, whether it answers, whether it can hold a tier. */
export const pool: Command = {
  summary: 'Show the pool in use and check it answers and carries custom:user_tier (exit 1 if not)',
  usage: 'pool [--json]',
  options: { json },
  run: async ({ io, call, print, asJson }) => {
    const status = await call('getConnection', undefined)
    if (!status) return 1
    if (status.state === 'error') {
      reportError(status.error, io, asJson)
      return 1
    }
    const info = await call('describePool', { refresh: true })
    if (!info) return 1
    print({ connection: status.info, pool: info }, formatPool(status.info, info))
    if (info.hasTierAttribute) return 0
    io.err(`Error (ATTRIBUTE_NOT_IN_SCHEMA): ${TIER_ATTRIBUTE_MISSING}`)
    return 1
  }
}

/** The CLI prints every page (the UI loads them on demand). */
export const search: Command = {
  summary: 'Find users whose username, email or another standard attribute starts with (or is) a value (every page)',
  usage: 'search <value> [--by FIELD] [--exact]',
  positional: 'prefix',
  required: ['prefix'],
  options: {
    by: {
      type: 'string',
      choices: SEARCH_FIELDS,
      description: `${SEARCH_FIELDS.join(', ')} (default username). cognito:user_status is the account status (CONFIRMED, UNCONFIRMED, FORCE_CHANGE_PASSWORD…; any case); status is Enabled or Disabled (as written). Both, and sub, match the whole value`
    },
    exact: { type: 'boolean', description: 'Match the whole value, not its start (sub, status and cognito:user_status always do)' },
    json
  },
  check: (values) => {
    if (values.prefix === '') throw new UsageError('Give the value to search for: tier-admin search <value>.')
    if (values.by === 'status') checkEnabledValue(values.prefix as string)
  },
  run: async ({ values, call, print }) => {
    const prefix = values.prefix as string
    const by = (values.by as string | undefined) ?? 'username'
    const match = allowedMatch(by as SearchField, values.exact ? 'exact' : 'prefix')
    const users = []
    let nextToken: string | undefined
    do {
      const page = await call('searchUsers', { query: prefix, by, match, ...(nextToken ? { nextToken } : {}) })
      if (!page) return 1
      users.push(...page.users)
      nextToken = page.nextToken
    } while (nextToken)
    print(users, users.length ? users.map(formatUserRow).join('\n') : `No user's ${by} ${match === 'exact' ? 'is' : 'starts with'} ${quoted(prefix)}.`)
    return 0
  }
}

export const listTier: Command = {
  summary: 'List the users of a tier from the last finished scan',
  usage: 'list-tier <standard|premium|none|invalid> [--json | --csv [--out FILE]]',
  exclusive: [['csv', 'json']],
  positional: 'tier',
  required: ['tier'],
  options: {
    tier: { type: 'string', choices: TIER_BUCKETS, description: 'The tier' },
    json,
    csv: { type: 'boolean', description: 'Print as CSV' },
    out: csvOut
  },
  check: checkCsvOut,
  run: async (context) => {
    const { values, call, print } = context
    const bucket = values.tier as string
    if (values.csv) return printStatsCsv(context, { kind: 'tier', bucket })
    const members = await collectMembers(bucket, call)
    if (!members) return 1
    print(members, formatMembers(members))
    return 0
  }
}

/** Cognito matches `status` case by case and only as "Enabled" or "Disabled": any other value finds no one. */
function checkEnabledValue(value: string): void {
  if (value === 'Enabled' || value === 'Disabled') return
  const meant = /^(en|dis)abled$/i.test(value) ? ` Did you mean ${value[0].toLowerCase() === 'e' ? 'Enabled' : 'Disabled'}?` : ''
  const other = meant ? '' : ' For the account status (CONFIRMED, UNCONFIRMED…) search --by cognito:user_status.'
  throw new UsageError(`--by status takes Enabled or Disabled, written so (got "${value}").${meant}${other}`)
}

async function collectMembers(bucket: string, call: Call) {
  const first = await call('listTierMembers', { bucket, offset: 0, limit: 1000 })
  if (!first) return null
  const members = [...first.members]
  while (members.length < first.total) {
    const page = await call('listTierMembers', { bucket, offset: members.length, limit: 1000 })
    if (!page) return null
    if (!page.members.length) break
    members.push(...page.members)
  }
  return { members, total: first.total }
}
