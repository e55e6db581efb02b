/**
 * Who the AWS credentials are, for the audit trail: STS GetCallerIdentity, asked once per connection,
 * lazily before the first write. It never holds a write back: a failure or a slow answer is recorded
 * as "unknown" with the error's name, and that answer is kept for the connection too.
 */
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types'
import { nameOf } from './retryPolicy'

export interface CallerIdentity {
  /** The caller's ARN, "sandbox", "emulator", or "unknown". */
  identity: string
  /** Why it is "unknown". */
  identityError?: string
}

/** Answers the identity, asking `lookup` at most once. */
export type IdentityResolver = () => Promise<CallerIdentity>

/** How long the first write waits for STS before it goes ahead as "unknown". */
const LOOKUP_TIMEOUT_MS = 5000

export function cachedIdentity(lookup: (signal: AbortSignal) => Promise<string>, timeoutMs = LOOKUP_TIMEOUT_MS): IdentityResolver {
  let answer: Promise<CallerIdentity> | null = null
  return () =>
    (answer ??= (async () => {
      const signal = AbortSignal.timeout(timeoutMs)
      const timedOut = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))
      try {
        return { identity: await Promise.race([lookup(signal), timedOut]) }
      } catch (error) {
        return { identity: 'unknown', identityError: nameOf(error) }
      }
    })())
}

/** The sandbox's emulator has no STS and no AWS identity behind it. */
export const sandboxIdentity: IdentityResolver = async () => ({ identity: 'sandbox' })

/** A configured endpoint marked emulator: it has no STS either, and any keys it got are placeholders. */
export const emulatorIdentity: IdentityResolver = async () => ({ identity: 'emulator' })

export interface StsTarget {
  region: string
  /** Only for a test's STS stand-in: a Cognito endpoint (emulator or VPC) is never asked for STS. */
  endpoint?: string
  credentials: AwsCredentialIdentityProvider
}

/** GetCallerIdentity with the Cognito client's region and credentials; the STS client is loaded only when asked. */
export function stsIdentity(target: StsTarget): (signal: AbortSignal) => Promise<string> {
  return async (signal) => {
    const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts')
    const client = new STSClient({ region: target.region, endpoint: target.endpoint, credentials: target.credentials, maxAttempts: 2 })
    try {
      const answer = await client.send(new GetCallerIdentityCommand({}), { abortSignal: signal })
      if (!answer.Arn) throw Object.assign(new Error('STS answered without an ARN'), { name: 'NoCallerArn' })
      return answer.Arn
    } finally {
      client.destroy()
    }
  }
}
