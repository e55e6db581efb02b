/**
 * Tier integrity: who, besides an administrator, can set custom:user_tier. On Cognito a person signed
 * in through an app client that may write an attribute can change it on themselves with
 * UpdateUserAttributes and their own access token, and SignUp through a client without a secret is
 * open to anyone who knows its id. So every client whose write list names the tier is a way for
 * customers to grant themselves premium; the one exception is this app's own client when it has a
 * secret, which only this app holds and through which it signs nobody in.
 */
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import type { ClientWriteFix, DoctorCheck } from '../../shared/doctor'
import { TIER_ATTRIBUTE, TIERS } from '../../shared/tiers'
import { nameOf } from '../cognito/retryPolicy'
import { mayWriteTier, nameOfClient, readPoolClients, writeListOf } from './poolClients'
import { isAccessDenied, type DoctorTarget } from './target'

const CONSOLE = 'Cognito console: App client → Edit attribute read and write permissions'
/** The tier a customer would grant themselves. */
const TOP_TIER = TIERS[TIERS.length - 1]

export interface IntegrityContext {
  /** The client this app registers through. */
  appClientId: string
  production: boolean
}

/**
 * Every client of the pool, read afresh. When they cannot be listed, the app's own client (if it was
 * described) is still judged, beside a warning that the others were not seen.
 */
export async function checkEveryClient(target: DoctorTarget, appClient: UserPoolClientType | undefined): Promise<DoctorCheck[]> {
  const context = { appClientId: target.clientId, production: target.production }
  try {
    return checkTierIntegrity(await readPoolClients(target), context)
  } catch (error) {
    const fix = isAccessDenied(error)
      ? 'Allow cognito-idp:ListUserPoolClients and cognito-idp:DescribeUserPoolClient so the doctor can read every app client.'
      : 'Run the doctor again.'
    const unseen: DoctorCheck = {
      id: 'tier-integrity',
      title: `No one can set their own ${TIER_ATTRIBUTE} through an app client`,
      status: 'warn',
      detail: `The pool's app clients could not be read (${nameOf(error)}), so the doctor cannot tell who may set the tier.`,
      fix
    }
    return [unseen, ...(appClient ? checkTierIntegrity([appClient], context) : [])]
  }
}

/** One line per app client, so each one that lets customers set the tier is named with its fix. */
export function checkTierIntegrity(clients: UserPoolClientType[], context: IntegrityContext): DoctorCheck[] {
  return clients.map((client) => checkOneClient(client, context))
}

function checkOneClient(client: UserPoolClientType, { appClientId, production }: IntegrityContext): DoctorCheck {
  const name = nameOfClient(client)
  const isApp = client.ClientId === appClientId
  const base = {
    id: `tier-integrity:${client.ClientId ?? name}`,
    title: `No one can set their own tier through ${isApp ? "this app's client" : 'app client'} "${name}"`
  }
  const list = writeListOf(client)
  if (!mayWriteTier(client)) {
    const detail = list
      ? `Its write list (${list.join(', ')}) leaves out ${TIER_ATTRIBUTE}.`
      : `It has no write list of its own: Cognito then lets it write the standard attributes only, never ${TIER_ATTRIBUTE}.`
    return { ...base, status: 'pass', detail }
  }
  const hasSecret = Boolean(client.ClientSecret)
  if (isApp && hasSecret) {
    const detail =
      `It may write ${TIER_ATTRIBUTE}, but it has a secret that only this app holds, and this app signs no one in through it. ` +
      `Read-only is safer still: registration then sets the tier as an administrator right after SignUp.`
    return { ...base, status: 'pass', detail }
  }
  const abuse = [`Anyone signed in through "${name}" can make themselves ${TOP_TIER} (UpdateUserAttributes with their own access token).`]
  if (!hasSecret) abuse.push(`Anyone can register as ${TOP_TIER} with this client's id: it has no secret, so SignUp asks for nothing more.`)
  const after = list!.filter((attribute) => attribute !== TIER_ATTRIBUTE)
  const status = production ? 'fail' : 'warn'
  if (!after.length) {
    // An empty list is not Cognito's documented "none given", so the app does not send one; a person chooses what the client keeps.
    const fix = `Its write list holds only ${TIER_ATTRIBUTE}: give it the attributes its users should change instead (${CONSOLE}).`
    return { ...base, status, detail: abuse.join(' '), fix }
  }
  const clientFix: ClientWriteFix = { clientId: client.ClientId ?? '', clientName: name, before: list!, after }
  return {
    ...base,
    status,
    detail: abuse.join(' '),
    fix: `Make the tier read-only for "${name}" (its write list loses ${TIER_ATTRIBUTE}, every other setting stays), or untick it under write (${CONSOLE}).`,
    fixable: 'make-tier-read-only',
    clientFix
  }
}
