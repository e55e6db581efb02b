/**
 * SignUp with the tier, however the app's client is configured. A client that may write the tier
 * takes it in SignUp. A client that may not (a safe pool: no customer can set their own tier) gets
 * SignUp without it, and the tier is set at once with AdminUpdateUserAttributes, as an
 * administrator; both requests go under ONE audit intent (SignUp with the tier), whose result says
 * which steps were done, so a registration cut between the two is found and finished later
 * (unfinished.ts).
 */
import { AdminUpdateUserAttributesCommand, SignUpCommand, type SignUpCommandInput, type SignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import { AppError } from '../../shared/errors'
import { isTier, TIER_ATTRIBUTE, type Tier } from '../../shared/tiers'
import type { Connection } from '../cognito/connection'
import { outcomeOf, writeFailureName, type SendOptions } from '../cognito/gateway'
import { clientMayNotWriteTier, clientMayWriteTier, isUnauthorizedAttribute } from './clientRights'

/** The two requests of a registration through a client that may not write the tier. */
export const REGISTRATION_STEPS = ['SignUp', 'AdminUpdateUserAttributes']

/** `withTier` is SignUp as it would be with the tier among its attributes; the tier is sent as the client allows. */
export async function signUpWithTier(connection: Connection, withTier: SignUpCommandInput, options: SendOptions = {}): Promise<SignUpCommandOutput> {
  const tier = withTier.UserAttributes?.find((a) => a.Name === TIER_ATTRIBUTE)?.Value
  if (!isTier(tier)) throw new AppError('INTERNAL', 'A registration was built without a tier. Nothing was sent.')
  const input: SignUpCommandInput = { ...withTier, UserAttributes: withTier.UserAttributes!.filter((a) => a.Name !== TIER_ATTRIBUTE) }
  if (await clientMayWriteTier(connection)) {
    try {
      return await connection.gateway.send<SignUpCommandOutput>(new SignUpCommand(withTier), options)
    } catch (error) {
      // Refused before anything was created: the client lost the right since it was described.
      if (!isUnauthorizedAttribute(error)) throw error
      clientMayNotWriteTier(connection)
    }
  }
  return signUpThenSetTier(connection, input, withTier, tier, options)
}

async function signUpThenSetTier(
  connection: Connection,
  input: SignUpCommandInput,
  withTier: SignUpCommandInput,
  tier: Tier,
  options: SendOptions
): Promise<SignUpCommandOutput> {
  const { gateway } = connection
  const intent = await gateway.openIntent(new SignUpCommand(withTier), REGISTRATION_STEPS, options)
  const done: string[] = []
  try {
    const output = await intent.send<SignUpCommandOutput>(new SignUpCommand(input), options)
    done.push('SignUp')
    await intent.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: gateway.userPoolId,
        Username: input.Username,
        UserAttributes: [{ Name: TIER_ATTRIBUTE, Value: tier }]
      }),
      options
    )
    done.push('AdminUpdateUserAttributes')
    await intent.finish('ok', { stepsDone: done })
    return output
  } catch (error) {
    await intent.finish(outcomeOf(error), { errorName: writeFailureName(error), stepsDone: done })
    if (!done.length) throw error
    throw new AppError(
      'REGISTRATION_UNFINISHED',
      `${input.Username} was registered, but the tier (${tier}) could not be set (${writeFailureName(error)}): the user has no tier until the registration is finished. Finish it from the user's page, or with \`tier-admin finish-registration ${input.Username}\`.`
    )
  }
}
