/**
 * Every app client of the pool as DescribeUserPoolClient shows it: ListUserPoolClients gives only
 * ids and names (at most 60 a page), so each one is described after. Sent through the doctor's
 * unaudited probe: reads, one at a time, each waiting for the UserPoolClientRead quota.
 */
import {
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  type DescribeUserPoolClientCommandOutput,
  type ListUserPoolClientsCommandOutput,
  type UserPoolClientType
} from '@aws-sdk/client-cognito-identity-provider'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import type { DoctorTarget } from './target'

/** Cognito's largest page of app clients. */
const PAGE = 60

export async function readPoolClients(target: DoctorTarget): Promise<UserPoolClientType[]> {
  const ids: string[] = []
  let token: string | undefined
  do {
    const page = await target.probe<ListUserPoolClientsCommandOutput>(
      new ListUserPoolClientsCommand({ UserPoolId: target.userPoolId, MaxResults: PAGE, ...(token ? { NextToken: token } : {}) })
    )
    for (const entry of page.UserPoolClients ?? []) if (entry.ClientId) ids.push(entry.ClientId)
    token = page.NextToken
  } while (token)
  const clients: UserPoolClientType[] = []
  for (const id of ids) clients.push(await describeClient(target, id))
  return clients
}

export async function describeClient(target: DoctorTarget, clientId: string): Promise<UserPoolClientType> {
  const output = await target.probe<DescribeUserPoolClientCommandOutput>(
    new DescribeUserPoolClientCommand({ UserPoolId: target.userPoolId, ClientId: clientId })
  )
  return output.UserPoolClient ?? {}
}

/**
 * The attributes a client may write, as Cognito documents: its own list, or, when it has none, "the
 * values of the Standard attributes" only (Cognito leaves an unspecified list out of the response).
 * null stands for that default, which never includes a custom attribute.
 */
export const writeListOf = (client: UserPoolClientType): string[] | null => (client.WriteAttributes?.length ? client.WriteAttributes : null)

/** Whether the client's own users (and, without a secret, anyone at SignUp) may set the tier. */
export const mayWriteTier = (client: UserPoolClientType): boolean => writeListOf(client)?.includes(TIER_ATTRIBUTE) === true

export const nameOfClient = (client: UserPoolClientType): string => client.ClientName || client.ClientId || 'unnamed client'
