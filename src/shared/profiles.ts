/**
 * Connection profiles as the window and the CLI see them: never the client secret itself, only
 * whether one is set. The request schemas are strict and bounded like every other channel's.
 */
import { z } from 'zod'

/** The built-in profiles: the app's own sandbox pool, and the COGNITO_* variables of the environment or .env. */
export const SANDBOX_PROFILE_ID = 'sandbox'
export const ENVIRONMENT_PROFILE_ID = 'environment'

/**
 * Where the AWS credentials come from: the SDK's default chain, one named profile of the shared AWS
 * config and credentials files (SSO included), or only the AWS_* variables of the environment.
 */
export type CredentialSource = { kind: 'default' } | { kind: 'profile'; profile: string } | { kind: 'environment' }

/** What a profile says, as stored and as shown (never its secret). */
export interface ProfileFields {
  id: string
  name: string
  region: string
  userPoolId: string
  clientId: string
  endpoint?: string
  /** The endpoint is an emulator: it checks no signature, so placeholder AWS keys are fine there. */
  emulator: boolean
  /** As listed: the pool is marked production (by this profile, another one or the environment); the mark belongs to the pool. */
  production: boolean
  /** Every write must carry a ticket or reason (REASON_REQUIRED otherwise); absent in a stored profile: on for a production pool. */
  requireReason?: boolean
  credentialSource: CredentialSource
  /**
   * The IAM role EventBridge Scheduler assumes to call Cognito when a tier return falls due (it must
   * trust scheduler.amazonaws.com and may call cognito-idp:AdminUpdateUserAttributes on this pool).
   * Absent: grants with a return date are refused on this profile, and its tier changes look for no return to cancel.
   */
  schedulerRoleArn?: string
}

/** What a production mark belongs to: the pool, in its region, whichever profile names it. */
export function poolKey(pool: { region: string; userPoolId: string }): string {
  return `${pool.region}/${pool.userPoolId}`
}

export interface ProfileSummary extends ProfileFields {
  /** As it applies: the profile's own choice, else on for a production pool. */
  requireReason: boolean
  /** The sandbox and "From the environment" cannot be edited or deleted in the app. */
  builtIn: boolean
  hasClientSecret: boolean
}

export interface ProfilesView {
  profiles: ProfileSummary[]
  /** The profile the app is connected with now. */
  activeId: string
}

/** A profile name in the shared AWS files, for the credential source picker. */
export interface AwsProfileName {
  name: string
  /** Signs in through IAM Identity Center (an expired token needs `aws sso login --profile NAME`). */
  sso: boolean
}

export const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,47}$/

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, `The ${what} has at most ${max} characters`)

const credentialSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }).strict(),
  z
    .object({
      kind: z.literal('profile'),
      profile: z
        .string()
        .trim()
        .regex(/^[\w.+@=,-]{1,128}$/, 'Choose an AWS profile from the list')
    })
    .strict(),
  z.object({ kind: z.literal('environment') }).strict()
])

const region = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'Enter a region such as eu-west-1')
/** A user pool ID as AWS writes it: its region, an underscore, letters and digits. */
export const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/
export const MAX_USER_POOL_ID = 55
const userPoolId = z.string().trim().regex(USER_POOL_ID, 'Enter a user pool ID such as eu-west-1_AbC123').max(MAX_USER_POOL_ID)
/** An IAM role's ARN, path allowed: arn:aws:iam::123456789012:role/tier-admin-returns. */
export const SCHEDULER_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const schedulerRoleArn = z.string().trim().max(2048).regex(SCHEDULER_ROLE_ARN, 'Enter a role ARN such as arn:aws:iam::123456789012:role/tier-admin-returns')

export const profileSchemas = {
  save: z
    .object({
      /** Absent for a new profile. */
      id: z.string().regex(PROFILE_ID, 'Not a profile id').optional(),
      name: text('profile name', 64),
      region,
      userPoolId,
      clientId: z
        .string()
        .trim()
        .regex(/^[\w+]{1,128}$/, 'Enter the app client ID'),
      endpoint: z
        .url({ protocol: /^https?$/, error: 'Enter the endpoint as a URL (http:// or https://)' })
        .max(512)
        .optional(),
      emulator: z.boolean().default(false),
      production: z.boolean().default(false),
      /** Absent: on for a production pool, off otherwise. */
      requireReason: z.boolean().optional(),
      credentialSource: credentialSource.default({ kind: 'default' }),
      /** The role EventBridge Scheduler assumes for tier returns; absent: none (returns refused on this profile). */
      schedulerRoleArn: schedulerRoleArn.optional(),
      /** Write-only: a new secret to seal; absent keeps the one stored. */
      clientSecret: z.string().min(1).max(256, 'A client secret has at most 256 characters').optional(),
      /** Removes the stored secret (the app client has none). */
      clearClientSecret: z.boolean().optional()
    })
    .strict(),
  byId: z.object({ id: z.string().regex(PROFILE_ID, 'Not a profile id') }).strict(),
  /** Removing a pool's production mark: the pool, and its ID typed again by the operator. */
  unmarkProduction: z.object({ region, userPoolId, typedPoolId: z.string({ error: 'Type the pool ID' }).max(64, 'Type the pool ID') }).strict()
}

export type ProfileInput = z.output<typeof profileSchemas.save>
