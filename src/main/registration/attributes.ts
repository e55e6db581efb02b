import { attributeNameInPool, customAttributeName } from '../../shared/attributeNames'
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

/** The email has its own field, which checks it; typed as an extra attribute it would become a custom one of that name. */
const EMAIL_ATTRIBUTES = new Set(['email', 'email_verified'].map(customAttributeName))

/**
 * The operator's extra attributes as Cognito attribute names. The tier has its own field, and two
 * spellings of one attribute ("company" and "custom:company") would silently overwrite each other,
 * so both are refused.
 */
export function normalizeExtraAttributes(extra: Record<string, string> | undefined): { Name: string; Value: string }[] {
  const seen = new Map<string, string>()
  for (const rawName of Object.keys(extra ?? {})) {
    const name = attributeNameInPool(rawName, (typed) => STANDARD_ATTRIBUTES.has(typed))
    if (EMAIL_ATTRIBUTES.has(name)) {
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
