import { AppError } from '../../shared/errors'
import { TIER_ATTRIBUTE } from '../../shared/tiers'

/** Cognito's standard attributes (OpenID Connect claims): typed bare, they are not custom ones. */
export const STANDARD_ATTRIBUTES = new Set([
  'address',
  'birthdate',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo'
])

/** "company" → "custom:company", "given_name" → "given_name" (a standard attribute); "custom:x" is kept as it is. */
export function customAttributeName(name: string): string {
  const trimmed = name.trim()
  return trimmed.startsWith('custom:') || STANDARD_ATTRIBUTES.has(trimmed) ? trimmed : `custom:${trimmed}`
}

/**
 * The operator's extra attributes as Cognito attribute names. The tier has its own field, and two
 * spellings of one attribute ("company" and "custom:company") would silently overwrite each other,
 * so both are refused.
 */
export function normalizeExtraAttributes(extra: Record<string, string> | undefined): { Name: string; Value: string }[] {
  const seen = new Map<string, string>()
  for (const rawName of Object.keys(extra ?? {})) {
    const name = customAttributeName(rawName)
    if (name === 'custom:email' || name === 'custom:email_verified') {
      throw new AppError('VALIDATION', 'Set the email with {emailField}, not as an extra attribute.', { [`attributes.${rawName}`]: 'Use the Email field' })
    }
    if (name === TIER_ATTRIBUTE) {
      throw new AppError('VALIDATION', 'Set the tier with {tierField}, not as an extra attribute.', { [`attributes.${rawName}`]: 'Use the Tier field' })
    }
    if (seen.has(name)) {
      throw new AppError('VALIDATION', `The attribute ${name} is given twice (as "${seen.get(name)}" and "${rawName}"). Keep one.`, {
        [`attributes.${rawName}`]: 'Given twice'
      })
    }
    seen.set(name, rawName)
  }
  return [...seen.entries()].map(([name, rawName]) => ({ Name: name, Value: (extra ?? {})[rawName] ?? '' }))
}
