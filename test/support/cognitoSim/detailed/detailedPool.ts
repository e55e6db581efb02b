/**
 * A pool of users with full state, app clients, groups and settings, answering the operations a
 * support desk and tier-integrity checks send, as Cognito documents them. The server hands every
 * request here when the simulator was started with `detailedUsers`; the synthetic scale pool is not
 * involved then.
 */
import { TIER_ATTRIBUTE } from '../../../../src/shared/tiers'
import { parseFilter, matchesValue, SimError, type Filter } from '../wire'
import type { CreatedUser, WriteLogEntry } from '../writes'
import { adminConfirmSignUp, adminCreateUser, resendConfirmationCode, signUp } from './accounts'
import {
  adminDeleteUser,
  adminDisableProviderForUser,
  adminResetUserPassword,
  adminSetEnabled,
  adminSetUserPassword,
  adminUserGlobalSignOut,
  federatedUsername
} from './adminActions'
import { applyAttributes, deleteAttributes } from './attributeWrites'
import { ClientStore } from './clients'
import type { PoolContext } from './context'
import { GroupStore } from './groups'
import { page } from './paging'
import { describePool, resolvePool } from './pool'
import { userState, type SimPoolView } from './queries'
import { forgetDevice, listAuthEvents, listDevices, setMfaPreference, updateAuthEventFeedback } from './security'
import type { SimClientSeed, SimGroupSeed, SimPoolSettings, SimUserSeed } from './seeds'
import { SelfService } from './selfService'
import { adminGetUserShape, userFromSeed, userTypeShape, UserStore, type DetailedUser } from './userStore'

/** The simulator options that give it a detailed pool instead of synthetic users. */
export interface DetailedSimOptions {
  /** The pool's users with their full state; setting this makes the pool a detailed one. */
  detailedUsers?: SimUserSeed[]
  /** Pool settings (DescribeUserPool's names); Cognito's defaults for a new pool when absent. */
  pool?: SimPoolSettings
  /** App clients; one with the simulator's clientId and clientSecret and default settings when absent. */
  clients?: SimClientSeed[]
  groups?: SimGroupSeed[]
  /** Milliseconds since the epoch, for dates and expiries; Date.now by default. */
  clock?: () => number
}

type Handler = (body: Record<string, unknown>) => Record<string, unknown>

/** The one client of a pool the test gave none: the simulator's clientId and clientSecret, default settings. */
function defaultClient({ clientId, clientSecret }: { clientId: string; clientSecret?: string | undefined }): SimClientSeed {
  return { ClientName: 'sim-app', ClientId: clientId, ...(clientSecret !== undefined ? { ClientSecret: clientSecret } : {}) }
}

/** Operations that change state: logged with their outcome and ClientMetadata. */
const WRITES = new Set([
  'AdminUpdateUserAttributes',
  'AdminDeleteUserAttributes',
  'AdminSetUserPassword',
  'AdminResetUserPassword',
  'AdminCreateUser',
  'SignUp',
  'AdminConfirmSignUp',
  'ResendConfirmationCode',
  'AdminEnableUser',
  'AdminDisableUser',
  'AdminUserGlobalSignOut',
  'AdminDeleteUser',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminSetUserMFAPreference',
  'AdminForgetDevice',
  'AdminUpdateAuthEventFeedback',
  'AdminDisableProviderForUser',
  'UpdateUserPoolClient',
  'UpdateUserAttributes'
])

/** Operations that name an app client or a token instead of the pool. */
const POOL_FREE = new Set(['SignUp', 'InitiateAuth', 'UpdateUserAttributes', 'GetUser', 'ResendConfirmationCode'])

/** Where ListUsers finds each searchable attribute on a detailed user. */
function filterValue(user: DetailedUser, attribute: string): string | undefined {
  if (attribute === 'username') return user.username
  if (attribute === 'sub') return user.sub
  if (attribute === 'cognito:user_status') return user.status
  if (attribute === 'status') return user.enabled ? 'Enabled' : 'Disabled'
  return user.attributes.get(attribute)
}

export class DetailedPool {
  readonly log: WriteLogEntry[] = []
  readonly ctx: PoolContext
  private readonly self: SelfService
  private readonly handlers: Record<string, Handler>

  constructor(userPoolId: string, options: DetailedSimOptions, fallback: { clientId: string; clientSecret?: string | undefined }) {
    const clock = options.clock ?? Date.now
    const pool = resolvePool(userPoolId, options.pool)
    const start = clock() / 1000
    this.ctx = {
      pool,
      users: new UserStore(pool),
      clients: new ClientStore(userPoolId, pool.schema, options.clients ?? [defaultClient(fallback)], start),
      groups: new GroupStore(userPoolId, options.groups ?? [], start),
      messages: [],
      now: () => clock() / 1000
    }
    for (const seed of options.detailedUsers ?? []) {
      const user = userFromSeed(seed, pool)
      for (const group of user.groups) this.ctx.groups.ensure(group, start)
      this.ctx.users.add(user)
    }
    this.self = new SelfService(this.ctx)
    this.handlers = this.table()
  }

  /** The first client's id, which the simulator reports as its clientId. */
  get clientId(): string {
    return this.ctx.clients.all()[0]!.ClientId
  }

  answer(operation: string, body: Record<string, unknown>): Record<string, unknown> {
    if (!POOL_FREE.has(operation) && body.UserPoolId !== this.ctx.pool.id)
      throw new SimError('ResourceNotFoundException', `User pool ${String(body.UserPoolId)} does not exist.`)
    const handler = this.handlers[operation]
    if (!handler) throw new SimError('UnknownOperationException', `The simulator does not implement ${operation}`)
    return handler(body)
  }

  /** Adds a write to the log with its outcome and the request's ClientMetadata. */
  record(operation: string, body: Record<string, unknown>, outcome: string): void {
    if (!WRITES.has(operation)) return
    const provider = body.User as { ProviderName?: string; ProviderAttributeValue?: string } | undefined
    const username =
      operation === 'UpdateUserAttributes'
        ? this.self.usernameOf(body.AccessToken)
        : operation === 'AdminDisableProviderForUser'
          ? provider?.ProviderName === 'Cognito'
            ? String(provider.ProviderAttributeValue ?? '')
            : federatedUsername(String(provider?.ProviderName ?? ''), String(provider?.ProviderAttributeValue ?? ''))
          : String(body.Username ?? '')
    const metadata = body.ClientMetadata as Record<string, string> | undefined
    this.log.push({
      operation,
      username,
      outcome,
      ...(metadata ? { clientMetadata: metadata } : {}),
      ...(operation === 'UpdateUserPoolClient' ? { clientId: String(body.ClientId ?? '') } : {})
    })
  }

  tierOf(username: string): string | undefined | null {
    const user = this.ctx.users.byUsername(username)
    return user ? user.attributes.get(TIER_ATTRIBUTE) : null
  }

  created(): CreatedUser[] {
    return this.ctx.users
      .all()
      .filter((u) => u.origin !== 'seed')
      .map((u) => ({
        username: u.username,
        tier: u.attributes.get(TIER_ATTRIBUTE),
        status: u.status,
        method: u.origin === 'signup' ? 'signup' : 'admin-create',
        email: u.attributes.get('email') ?? null
      }))
  }

  view(): SimPoolView {
    const { ctx } = this
    return {
      user: (username) => {
        const user = ctx.users.all().find((u) => u.username === username)
        return user ? userState(user) : null
      },
      users: () => ctx.users.all().map(userState),
      client: (clientId) => {
        const client = ctx.clients.all().find((c) => c.ClientId === clientId)
        return client ? ctx.clients.describe(client) : null
      },
      clients: () => ctx.clients.all().map((c) => ctx.clients.describe(c)),
      describePool: () => this.describe(),
      groups: () => ctx.groups.names(),
      messages: ctx.messages
    }
  }

  private describe(): Record<string, unknown> {
    return describePool(this.ctx.pool, this.ctx.users.all().length, Date.UTC(2024, 0, 1) / 1000)
  }

  private listUsers(body: Record<string, unknown>): Record<string, unknown> {
    const text = typeof body.Filter === 'string' ? body.Filter : ''
    const filter: Filter | null = parseFilter(text)
    const found = this.ctx.users.all().filter((u) => !filter || matchesValue(filterValue(u, filter.attribute), filter))
    const { items, token } = page(found, body, { sizeField: 'Limit', tokenField: 'PaginationToken', scope: `ListUsers:${text}` })
    const only = Array.isArray(body.AttributesToGet) ? body.AttributesToGet.map(String) : undefined
    return { Users: items.map((u) => userTypeShape(u, only)), ...token }
  }

  private table(): Record<string, Handler> {
    const { ctx, self } = this
    const user = (body: Record<string, unknown>) => ctx.users.get(body.Username)
    return {
      DescribeUserPool: () => ({ UserPool: this.describe() }),
      // The simulated pool sends no texts (no SmsConfiguration): an MFA pool offers an authenticator app.
      GetUserPoolMfaConfig: () => ({ MfaConfiguration: ctx.pool.mfa, SoftwareTokenMfaConfiguration: { Enabled: ctx.pool.mfa !== 'OFF' } }),
      ListUsers: (body) => this.listUsers(body),
      AdminGetUser: (body) => adminGetUserShape(user(body)),
      AdminUpdateUserAttributes: (body) => {
        const target = user(body)
        applyAttributes(ctx, 'AdminUpdateUserAttributes', target, ctx.pool.schema.check(body.UserAttributes, false), true)
        return {}
      },
      AdminDeleteUserAttributes: (body) => {
        const target = user(body)
        deleteAttributes(ctx, target, ctx.pool.schema.checkDeletable(body.UserAttributeNames))
        return {}
      },
      AdminSetUserPassword: (body) => adminSetUserPassword(ctx, body),
      AdminResetUserPassword: (body) => adminResetUserPassword(ctx, body),
      AdminCreateUser: (body) => adminCreateUser(ctx, body),
      SignUp: (body) => signUp(ctx, body),
      AdminConfirmSignUp: (body) => adminConfirmSignUp(ctx, body),
      ResendConfirmationCode: (body) => resendConfirmationCode(ctx, body),
      AdminEnableUser: (body) => adminSetEnabled(ctx, body, true),
      AdminDisableUser: (body) => adminSetEnabled(ctx, body, false),
      AdminUserGlobalSignOut: (body) => adminUserGlobalSignOut(ctx, body),
      AdminDeleteUser: (body) => adminDeleteUser(ctx, body),
      ListGroups: (body) => ctx.groups.list(body),
      AdminListGroupsForUser: (body) => ctx.groups.listFor(ctx, body),
      AdminAddUserToGroup: (body) => ctx.groups.add(ctx, body),
      AdminRemoveUserFromGroup: (body) => ctx.groups.remove(ctx, body),
      AdminSetUserMFAPreference: (body) => setMfaPreference(ctx, body),
      AdminListDevices: (body) => listDevices(ctx, body),
      AdminForgetDevice: (body) => forgetDevice(ctx, body),
      AdminListUserAuthEvents: (body) => listAuthEvents(ctx, body),
      AdminUpdateAuthEventFeedback: (body) => updateAuthEventFeedback(ctx, body),
      AdminDisableProviderForUser: (body) => adminDisableProviderForUser(ctx, body),
      ListUserPoolClients: (body) => ctx.clients.list(body),
      DescribeUserPoolClient: (body) => ({ UserPoolClient: ctx.clients.describe(ctx.clients.get(body.ClientId)) }),
      UpdateUserPoolClient: (body) => ctx.clients.update(body, ctx.now()),
      InitiateAuth: (body) => self.initiateAuth(body),
      UpdateUserAttributes: (body) => self.updateUserAttributes(body),
      GetUser: (body) => self.getUser(body)
    }
  }
}
