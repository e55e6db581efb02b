/**
 * The doctor's one fix: adding custom:user_tier to a pool that lacks it. It is safe (no user changes)
 * but permanent (Cognito never removes a custom attribute), so it is sent only with the operator's
 * acknowledgement, and it is audited like every other write.
 */
import { AddCustomAttributesCommand, DescribeUserPoolCommand, type DescribeUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { AppError } from '../../shared/errors'
import { CUSTOM_ATTRIBUTE_IS_PERMANENT } from '../../shared/doctor'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { bareAttributeName } from '../../shared/attributeNames'
import type { DoctorTarget } from './target'

export interface TierFixRequest {
  /** The operator saw CUSTOM_ATTRIBUTE_IS_PERMANENT and said yes. */
  acknowledgePermanent: boolean
}

/** Sent through the gateway like every write: its intent is on the audit trail before it leaves, with the connection's identity. */
export async function addTierAttribute(target: DoctorTarget, request: TierFixRequest): Promise<void> {
  if (request.acknowledgePermanent !== true) throw new AppError('VALIDATION', `Confirm first: ${CUSTOM_ATTRIBUTE_IS_PERMANENT}`)
  // Asked afresh, not from the report the operator saw: a second click, or a colleague, may have added it since.
  const described = await target.probe<DescribeUserPoolCommandOutput>(new DescribeUserPoolCommand({ UserPoolId: target.userPoolId }))
  if (described.UserPool?.SchemaAttributes?.some((a) => a.Name === TIER_ATTRIBUTE)) {
    throw new AppError('VALIDATION', `The pool already has ${TIER_ATTRIBUTE}; nothing was added. Run the doctor again to see how it stands.`)
  }
  await target.send(
    new AddCustomAttributesCommand({
      UserPoolId: target.userPoolId,
      CustomAttributes: [{ Name: bareAttributeName(TIER_ATTRIBUTE), AttributeDataType: 'String', Mutable: true }]
    })
  )
}
