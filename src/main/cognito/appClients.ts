/**
 * Every app client of the pool as DescribeUserPoolClient shows it: ListUserPoolClients gives only ids
 * and names (at most 60 a page), so each one is described after, one at a time. The one reader of app
 * clients: the doctor sends through its unaudited probe, the takes-effect statement through the gateway.
 */
import {
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  type DescribeUserPoolClientCommandOutput,
  type ListUserPoolClientsCommandOutput,
  type UserPoolClientType
} from '@aws-sdk/client-cognito-identity-provider'
import type { AnyCommand } from './gateway'

/** How a caller sends a read: the gateway's send or the doctor's probe. */
export type ReadSender = <Output>(command: AnyCommand) => Promise<Output>

/** Cognito's largest page of app clients. */
const PAGE = 60

export async function readAppClients(send: ReadSender, userPoolId: string): Promise<UserPoolClientType[]> {
  const ids: string[] = []
  let token: string | undefined
  do {
    const page = await send<ListUserPoolClientsCommandOutput>(
      new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: PAGE, ...(token ? { NextToken: token } : {}) })
    )
    for (const entry of page.UserPoolClients ?? []) if (entry.ClientId) ids.push(entry.ClientId)
    token = page.NextToken
  } while (token)
  const clients: UserPoolClientType[] = []
  for (const id of ids) clients.push(await describeAppClient(send, userPoolId, id))
  return clients
}

export async function describeAppClient(send: ReadSender, userPoolId: string, clientId: string): Promise<UserPoolClientType> {
  const output = await send<DescribeUserPoolClientCommandOutput>(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))
  return output.UserPoolClient ?? {}
}
