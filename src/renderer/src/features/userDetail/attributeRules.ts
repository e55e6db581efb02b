/**
 * What an administrator may write into each of the user's attributes, read from the pool's schema
 * (type, length, mutability) plus Cognito's own formats for email and phone numbers, so a bad value
 * is said beside its field before anything is sent. Main checks again; this is for the operator.
 */
import type { PoolInfo } from '../../../../shared/domain'
import type { AttributeSchema, PoolSecurity } from '../../../../shared/support'
import { TIER_ATTRIBUTE } from '../../../../shared/tiers'

/** Set by Cognito or changed elsewhere on the page, never here, and why. */
const NOT_HERE: Record<string, string> = {
  sub: 'The sub is Cognito’s own id for this user; it never changes.',
  identities: 'Linked sign-ins change on the Linked identities tab.',
  [TIER_ATTRIBUTE]: 'The tier is changed on the Tier tab, which checks nobody changed it meanwhile.'
}

export const ADDRESS_ATTRIBUTES = ['email', 'phone_number'] as const
export type AddressAttribute = (typeof ADDRESS_ATTRIBUTES)[number]
export const isAddress = (name: string): name is AddressAttribute => (ADDRESS_ATTRIBUTES as readonly string[]).includes(name)

export function schemaOf(name: string, pool: PoolInfo | null): AttributeSchema | undefined {
  return pool?.schema?.find((attribute) => attribute.name === name)
}

/** Why this attribute cannot be changed from the page; null when it can. */
export function whyNotEditable(name: string, pool: PoolInfo | null): string | null {
  if (NOT_HERE[name]) return NOT_HERE[name]
  if (!pool?.schema) return null
  const schema = schemaOf(name, pool)
  if (!schema) return `This pool’s schema has no ${name}, so it cannot be written.`
  if (!schema.mutable) return `${name} is set when the user is created and cannot be changed on this pool.`
  return null
}

/** Why this attribute cannot be removed; null when it can. */
export function whyNotRemovable(name: string, pool: PoolInfo | null): string | null {
  const notEditable = whyNotEditable(name, pool)
  if (notEditable) return notEditable
  if (name.endsWith('_verified')) return null
  if (schemaOf(name, pool)?.required) return `The pool requires ${name}: change it rather than remove it.`
  return null
}

const E164 = /^\+[1-9]\d{4,14}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** What is wrong with a new value, in the field's words; null when it may be sent. */
export function valueProblem(name: string, value: string, pool: PoolInfo | null): string | null {
  if (value === '') return 'Type a value (to clear the attribute, remove it instead)'
  if (value !== value.trim()) return 'Remove the spaces at the start or end'
  if (name === 'phone_number' && !E164.test(value)) return 'A phone number is written +, country code, number, digits only: +447700900123'
  if (name === 'email' && !EMAIL.test(value)) return 'Not an email address: name@example.com'
  if (name.endsWith('_verified') && value !== 'true' && value !== 'false') return 'Type true or false'
  const schema = schemaOf(name, pool)
  if (!schema) return null
  if (schema.type === 'Boolean' && value !== 'true' && value !== 'false') return 'Type true or false'
  if (schema.type === 'Number') {
    if (!/^-?\d+$/.test(value)) return 'Type a whole number'
    const number = Number(value)
    if (schema.minValue !== undefined && number < schema.minValue) return `At least ${schema.minValue} on this pool`
    if (schema.maxValue !== undefined && number > schema.maxValue) return `At most ${schema.maxValue} on this pool`
  }
  if (schema.type === 'String') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return `At least ${schema.minLength} characters on this pool`
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `At most ${schema.maxLength} characters on this pool`
  }
  return null
}

/** What happens when an email address or phone number changes on this pool, said before the change is made. */
export function addressChangeWords(name: AddressAttribute, security: PoolSecurity | undefined, markVerified: boolean): string {
  const what = name === 'email' ? 'address' : 'number'
  if (markVerified) return `Marked verified: Cognito sends no code, and the new ${what} is used at once for sign-in and codes.`
  if (!security) return `Whether Cognito sends a code to the new ${what} depends on the pool’s settings, which could not be read.`
  const sendsCode = security.autoVerifiedAttributes.includes(name)
  const keepsOld = security.keepOriginalUntilVerified.includes(name)
  if (sendsCode && keepsOld) return `Cognito sends a code to the new ${what}. Until they enter it, the old ${what} stays in use for sign-in and messages.`
  if (sendsCode) return `Cognito sends a code to the new ${what}. It replaces the old one at once, unverified until they enter the code.`
  return `This pool does not verify ${name === 'email' ? 'email addresses' : 'phone numbers'} by code: the new ${what} is saved unverified. Mark it verified if you checked it another way.`
}
