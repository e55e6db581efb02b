/**
 * When a tier change takes effect for the customer: read from the pool's app clients (every one,
 * ListUserPoolClients paged, then DescribeUserPoolClient each), kept briefly so a bulk job's result
 * and a run of single changes do not read them again and again. Never throws: a change that was
 * saved is not reported as failed because the clients could not be read.
 */
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import type { TakesEffect } from '../../shared/takesEffect'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { readAppClients } from '../cognito/appClients'
import { toAppError } from '../cognito/errorMapping'
import type { CognitoGateway } from '../cognito/gateway'

/** Long enough for a bulk job's result and the change after it, short enough to see a client changed in the console. */
export const CLIENTS_CACHE_MS = 60_000

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const
type Unit = keyof typeof UNIT_MS
/** Cognito's ID-token lifetime for a client that sets none: one hour. */
const DEFAULT_LIFETIME = { value: 60, unit: 'minutes' as Unit }

const cache = new WeakMap<CognitoGateway, { at: number; effect: Promise<TakesEffect> }>()

export function takesEffect(gateway: CognitoGateway, now: () => number = Date.now): Promise<TakesEffect> {
  const kept = cache.get(gateway)
  if (kept && now() - kept.at < CLIENTS_CACHE_MS) return kept.effect
  const effect = readClients(gateway).then(fromClients, (error: unknown) => {
    cache.delete(gateway)
    return { within: spoken(DEFAULT_LIFETIME), clients: 0, cannotRead: [], unread: toAppError(error).message }
  })
  cache.set(gateway, { at: now(), effect })
  return effect
}

async function readClients(gateway: CognitoGateway): Promise<UserPoolClientType[]> {
  // A client described as nothing (deleted between the list and the describe) has no lifetime to weigh.
  const clients = await readAppClients((command) => gateway.send(command), gateway.userPoolId)
  return clients.filter((client) => client.ClientId)
}

function fromClients(clients: UserPoolClientType[]): TakesEffect {
  const lifetimes = clients.map(idTokenLifetime)
  const longest = lifetimes.reduce((a, b) => (b.value * UNIT_MS[b.unit] > a.value * UNIT_MS[a.unit] ? b : a), lifetimes[0] ?? DEFAULT_LIFETIME)
  // Without a read list a client reads only the standard attributes and their _verified flags, never a custom one.
  const cannotRead = clients
    .filter((client) => !(client.ReadAttributes ?? []).includes(TIER_ATTRIBUTE))
    .map((client) => client.ClientName ?? client.ClientId ?? '?')
  return { within: spoken(longest), clients: clients.length, cannotRead }
}

/** A client's ID-token lifetime as configured: IdTokenValidity in TokenValidityUnits.IdToken (hours when the unit is not given). */
function idTokenLifetime(client: UserPoolClientType): { value: number; unit: Unit } {
  if (client.IdTokenValidity === undefined) return DEFAULT_LIFETIME
  const unit = client.TokenValidityUnits?.IdToken ?? 'hours'
  return { value: client.IdTokenValidity, unit: unit in UNIT_MS ? (unit as Unit) : 'hours' }
}

function spoken({ value, unit }: { value: number; unit: Unit }): string {
  if (unit === 'minutes' && value % 60 === 0) return spoken({ value: value / 60, unit: 'hours' })
  const singular = unit.slice(0, -1)
  return `${value} ${value === 1 ? singular : unit}`
}
