import { InvalidParameterError, UserNotFoundError } from 'cognito-local/lib/errors'
import { selectAppropriateDeliveryMethod } from 'cognito-local/lib/services/messageDelivery/deliveryMethod'
import type { Services } from 'cognito-local/lib/services'

interface ResendRequest {
  ClientId: string
  Username: string
  ClientMetadata?: Record<string, string>
}

/** ResendConfirmationCode for cognito-local, behaving as Cognito does for an unconfirmed user. */
export const resendConfirmationCodeTarget =
  ({ cognito, clock, messages, otp }: Services) =>
  async (ctx: never, req: ResendRequest) => {
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId)
    const user = await userPool.getUserByUsername(ctx, req.Username)
    if (!user) throw new UserNotFoundError()
    if (user.UserStatus === 'CONFIRMED') throw new InvalidParameterError('User is already confirmed.')
    const details = selectAppropriateDeliveryMethod(userPool.options.AutoVerifiedAttributes ?? ['email'], user)
    if (!details) throw new InvalidParameterError('User has no email address to send a code to.')
    const code = otp()
    await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: clock.get() })
    await messages.deliver(ctx, 'ResendCode', req.ClientId, userPool.options.Id, user, code, req.ClientMetadata, details)
    return { CodeDeliveryDetails: details }
  }
