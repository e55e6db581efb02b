/** The CLI commands that read (and may read many pages): pool check, search, tier members, the statistics scan. */
import { TIER_ATTRIBUTE_MISSING } from '../shared/attributeAdvice'
import type { Operation, ResultOf } from '../shared/contract'
import { quoted } from '../shared/display'
import { SEARCH_FIELDS } from '../shared/searchFields'
import type { AppContext } from '../main/appContext'
import { reportError, UsageError, type CliIo, type Values } from './cliIo'
import { formatFigures, formatPool, formatUserRow } from './format'

export type Call = <K extends Operation>(operation: K, payload: unknown) => Promise<ResultOf<K> | null>
export type Print = (data: unknown, human: string) => void

/** The banner's pool check for scripts: which pool, whether it answers, whether it can hold a tier. */
export async function checkPool(call: Call, print: Print, io: CliIo, asJson: boolean): Promise<number> {
  const status = await call('getConnection', undefined)
  if (!status) return 1
  if (status.state === 'error') {
    reportError(status.error, io, asJson)
    return 1
  }
  const pool = await call('describePool', { refresh: true })
  if (!pool) return 1
  print({ connection: status.info, pool }, formatPool(status.info, pool))
  if (pool.hasTierAttribute) return 0
  io.err(`Error (ATTRIBUTE_NOT_IN_SCHEMA): ${TIER_ATTRIBUTE_MISSING}`)
  return 1
}

/** The CLI prints every page (the UI loads them on demand). */
export async function searchAllPages(prefix: string | undefined, values: Values, call: Call, print: Print): Promise<number> {
  if (!prefix) throw new UsageError('Give the start of a username or email to search for.')
  const by = (values.by as string | undefined) ?? 'username'
  if (!(SEARCH_FIELDS as readonly string[]).includes(by)) throw new UsageError(`--by must be one of: ${SEARCH_FIELDS.join(', ')}.`)
  const match = values.exact ? 'exact' : 'prefix'
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

export async function collectMembers(bucket: string, call: Call) {
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

/** Starts (or resumes) the scan, reports progress on stderr, and prints the final figures. */
export async function runStats(values: Values, io: CliIo, app: AppContext, call: Call, print: Print): Promise<number> {
  const started = await call('startStats', undefined)
  if (!started) return 1
  const stats = app.services().stats
  for (;;) {
    const { progress, last } = await stats.snapshot()
    if (!progress || progress.state !== 'running') {
      if (progress?.state === 'failed' && progress.error) {
        reportError(progress.error, io, values.json === true)
        return 1
      }
      if (!last) return 1
      if (values.csv) {
        const file = await call('statsCsv', { kind: 'figures' })
        if (!file) return 1
        io.out(file.csv.trimEnd())
      } else {
        const mode = last.modeReason ? `${last.mode}: ${last.modeReason}` : last.mode
        print(last, `${formatFigures(last.figures)}\nScanned ${last.figures.total} users in ${(last.durationMs / 1000).toFixed(1)} s (${mode}).`)
      }
      return 0
    }
    if (!values.json && !values.csv)
      io.err(`Scanning: ${progress.users} users, ${progress.partitionsDone}/${progress.partitionsTotal} partitions, ${Math.round(progress.rate)} users/s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
