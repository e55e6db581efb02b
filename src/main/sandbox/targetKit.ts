/**
 * What the sandbox's own cognito-local targets are made of: the route shape cognito-local's router
 * gives, and finding a request's pool and user the way Cognito does.
 */
import { UserNotFoundError } from 'cognito-local/lib/errors'
import type { Services } from 'cognito-local/lib/services'

export type Route = (ctx: never, request: never) => Promise<unknown>
export type Request = Record<string, unknown> & { UserPoolId?: string; ClientId?: string; Username: string }
/** A target built from cognito-local's services and its original router (for targets that wrap one). */
export type Extra = (services: Services, original: (target: string) => Route) => Route

export const attribute = (user: { Attributes?: { Name: string; Value?: string }[] }, name: string): string | undefined =>
  user.Attributes?.find((a) => a.Name === name)?.Value

export async function poolAndUser(services: Services, ctx: never, request: Request) {
  const pool = request.UserPoolId
    ? await services.cognito.getUserPool(ctx, request.UserPoolId)
    : await services.cognito.getUserPoolForClientId(ctx, request.ClientId as string)
  const user = await pool.getUserByUsername(ctx, request.Username)
  if (!user) throw new UserNotFoundError('User does not exist.')
  return { pool, user }
}
