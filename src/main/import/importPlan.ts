/**
 * The preview of an import: every row checked before anything is sent, each bad row marked with what
 * is wrong in the operator's terms (the column and the value). The checks that need the pool use its
 * description (password policy, schema, sign-in aliases) and, for rows otherwise good, one AdminGetUser
 * each, side by side under the UserRead limiter, to find usernames already taken.
 */
import { customAttributeName } from '../../shared/attributeNames'
import { schemas } from '../../shared/contractSchemas'
import type { PoolInfo } from '../../shared/domain'
import type { ImportPlanRow, ImportProblem } from '../../shared/importing'
import { unmetPasswordRules } from '../../shared/passwordPolicy'
import { TIER_ATTRIBUTE, tierFromInput, TIERS } from '../../shared/tiers'
import { nameOf, type CognitoGateway } from '../cognito/gateway'
import { attributeNameInPool } from '../../shared/attributeNames'
import { STANDARD_ATTRIBUTES } from '../registration/attributes'
import { getUser } from '../users/users'
import { runWorkers } from '../jobs/workerPool'
import type { CsvRow, ImportFile } from './importCsv'
import { PREVIEW_READ_CONCURRENCY, PreviewReadsInFlight } from '../cognito/quotas'

/** Cognito's limit on an attribute's value. */
const MAX_ATTRIBUTE_LENGTH = 2048

export interface PlanSettings {
  file: ImportFile
  pool: PoolInfo
  gateway: CognitoGateway
  signal: AbortSignal
  /** Usernames (lower-cased) an earlier import of this file created, with that import's date. */
  createdEarlier: Map<string, string>
}

class RowProblem extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly reason: string
  ) {
    super(reason)
  }
}

export async function planImport(settings: PlanSettings): Promise<ImportPlanRow[]> {
  const { file, pool } = settings
  const seenUsernames = new Map<string, CsvRow>()
  const seenEmails = new Map<string, CsvRow>()
  const emailSignsIn = pool.aliasAttributes.includes('email') || pool.usernameAttributes.includes('email')
  const plan = file.rows.map((csv): ImportPlanRow => {
    const cells = csv.cells
    const username = (cells.username ?? '').trim()
    const email = (cells.email ?? '').trim()
    const tierCell = cells.tier ?? ''
    const base = {
      row: csv.row,
      line: csv.line,
      username,
      email,
      tier: tierFromInput(tierCell) ?? (tierCell.trim() || 'standard'),
      attributes: [],
      hasPassword: (cells.password ?? '') !== ''
    }
    try {
      const row: ImportPlanRow = { ...base, attributes: checkRow(csv, pool, file.attributeColumns), action: 'create' }
      const sameName = seenUsernames.get(username.toLowerCase())
      if (sameName) throw new RowProblem('duplicate', `The same username as line ${sameName.line}`)
      const sameEmail = emailSignsIn ? seenEmails.get(email.toLowerCase()) : undefined
      if (sameEmail) throw new RowProblem('duplicate', `The same email as line ${sameEmail.line}, and people sign in with their email in this pool`)
      seenUsernames.set(username.toLowerCase(), csv)
      seenEmails.set(email.toLowerCase(), csv)
      return row
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error
      return { ...base, action: 'skip', problem: error.problem, reason: error.reason }
    }
  })
  await markExisting(plan, settings)
  return plan
}

/** The row's own checks, in the order an operator fixes a spreadsheet; its attributes by Cognito name. */
function checkRow(csv: CsvRow, pool: PoolInfo, attributeColumns: string[]): ImportPlanRow['attributes'] {
  const cells = csv.cells
  const username = schemas.username.safeParse(cells.username ?? '')
  if (!username.success) throw new RowProblem('username', `username: ${username.error.issues[0]?.message ?? 'not a username'}`)
  if (pool.aliasAttributes.includes('email') && /^[^@\s]+@[^@\s]+$/.test(username.data)) {
    throw new RowProblem('username', 'username: cannot be an email address in this pool, where people sign in with their email too')
  }
  const email = schemas.email.safeParse(cells.email ?? '')
  if (!email.success) throw new RowProblem('email', `email: ${email.error.issues[0]?.message ?? 'not an email address'} (got "${clip(cells.email ?? '')}")`)
  const tier = cells.tier ?? ''
  if (tier.trim() !== '' && !tierFromInput(tier))
    throw new RowProblem('tier', `tier: "${clip(cells.tier ?? '')}" is not a tier; use ${TIERS.join(' or ')} (empty means standard)`)
  const password = cells.password ?? ''
  if (password !== '') {
    const shape = schemas.password.safeParse(password)
    if (!shape.success) throw new RowProblem('password', `password: ${shape.error.issues[0]?.message ?? 'not accepted'}`)
    const unmet = unmetPasswordRules(password, pool.passwordPolicy)
    if (unmet.length) throw new RowProblem('password', `password: weaker than the pool's policy; it needs ${unmet.join(', ')}`)
  }
  const attributes: ImportPlanRow['attributes'] = []
  for (const column of attributeColumns) {
    const value = cells[column] ?? ''
    if (value === '') continue
    const name = attributeNameInPool(column, (typed) => STANDARD_ATTRIBUTES.has(typed))
    if (name === TIER_ATTRIBUTE) throw new RowProblem('attribute', `${column}: give the tier in the tier column`)
    if (name === customAttributeName('email') || name === customAttributeName('email_verified')) {
      throw new RowProblem('attribute', `${column}: the email goes in the email column`)
    }
    if (!pool.attributeNames.includes(name)) throw new RowProblem('attribute', `${column}: the pool has no attribute ${name}`)
    if (value.length > MAX_ATTRIBUTE_LENGTH) throw new RowProblem('attribute', `${column}: longer than Cognito's ${MAX_ATTRIBUTE_LENGTH} characters`)
    attributes.push({ name, value })
  }
  return attributes
}

/** Rows otherwise good whose username the pool already has: skipped, naming the import that made them when it was this file's. */
async function markExisting(plan: ImportPlanRow[], settings: PlanSettings): Promise<void> {
  const toRead = plan.filter((row) => row.action === 'create')
  const inFlight = new PreviewReadsInFlight(settings.gateway.limiters.get('UserRead'))
  await runWorkers({
    items: toRead.map((_, i) => String(i)),
    concurrency: PREVIEW_READ_CONCURRENCY,
    wanted: inFlight.wanted,
    staggerMs: 0,
    signal: settings.signal,
    task: async (item, signal) => {
      const row = toRead[Number(item)]!
      try {
        await getUser(settings.gateway, row.username, { signal, patience: 'long', onAnswered: inFlight.answered })
      } catch (error) {
        if (nameOf(error) === 'UserNotFoundException') return
        throw error
      }
      const earlier = settings.createdEarlier.get(row.username.toLowerCase())
      Object.assign(row, {
        action: 'skip',
        problem: 'exists',
        reason: earlier ? `Already in the pool: created by the import of ${earlier}` : 'Already in the pool'
      })
    }
  })
}

const clip = (value: string): string => (value.length > 40 ? `${value.slice(0, 40)}…` : value)
