/**
 * What the doctor reads of app clients: the clients themselves come from the one reader in
 * cognito/appClients.ts, sent through the doctor's unaudited probe.
 */
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { describeAppClient, readAppClients } from '../cognito/appClients'
import type { DoctorTarget } from './target'

export const readPoolClients = (target: DoctorTarget): Promise<UserPoolClientType[]> => readAppClients((command) => target.probe(command), target.userPoolId)

export const describeClient = (target: DoctorTarget, clientId: string): Promise<UserPoolClientType> =>
  describeAppClient((command) => target.probe(command), target.userPoolId, clientId)

/**
 * The attributes a client may write, as Cognito documents: its own list, or, when it has none, "the
 * values of the Standard attributes" only (Cognito leaves an unspecified list out of the response).
 * null stands for that default, which never includes a custom attribute.
 */
export const writeListOf = (client: UserPoolClientType): string[] | null => (client.WriteAttributes?.length ? client.WriteAttributes : null)

/** Whether the client's own users (and, without a secret, anyone at SignUp) may set the tier. */
export const mayWriteTier = (client: UserPoolClientType): boolean => writeListOf(client)?.includes(TIER_ATTRIBUTE) === true

export const nameOfClient = (client: UserPoolClientType): string => client.ClientName || client.ClientId || 'unnamed client'
