/** Checks 1 and 2: whose credentials these are (STS), and whether the pool exists in the region. */
import { DescribeUserPoolCommand, type DescribeUserPoolCommandOutput, type UserPoolType } from '@aws-sdk/client-cognito-identity-provider'
import type { DoctorCheck } from '../../shared/doctor'
import { AppError } from '../../shared/errors'
import { toAppError } from '../cognito/errorMapping'
import { nameOf } from '../cognito/retryPolicy'
import { isAccessDenied, isCredentialError, type DoctorTarget } from './target'

const CREDENTIAL_FIX =
  'Give the app AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE with the shared config files, or `aws sso login --profile NAME` when an SSO session has expired.'

/** Who the credentials are. A failure other than missing credentials is a warning: STS may be blocked where Cognito is not. */
export async function checkCredentials(target: DoctorTarget): Promise<{ check: DoctorCheck; usable: boolean; arn?: string }> {
  const base = { id: 'credentials', title: 'AWS credentials resolve' }
  if (!target.callerArn) {
    const detail = target.emulator
      ? 'Skipped (emulator): the endpoint is marked as an emulator, which has no AWS identity; the audit trail names it "emulator".'
      : 'Skipped (sandbox): the local emulator has no AWS identity.'
    return { check: { ...base, status: 'skipped', detail }, usable: true }
  }
  try {
    const arn = await target.callerArn()
    return { check: { ...base, status: 'pass', detail: `Signed in as ${arn}.` }, usable: true, arn }
  } catch (error) {
    // Beside a custom endpoint the keys may be an emulator's placeholders, which STS refuses: only a warning there.
    if (isCredentialError(error) && target.mode === 'aws') {
      const detail = error instanceof AppError ? error.message : `No usable AWS credentials (${nameOf(error)}).`
      return { check: { ...base, status: 'fail', detail, fix: CREDENTIAL_FIX }, usable: false }
    }
    const detail = `STS GetCallerIdentity did not answer who the credentials are (${nameOf(error)}); the other checks go ahead.`
    const fix = isCredentialError(error)
      ? `Expected with an emulator's placeholder keys; for Cognito behind a VPC endpoint: ${CREDENTIAL_FIX}`
      : 'Allow sts:GetCallerIdentity (the audit trail names the identity from it) or check the network.'
    return { check: { ...base, status: 'warn', detail, fix }, usable: true }
  }
}

/** The pool as Cognito describes it, or the failed check that says why there is none. */
export async function checkPool(target: DoctorTarget): Promise<{ check: DoctorCheck; pool?: UserPoolType }> {
  const base = { id: 'pool', title: `Pool ${target.userPoolId} exists in ${target.region}` }
  try {
    const output = await target.probe<DescribeUserPoolCommandOutput>(new DescribeUserPoolCommand({ UserPoolId: target.userPoolId }))
    const pool = output.UserPool ?? {}
    return { check: { ...base, status: 'pass', detail: `Found "${pool.Name ?? target.userPoolId}".` }, pool }
  } catch (error) {
    const name = nameOf(error)
    if (name === 'ResourceNotFoundException') {
      const fix = `Check COGNITO_USER_POOL_ID and COGNITO_REGION: a pool ID starts with its region (${target.userPoolId.split('_')[0]}_…), and the pool must be in that account.`
      return { check: { ...base, status: 'fail', detail: `No pool ${target.userPoolId} in ${target.region} for these credentials.`, fix } }
    }
    if (isAccessDenied(error)) {
      return {
        check: {
          ...base,
          status: 'fail',
          detail: 'The credentials may not describe the pool.',
          fix: 'Allow the IAM action cognito-idp:DescribeUserPool on the pool.'
        }
      }
    }
    return {
      check: {
        ...base,
        status: 'fail',
        detail: toAppError(error, { operation: 'describePool' }).message,
        fix: isCredentialError(error) ? CREDENTIAL_FIX : undefined
      }
    }
  }
}
