/**
 * The doctor's one fix: adding custom:user_tier to a pool that lacks it. It is safe (no user changes)
 * but permanent (Cognito never removes a custom attribute), so it is sent only with the operator's
 * acknowledgement, and it is audited like every other write.
 */
import { randomUUID } from 'node:crypto'
import { AddCustomAttributesCommand, DescribeUserPoolCommand, type DescribeUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { AppError } from '../../shared/errors'
import { CUSTOM_ATTRIBUTE_IS_PERMANENT } from '../../shared/doctor'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { osUser, type AuditEntry } from '../cognito/audit'
import { nameOf } from '../cognito/retryPolicy'
import { auditUnwritableError } from '../storage/localErrors'
import type { DoctorTarget } from './target'

export interface TierFixRequest {
  /** The operator saw CUSTOM_ATTRIBUTE_IS_PERMANENT and said yes. */
  acknowledgePermanent: boolean
}

/**
 * Sent once, not through the gateway: AddCustomAttributes is not among the gateway's audited writes,
 * so this records its own intent (before sending) and result, in the gateway's shape, with the STS
 * identity where there is one.
 */
export async function addTierAttribute(target: DoctorTarget, request: TierFixRequest): Promise<void> {
  if (request.acknowledgePermanent !== true) throw new AppError('VALIDATION', `Confirm first: ${CUSTOM_ATTRIBUTE_IS_PERMANENT}`)
  // Asked afresh, not from the report the operator saw: a second click, or a colleague, may have added it since.
  const described = await target.probe<DescribeUserPoolCommandOutput>(new DescribeUserPoolCommand({ UserPoolId: target.userPoolId }))
  if (described.UserPool?.SchemaAttributes?.some((a) => a.Name === TIER_ATTRIBUTE)) {
    throw new AppError('VALIDATION', `The pool already has ${TIER_ATTRIBUTE}; nothing was added. Run the doctor again to see how it stands.`)
  }
  const intent: AuditEntry = {
    id: randomUUID(),
    at: new Date().toISOString(),
    phase: 'intent',
    operation: 'AddCustomAttributes',
    userPoolId: target.userPoolId,
    changes: { attribute: TIER_ATTRIBUTE },
    osUser: osUser(),
    ...(await identityOf(target))
  }
  try {
    await target.audit.record(intent)
  } catch (error) {
    throw auditUnwritableError(error, target.audit.location)
  }
  const result = (outcome: 'ok' | 'failed', errorName?: string): AuditEntry => ({
    ...intent,
    at: new Date().toISOString(),
    phase: 'result',
    outcome,
    ...(errorName ? { errorName } : {})
  })
  try {
    await target.probe(
      new AddCustomAttributesCommand({
        UserPoolId: target.userPoolId,
        CustomAttributes: [{ Name: TIER_ATTRIBUTE.replace(/^custom:/, ''), AttributeDataType: 'String', Mutable: true }]
      })
    )
  } catch (error) {
    await target.audit.record(result('failed', nameOf(error))).catch(() => undefined)
    throw error
  }
  // The attribute is there whatever the disk says now; a lost result line must not turn that into an error.
  await target.audit.record(result('ok')).catch(() => undefined)
}

async function identityOf(target: DoctorTarget): Promise<{ identity: string; identityError?: string }> {
  if (!target.callerArn) return { identity: 'sandbox' }
  try {
    return { identity: await target.callerArn() }
  } catch (error) {
    return { identity: 'unknown', identityError: nameOf(error) }
  }
}
