/**
 * What the doctor talks to: the open connection's pool, client and credentials, with a way to send a
 * request once and outside the audit trail (its probes), and the gateway's audited send for its fix.
 */
import { IAMClient } from '@aws-sdk/client-iam'
import { SchedulerClient } from '@aws-sdk/client-scheduler'
import type { ConnectionInfo } from '../../shared/domain'
import type { Connection } from '../cognito/connection'
import { stsIdentity } from '../cognito/identity'
import { nameOf } from '../cognito/retryPolicy'

import type { AnyCommand, SendOptions } from '../cognito/gateway'
export type { AnyCommand }

export interface DoctorTarget {
  mode: ConnectionInfo['mode']
  region: string
  userPoolId: string
  clientId: string
  clientSecret?: string
  /** The profile is marked production: a way for users to grant themselves a tier is a failure there, a warning elsewhere. */
  production: boolean
  /** The endpoint is marked emulator: it has no STS (the trail says "emulator") and need not check what Cognito checks. */
  emulator: boolean
  /**
   * Sends one request once, never to the audit trail: the doctor's reads and its probes, which name a
   * user that does not exist and so cannot change anything. Recording them as writes would fill the
   * trail with "failed" deletes and sign-outs of users that never were, each run.
   */
  probe<Output>(command: AnyCommand): Promise<Output>
  /** The caller's ARN from STS GetCallerIdentity; null where there is no STS (the sandbox, an emulator). */
  callerArn: (() => Promise<string>) | null
  /** The doctor's fixes: the gateway's send, audited ahead like every write. */
  send<Output>(command: AnyCommand, options?: SendOptions): Promise<Output>
  /** The role EventBridge Scheduler assumes for tier returns, as the profile names it; none: returns are off. */
  schedulerRoleArn?: string
  /** EventBridge Scheduler and IAM on the same credentials; null where no AWS is behind the endpoint (the sandbox, an emulator). */
  aws: (() => DoctorAws) | null
}

/** Clients for one doctor run, closed when its tier-return checks are done. */
export interface DoctorAws {
  scheduler: SchedulerClient
  iam: IAMClient
  close(): void
}

const STS_TIMEOUT_MS = 8000

/** The doctor's view of a connection: its probes go through the gateway's unaudited `probe`, STS on the same credentials. */
export function doctorTargetOf(connection: Connection, profile: { production: boolean; schedulerRoleArn?: string }): DoctorTarget {
  const { info, gateway } = connection
  const credentials = gateway.credentials
  // Regional STS even beside a custom endpoint: neither an emulator nor a VPC endpoint of Cognito serves STS.
  const lookup = stsIdentity({ region: info.region, credentials })
  return {
    mode: info.mode,
    region: info.region,
    userPoolId: info.userPoolId,
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    production: profile.production,
    emulator: connection.emulator === true,
    probe: (command) => gateway.probe(command),
    // Never STS beside an emulator, as for the audit trail (identity.ts): its keys are placeholders.
    callerArn: info.mode === 'sandbox' || connection.emulator ? null : () => lookup(AbortSignal.timeout(STS_TIMEOUT_MS)),
    send: (command, options) => gateway.send(command, options),
    schedulerRoleArn: profile.schedulerRoleArn,
    // Regional Scheduler and IAM beside a VPC endpoint of Cognito too, as for STS; an emulator's keys are placeholders.
    aws:
      info.mode === 'sandbox' || connection.emulator
        ? null
        : () => {
            const scheduler = new SchedulerClient({ region: info.region, credentials, maxAttempts: 2 })
            const iam = new IAMClient({ region: info.region, credentials, maxAttempts: 2 })
            return { scheduler, iam, close: () => (scheduler.destroy(), iam.destroy()) }
          }
  }
}

/** Credentials that are missing, expired or unknown to AWS: every other check would fail the same way. */
const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'TokenRefreshRequired'
])

/** Also the app's own NO_CREDENTIALS, which the connection raises for an expired SSO session with the command to run. */
export const isCredentialError = (error: unknown): boolean =>
  CREDENTIAL_ERRORS.has(nameOf(error)) || (error as { code?: unknown } | null)?.code === 'NO_CREDENTIALS'
export const isAccessDenied = (error: unknown): boolean => nameOf(error) === 'AccessDeniedException' || nameOf(error) === 'AccessDenied'
