/** What is wrong with the Register form as typed, in the words shown under each field. */
import { schemas } from '../../../../shared/contractSchemas'
import type { PoolInfo } from '../../../../shared/domain'
import { unmetPasswordRules } from '../../../../shared/passwordPolicy'
import { poolAttributeName, type AttributeRow } from './attributeRows'
import type { RegisterField, RegisterForm } from './registrationStore'

export const FIELD_LABELS: Record<RegisterField, string> = { username: 'Username', email: 'Email', password: 'Password' }

type Schema = { safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }

function firstProblem(schema: Schema, value: string): string | null {
  const parsed = schema.safeParse(value)
  return parsed.success ? null : (parsed.error?.issues[0]?.message ?? 'Check this field')
}

/** Each field's message, or null when it is fine: the contract's own rules, then the pool's. */
export function registerFieldErrors(form: RegisterForm, pool: PoolInfo | null): Record<RegisterField, string | null> {
  const unmet = pool ? unmetPasswordRules(form.password, pool.passwordPolicy) : []
  const emailAlias = pool?.aliasAttributes.includes('email') && /^[^@\s]+@[^@\s]+$/.test(form.username.trim())
  return {
    username:
      firstProblem(schemas.username, form.username) ?? (emailAlias ? 'This pool signs people in by email too, so a username cannot be an email address' : null),
    email: firstProblem(schemas.email, form.email),
    password: firstProblem(schemas.password, form.password) ?? (unmet.length ? `Needs ${unmet.join(', ')}` : null)
  }
}

/**
 * The main process's messages for attribute rows (keyed "attributes.<name as sent>" or by the pool's
 * name), added to the form's own, so a refusal shows on the row it is about.
 */
export function withServerRowProblems(
  problems: Map<number, string>,
  rows: AttributeRow[],
  fields: Record<string, string> | undefined,
  pool: PoolInfo | null
): Map<number, string> {
  if (!fields) return problems
  const merged = new Map(problems)
  for (const row of rows) {
    const message = fields[`attributes.${row.name.trim()}`] ?? fields[`attributes.${poolAttributeName(row.name, pool)}`]
    if (message && !merged.has(row.key)) merged.set(row.key, message)
  }
  return merged
}
