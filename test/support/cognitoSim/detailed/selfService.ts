/**
 * The minimal self-service path, so a test can show what a user can do with an app client: sign in
 * with InitiateAuth USER_PASSWORD_AUTH and change or read their own attributes with the access token
 * (UpdateUserAttributes, GetUser), held to the issuing client's write and read lists.
 *  - The flow must be allowed by the client's ExplicitAuthFlows ("USER_PASSWORD_AUTH flow not enabled
 *    for this client"); a client with a secret needs SECRET_HASH.
 *  - Sign-in refusals as Cognito answers them: unknown user (UserNotFoundException, or NotAuthorized
 *    "Incorrect username or password." with PreventUserExistenceErrors ENABLED), wrong password,
 *    "User is disabled.", UserNotConfirmedException, PasswordResetRequiredException, and a temporary
 *    password past TemporaryPasswordValidityDays ("Temporary password has expired and must be reset by
 *    an administrator."). A FORCE_CHANGE_PASSWORD user gets the NEW_PASSWORD_REQUIRED challenge and a
 *    user with MFA its MFA challenge; the simulator answers no challenge.
 *  - Access tokens are opaque (not JWTs): they stop working when the user is signed out globally,
 *    disabled or deleted ("Access Token has been revoked"), or when they expire.
 */
import { randomBytes } from 'node:crypto'
import { SimError } from '../wire'
import { applyAttributes } from './attributeWrites'
import type { StoredClient } from './clients'
import type { PoolContext } from './context'
import { wireAttributes, type DetailedUser } from './userStore'

interface IssuedToken {
  username: string
  clientId: string
  issuedAt: number
  expiresAt: number
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }

export class SelfService {
  private readonly tokens = new Map<string, IssuedToken>()

  constructor(private readonly ctx: PoolContext) {}

  initiateAuth(body: Record<string, unknown>): Record<string, unknown> {
    const { ctx } = this
    const client = ctx.clients.get(body.ClientId)
    if (body.AuthFlow !== 'USER_PASSWORD_AUTH')
      throw new SimError('InvalidParameterException', `The simulator signs users in only with USER_PASSWORD_AUTH, not ${String(body.AuthFlow)}`)
    const flows = client.settings.ExplicitAuthFlows ?? []
    if (!flows.includes('ALLOW_USER_PASSWORD_AUTH') && !flows.includes('USER_PASSWORD_AUTH'))
      throw new SimError('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client')
    const parameters = (body.AuthParameters ?? {}) as Record<string, string>
    const username = String(parameters.USERNAME ?? '')
    ctx.clients.checkSecretHash(client, username, parameters.SECRET_HASH)
    const user = ctx.users.find(username)
    if (!user) {
      if (client.settings.PreventUserExistenceErrors === 'ENABLED') throw new SimError('NotAuthorizedException', 'Incorrect username or password.')
      throw new SimError('UserNotFoundException', 'User does not exist.')
    }
    this.checkSignIn(user, parameters.PASSWORD)
    if (user.status === 'FORCE_CHANGE_PASSWORD') return this.challenge(user, 'NEW_PASSWORD_REQUIRED')
    const method = user.mfa.preferred ?? [...user.mfa.enabled][0]
    if (method && ctx.pool.mfa !== 'OFF') return this.challenge(user, method)
    return { AuthenticationResult: this.issue(user, client), ChallengeParameters: {} }
  }

  updateUserAttributes(body: Record<string, unknown>): Record<string, unknown> {
    const { user, client } = this.holder(body.AccessToken)
    const changes = this.ctx.pool.schema.check(body.UserAttributes, false)
    if ([...changes.keys()].some((name) => !this.ctx.clients.mayWrite(client, name)))
      throw new SimError('NotAuthorizedException', 'A client attempted to write unauthorized attribute')
    const deliveries = applyAttributes(this.ctx, 'UpdateUserAttributes', user, changes, false)
    return deliveries.length ? { CodeDeliveryDetailsList: deliveries } : {}
  }

  getUser(body: Record<string, unknown>): Record<string, unknown> {
    const { user, client } = this.holder(body.AccessToken)
    return { Username: user.username, UserAttributes: wireAttributes(user, (name) => this.ctx.clients.mayRead(client, name)) }
  }

  /** The username an access token was issued for, for the write log; '' for a token the simulator never issued. */
  usernameOf(token: unknown): string {
    return this.tokens.get(String(token))?.username ?? ''
  }

  private checkSignIn(user: DetailedUser, password: unknown): void {
    const { ctx } = this
    if (!user.enabled) throw new SimError('NotAuthorizedException', 'User is disabled.')
    if (user.status === 'EXTERNAL_PROVIDER' || user.passwordSignInDisabled || password !== user.password)
      throw new SimError('NotAuthorizedException', 'Incorrect username or password.')
    if (user.status === 'UNCONFIRMED') throw new SimError('UserNotConfirmedException', 'User is not confirmed.')
    if (user.status === 'RESET_REQUIRED') throw new SimError('PasswordResetRequiredException', 'Password reset required for the user')
    const validity = ctx.pool.passwordPolicy.TemporaryPasswordValidityDays * 86400
    if (user.status === 'FORCE_CHANGE_PASSWORD' && ctx.now() - user.passwordSetAt > validity)
      throw new SimError('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.')
  }

  private challenge(user: DetailedUser, name: string): Record<string, unknown> {
    return {
      ChallengeName: name,
      Session: randomBytes(24).toString('base64url'),
      ChallengeParameters: name === 'NEW_PASSWORD_REQUIRED' ? { USER_ID_FOR_SRP: user.username, requiredAttributes: '[]' } : { USER_ID_FOR_SRP: user.username }
    }
  }

  private issue(user: DetailedUser, client: StoredClient): Record<string, unknown> {
    const validity = client.settings.AccessTokenValidity ?? 60
    const unit = client.settings.TokenValidityUnits?.AccessToken ?? 'minutes'
    const expiresIn = validity * (UNIT_SECONDS[unit] ?? 60)
    const token = `sim.${randomBytes(24).toString('base64url')}.${randomBytes(12).toString('base64url')}`
    const issuedAt = this.ctx.now()
    this.tokens.set(token, { username: user.username, clientId: client.ClientId, issuedAt, expiresAt: issuedAt + expiresIn })
    return {
      AccessToken: token,
      IdToken: `sim.id.${randomBytes(24).toString('base64url')}`,
      RefreshToken: randomBytes(32).toString('base64url'),
      ExpiresIn: expiresIn,
      TokenType: 'Bearer'
    }
  }

  private holder(token: unknown): { user: DetailedUser; client: StoredClient } {
    const issued = this.tokens.get(String(token))
    if (!issued || issued.expiresAt < this.ctx.now()) throw new SimError('NotAuthorizedException', 'Invalid Access Token')
    const user = this.ctx.users.byUsername(issued.username)
    if (!user || user.tokensRevokedAt >= issued.issuedAt) throw new SimError('NotAuthorizedException', 'Access Token has been revoked')
    if (!user.enabled) throw new SimError('NotAuthorizedException', 'User is disabled.')
    return { user, client: this.ctx.clients.get(issued.clientId) }
  }
}
