/**
 * The app-client operations where cognito-local answers unlike Cognito:
 *  - ListUserPoolClients: cognito-local returns every client whole (secrets included) in one page;
 *    Cognito returns ClientId, ClientName and UserPoolId only, MaxResults 1–60 a page, with NextToken.
 *  - DescribeUserPoolClient: cognito-local leaves out settings a client was created without; Cognito
 *    shows their defaults (CLIENT_DEFAULTS), and leaves out ReadAttributes and WriteAttributes when they
 *    are the defaults. An unknown client: "User pool client <id> does not exist."
 *  - UpdateUserPoolClient: cognito-local keeps every setting the request leaves out; Cognito resets
 *    it: "If you don't provide a value for an attribute, Amazon Cognito sets it to its default value."
 *    The name (when not given) and the secret stay.
 */
import { InvalidParameterError, ResourceNotFoundError } from 'cognito-local/lib/errors'
import type { Services } from 'cognito-local/lib/services'
import type { AppClient } from 'cognito-local/lib/services/appClient'
import { CLIENT_DEFAULTS, givenClientSettings, MAX_PAGE_SIZE, pageSizeMessage } from './awsRules'
import type { Extra, Request, Route } from './targetKit'

async function clientOf(services: Services, ctx: never, request: Request): Promise<AppClient> {
  const client = await services.cognito.getAppClient(ctx, request.ClientId as string)
  if (!client || client.UserPoolId !== request.UserPoolId) throw new ResourceNotFoundError(`User pool client ${String(request.ClientId)} does not exist.`)
  return client
}

function described(client: AppClient): Record<string, unknown> {
  const given = givenClientSettings(client as unknown as Record<string, unknown>)
  // cognito-local stores token units on every client it creates; with no validity beside them they are its filler, not a setting.
  if (given.AccessTokenValidity === undefined && given.IdTokenValidity === undefined && given.RefreshTokenValidity === undefined)
    delete given.TokenValidityUnits
  return {
    UserPoolId: client.UserPoolId,
    ClientName: client.ClientName,
    ClientId: client.ClientId,
    ...(client.ClientSecret ? { ClientSecret: client.ClientSecret } : {}),
    LastModifiedDate: client.LastModifiedDate,
    CreationDate: client.CreationDate,
    ...CLIENT_DEFAULTS,
    ...given
  }
}

const describeUserPoolClient: Extra = (services) =>
  (async (ctx: never, request: Request) => ({ UserPoolClient: described(await clientOf(services, ctx, request)) })) as Route

const updateUserPoolClient: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const client = await clientOf(services, ctx, request)
    const pool = await services.cognito.getUserPool(ctx, request.UserPoolId as string)
    const updated = {
      ClientId: client.ClientId,
      ClientName: typeof request.ClientName === 'string' ? request.ClientName : client.ClientName,
      ...(client.ClientSecret ? { ClientSecret: client.ClientSecret } : {}),
      UserPoolId: client.UserPoolId,
      CreationDate: client.CreationDate,
      LastModifiedDate: services.clock.get(),
      ...givenClientSettings(request)
    } as AppClient
    await pool.saveAppClient(ctx, updated)
    return { UserPoolClient: described(updated) }
  }) as Route

const listUserPoolClients: Extra = (services) =>
  (async (ctx: never, request: Request) => {
    const size = request.MaxResults === undefined ? MAX_PAGE_SIZE : Number(request.MaxResults)
    if (!Number.isInteger(size) || size > MAX_PAGE_SIZE)
      throw new InvalidParameterError(pageSizeMessage('maxResults', request.MaxResults, { max: MAX_PAGE_SIZE }))
    if (size < 1) throw new InvalidParameterError(pageSizeMessage('maxResults', request.MaxResults, { min: 1 }))
    await services.cognito.getUserPool(ctx, request.UserPoolId as string)
    const clients = await services.cognito.listAppClients(ctx, request.UserPoolId as string)
    const start = request.NextToken === undefined ? 0 : positionOf(request.NextToken, request.UserPoolId as string)
    const end = Math.min(clients.length, start + size)
    return {
      UserPoolClients: clients.slice(start, end).map((c) => ({ ClientId: c.ClientId, UserPoolId: c.UserPoolId, ClientName: c.ClientName })),
      ...(end < clients.length ? { NextToken: Buffer.from(JSON.stringify({ pool: request.UserPoolId, at: end })).toString('base64url') } : {})
    }
  }) as Route

function positionOf(token: unknown, pool: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { pool?: string; at?: number }
    if (parsed.pool === pool && Number.isInteger(parsed.at) && (parsed.at as number) >= 0) return parsed.at as number
  } catch {
    // Answered below like a token for another pool.
  }
  throw new InvalidParameterError('Invalid pagination token')
}

/** The sandbox's app-client targets, by operation. */
export const CLIENT_TARGETS: Record<string, Extra> = {
  ListUserPoolClients: listUserPoolClients,
  DescribeUserPoolClient: describeUserPoolClient,
  UpdateUserPoolClient: updateUserPoolClient
}
