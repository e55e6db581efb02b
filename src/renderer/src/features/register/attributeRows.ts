/**
 * The Register form's extra-attribute rows: what each row means and what is wrong with it. A row is
 * refused rather than dropped whenever the operator typed something into it, so nothing they typed
 * silently fails to reach the pool.
 */
import { addCustomAttributeSteps } from '../../../../shared/attributeAdvice'
import { attributeNameInPool, bareAttributeName, customAttributeName, isCustomName } from '../../../../shared/attributeNames'
import { schemas } from '../../../../shared/contractSchemas'
import type { PoolInfo } from '../../../../shared/domain'
import { TIER_ATTRIBUTE } from '../../../../shared/tiers'

export interface AttributeRow {
  key: number
  name: string
  value: string
}

let nextKey = 1

export function newAttributeRow(): AttributeRow {
  return { key: nextKey++, name: '', value: '' }
}

/** A name Cognito defines for every pool (given_name, locale …): sent as typed, not as custom:…. */
export function isStandardAttribute(name: string, pool: Pick<PoolInfo, 'attributeNames'> | null): boolean {
  const trimmed = name.trim()
  return !!pool && !isCustomName(trimmed) && trimmed !== '' && pool.attributeNames.includes(trimmed)
}

/** The attribute's name as the pool knows it: "company" → "custom:company", "given_name" stays. */
export function poolAttributeName(name: string, pool: Pick<PoolInfo, 'attributeNames'> | null): string {
  return attributeNameInPool(name, (typed) => isStandardAttribute(typed, pool))
}

const isEmpty = (row: AttributeRow): boolean => row.name.trim() === '' && row.value.trim() === ''

/**
 * Why each row cannot be sent, by row key. `submitted`: the operator tried to register, so a value
 * still waiting for its name is an error rather than work in progress.
 */
export function attributeRowProblems(rows: AttributeRow[], pool: PoolInfo | null, submitted: boolean): Map<number, string> {
  const problems = new Map<number, string>()
  const seen = new Set<string>()
  for (const row of rows) {
    if (isEmpty(row)) continue
    const problem = nameProblem(row, pool, submitted) ?? valueProblem(row)
    if (problem) {
      problems.set(row.key, problem)
      continue
    }
    const name = poolAttributeName(row.name, pool)
    if (seen.has(name)) problems.set(row.key, `${name} is already in a row above: keep one of them`)
    seen.add(name)
  }
  return problems
}

function valueProblem(row: AttributeRow): string | null {
  const parsed = schemas.register.shape.attributes.unwrap().valueType.safeParse(row.value)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This value is too long')
}

function nameProblem(row: AttributeRow, pool: PoolInfo | null, submitted: boolean): string | null {
  if (row.name.trim() === '') return submitted ? 'Type the attribute name for this value, or remove the row' : null
  const parsed = schemas.register.shape.attributes.unwrap().keyType.safeParse(row.name)
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a valid attribute name'
  const bare = bareAttributeName(row.name)
  if (customAttributeName(bare) === TIER_ATTRIBUTE) return 'Set the tier with the Tier field above'
  if (bare === 'email' || bare === 'email_verified') return 'Set the email with the Email field above'
  if (isStandardAttribute(row.name, pool)) return null
  if (pool && !pool.customAttributes.includes(bare)) {
    return `The pool has no attribute ${customAttributeName(bare)}. Add it (${addCustomAttributeSteps(bare)}) or remove this row.`
  }
  return null
}

/** The rows as the register request's attributes: names as typed (the main process adds "custom:"), empty rows left out. */
export function attributesOf(rows: AttributeRow[]): Record<string, string> | undefined {
  const filled = rows.filter((row) => !isEmpty(row))
  return filled.length ? Object.fromEntries(filled.map((row) => [row.name.trim(), row.value])) : undefined
}
