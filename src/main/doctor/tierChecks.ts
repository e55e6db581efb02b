/** Check 4: the pool has custom:user_tier as a mutable String, and the app client may write (and read) it. */
import type { UserPoolClientType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider'
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

/**
 * The client's attribute permissions; an empty list means every attribute. Registration sends the tier
 * with SignUp, through the client, so writing matters. The app reads users with Admin… calls, which the
 * client's read list does not limit, so a missing read right only hides the tier from users' own tokens.
 */
export function checkClientAttributes(client: UserPoolClientType): DoctorCheck {
  const base = { id: 'client-attributes', title: `App client may read and write ${TIER_ATTRIBUTE}` }
  const may = (list: string[] | undefined) => !list?.length || list.includes(TIER_ATTRIBUTE)
  const where = 'Cognito console: App client → Edit attribute read and write permissions'
  if (!may(client.WriteAttributes)) {
    return {
      ...base,
      status: 'fail',
      detail: `The client may not write ${TIER_ATTRIBUTE}: registration is refused.`,
      fix: `Tick ${TIER_ATTRIBUTE} under write (${where}).`
    }
  }
  if (!may(client.ReadAttributes)) {
    const detail = `The client may not read ${TIER_ATTRIBUTE}; this app still sees it (it reads as an administrator), but users' own tokens will not carry it.`
    return { ...base, status: 'warn', detail, fix: `Tick ${TIER_ATTRIBUTE} under read (${where}).` }
  }
  return { ...base, status: 'pass', detail: `The client may read and write ${TIER_ATTRIBUTE}.` }
}
