/**
 * Check 4: the configured client secret is the client's own. DescribeUserPoolClient returns the
 * client's ClientSecret, so where the doctor may describe the client it compares the two itself, in
 * constant time, and a wrong secret fails on any backend. Only where it may not read the client does
 * it fall back to asking Cognito about a SECRET_HASH made with the configured secret, a probe that
 * proves nothing against an endpoint that does not check the hash. One line, so it cannot contradict
 * itself ("has a secret, but none is configured" beside "asked for no secret").
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { ConfirmSignUpCommand, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import type { DoctorCheck } from '../../shared/doctor'
import { nameOf } from '../cognito/retryPolicy'
import { secretHashField } from '../cognito/secretHash'
import { probeUsername } from './clientChecks'
import type { DoctorTarget } from './target'

const BASE = { id: 'client-secret', title: 'Configured client secret is right' } as const
const SHOW_SECRET = 'Cognito console: App client → Client secret → Show'

/** Equal digests in constant time: the lengths of two secrets must not tell how much of one matched either. */
function sameSecret(configured: string, actual: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(configured), digest(actual))
}

/** `client` is the app client as described, or undefined when it could not be read (then the SECRET_HASH probe answers). */
export async function checkSecret(target: DoctorTarget, client: UserPoolClientType | undefined): Promise<DoctorCheck> {
  return client ? compareSecret(target, client) : probeSecret(target)
}

function compareSecret(target: DoctorTarget, client: UserPoolClientType): DoctorCheck {
  const actual = client.ClientSecret
  const configured = target.clientSecret
  if (actual && configured) {
    if (sameSecret(configured, actual)) return { ...BASE, status: 'pass', detail: "The configured secret is the client's own." }
    const fix = `Copy the client's secret again into COGNITO_CLIENT_SECRET (${SHOW_SECRET}).`
    return { ...BASE, status: 'fail', detail: "The configured secret is not the client's: registration and confirmation are refused.", fix }
  }
  if (actual) {
    const fix = `Set COGNITO_CLIENT_SECRET to the client secret (${SHOW_SECRET}).`
    return { ...BASE, status: 'fail', detail: 'The client has a secret, but none is configured: registration and confirmation are refused.', fix }
  }
  if (configured) {
    const fix = 'Remove COGNITO_CLIENT_SECRET, or point COGNITO_CLIENT_ID at the client that has this secret.'
    return { ...BASE, status: 'fail', detail: 'A client secret is configured, but the client has none: Cognito refuses its SECRET_HASH.', fix }
  }
  return { ...BASE, status: 'pass', detail: 'The client has no secret, and none is configured.' }
}

/**
 * Whether Cognito accepts our SECRET_HASH. The probe is ConfirmSignUp for a random username that no
 * pool holds, with the code 000000: Cognito verifies the SECRET_HASH before it looks for the user, so
 * "Unable to verify secret hash" means a wrong secret and any answer about the user (no such user, a
 * code mismatch) means a right one. Unlike ForgotPassword or ResendConfirmationCode it sends no message
 * even if the user existed, it needs no auth flow, and the app sends it anyway, so the client allows it.
 */
async function probeSecret(target: DoctorTarget): Promise<DoctorCheck> {
  const username = probeUsername()
  try {
    await target.probe(
      new ConfirmSignUpCommand({
        ClientId: target.clientId,
        Username: username,
        ConfirmationCode: '000000',
        ...secretHashField(username, target.clientId, target.clientSecret)
      })
    )
    return accepted(target, 'Cognito accepted the request.')
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/unable to verify secret hash/i.test(message)) {
      const fix = `Copy the client's secret again into COGNITO_CLIENT_SECRET (${SHOW_SECRET}).`
      return { ...BASE, status: 'fail', detail: 'Cognito could not verify the SECRET_HASH made with the configured secret: the secret is wrong.', fix }
    }
    if (/configured with secret but SECRET_HASH was not received/i.test(message)) {
      return { ...BASE, status: 'fail', detail: 'The client has a secret, but none is configured.', fix: 'Set COGNITO_CLIENT_SECRET to the client secret.' }
    }
    if (['UserNotFoundException', 'CodeMismatchException', 'ExpiredCodeException', 'NotAuthorizedException'].includes(nameOf(error))) {
      const what = target.clientSecret ? 'accepted the SECRET_HASH' : 'asked for no secret'
      return accepted(target, `Cognito ${what} and answered about the (nonexistent) probe user: ${nameOf(error)}.`)
    }
    return {
      ...BASE,
      status: 'warn',
      detail: `The probe got an unexpected answer (${nameOf(error)}: ${message}).`,
      fix: 'Run the doctor again; if it persists, try a registration on a test user.'
    }
  }
}

/** Cognito's acceptance (directly or through a VPC endpoint) proves the secret; an emulator's or the sandbox's does not. */
function accepted(target: DoctorTarget, detail: string): DoctorCheck {
  if (target.mode !== 'sandbox' && !target.emulator) return { ...BASE, status: 'pass', detail }
  return {
    ...BASE,
    status: 'warn',
    detail: 'Not proven: the client could not be described to compare its secret, and this endpoint need not check SECRET_HASH.',
    fix: 'Allow cognito-idp:DescribeUserPoolClient so the doctor can compare the secret with the client.'
  }
}
