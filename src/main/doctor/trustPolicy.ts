/**
 * Whether a role's trust policy lets EventBridge Scheduler assume it for this app's schedule group.
 * IAM returns AssumeRolePolicyDocument URL-encoded (RFC 3986); a statement counts when it allows
 * sts:AssumeRole to the service principal scheduler.amazonaws.com (a string or a list). The two
 * condition keys Scheduler sets are judged against this account and group; others are named, since
 * the doctor cannot know what they ask of a request it does not make.
 */
import { SCHEDULER_SERVICE } from './schedulerPolicies'

interface Statement {
  Effect?: string
  Principal?: unknown
  Action?: string | string[]
  Condition?: Record<string, Record<string, string | string[]>>
}

export type TrustVerdict = { ok: true; detail: string } | { ok: false; detail: string }

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** IAM's wildcards: `*` any run of characters, `?` one, case-sensitive as for ARNs. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`).test(value)
}

const assumes = (statement: Statement): boolean => list(statement.Action).some((action) => ['sts:assumerole', 'sts:*', '*'].includes(action.toLowerCase()))

const namesScheduler = (statement: Statement): boolean => {
  const principal = statement.Principal
  if (principal === '*') return true
  const service = (principal as { Service?: string | string[] } | undefined)?.Service
  return list(service).includes(SCHEDULER_SERVICE)
}

/** The decoded document, or null when it is not JSON (IAM never returns that, but a proxy might mangle it). */
export function decodeTrust(encoded: string): { Statement?: Statement | Statement[] } | null {
  try {
    return JSON.parse(decodeURIComponent(encoded)) as { Statement?: Statement | Statement[] }
  } catch {
    return null
  }
}

/** Judges the statements for Scheduler assuming the role on behalf of `account`'s group `groupArn`. */
export function judgeTrust(encoded: string, account: string, groupArn: string): TrustVerdict {
  const document = decodeTrust(encoded)
  if (!document) return { ok: false, detail: 'Its trust policy could not be read as JSON.' }
  const statements = list(document.Statement).filter((s) => namesScheduler(s) && assumes(s))
  if (statements.some((s) => s.Effect === 'Deny')) return { ok: false, detail: `Its trust policy denies ${SCHEDULER_SERVICE} sts:AssumeRole.` }
  const allowing = statements.filter((s) => s.Effect === 'Allow')
  if (!allowing.length)
    return { ok: false, detail: `Its trust policy does not let ${SCHEDULER_SERVICE} assume it (no Allow of sts:AssumeRole to that service).` }
  const problems: string[] = []
  for (const statement of allowing) {
    const wrong = wrongConditions(statement, account, groupArn)
    if (!wrong.length) return { ok: true, detail: `Its trust policy lets ${SCHEDULER_SERVICE} assume it${conditionNote(statement)}.` }
    problems.push(...wrong)
  }
  return { ok: false, detail: `Its trust policy names ${SCHEDULER_SERVICE}, but ${problems.join('; ')}.` }
}

/** The Scheduler condition keys whose values cannot match this account's group. */
function wrongConditions(statement: Statement, account: string, groupArn: string): string[] {
  const wrong: string[] = []
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      const values = list(value)
      const like = /Like$/.test(operator)
      const fits = (wanted: string) => values.some((v) => (like ? wildcardMatch(v, wanted) : v === wanted))
      if (key.toLowerCase() === 'aws:sourceaccount' && !fits(account)) wrong.push(`its condition aws:SourceAccount is ${values.join(', ')}, not ${account}`)
      if (key.toLowerCase() === 'aws:sourcearn' && !fits(groupArn)) wrong.push(`its condition aws:SourceArn (${values.join(', ')}) does not match ${groupArn}`)
    }
  }
  return wrong
}

function conditionNote(statement: Statement): string {
  const keys = Object.values(statement.Condition ?? {}).flatMap((keys) => Object.keys(keys))
  const other = keys.filter((key) => !['aws:sourceaccount', 'aws:sourcearn'].includes(key.toLowerCase()))
  if (other.length) return ` (with conditions on ${other.join(', ')}, which the doctor cannot judge)`
  return keys.length ? ` for this account's schedule group (${keys.join(', ')})` : ''
}
