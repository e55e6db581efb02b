/** Check 5: the pool has custom:user_tier as a mutable String. */
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider'
import { addCustomAttributeSteps } from '../../shared/attributeAdvice'
import type { DoctorCheck } from '../../shared/doctor'
import { TIER_ATTRIBUTE } from '../../shared/tiers'

// A custom attribute's type and mutability are fixed when it is added, and it can never be removed.
const UNFIXABLE =
  'Cognito cannot change or remove a custom attribute: use a pool whose custom:user_tier is a mutable String (a new pool, with users migrated), or ask for this app to be adapted.'

export function checkTierAttribute(pool: UserPoolType): DoctorCheck {
  const base = { id: 'tier-attribute', title: `${TIER_ATTRIBUTE} is a mutable String` }
  const attribute = pool.SchemaAttributes?.find((a) => a.Name === TIER_ATTRIBUTE)
  if (!attribute) {
    return {
      ...base,
      status: 'fail',
      detail: `The pool has no ${TIER_ATTRIBUTE}: registration and tier changes are refused.`,
      fix: `The doctor can add it (a mutable String), or add it in the ${addCustomAttributeSteps('user_tier')}.`,
      fixable: 'add-tier-attribute'
    }
  }
  if (attribute.AttributeDataType !== 'String')
    return { ...base, status: 'fail', detail: `${TIER_ATTRIBUTE} is a ${attribute.AttributeDataType}, not a String.`, fix: UNFIXABLE }
  if (attribute.Mutable === false) return { ...base, status: 'fail', detail: `${TIER_ATTRIBUTE} is immutable: tiers could never be changed.`, fix: UNFIXABLE }
  return { ...base, status: 'pass', detail: `${TIER_ATTRIBUTE} is a mutable String.` }
}
