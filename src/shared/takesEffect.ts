/**
 * When a tier change reaches the customer's apps, in one sentence for every front end. A user's ID
 * token carries their attributes as they were when it was issued, so an app sees a new tier only once
 * it refreshes its tokens; a client that may not read the tier never sees it in a token at all.
 */

/** What main found about the pool's app clients, for the sentence. */
export interface TakesEffect {
  /** The longest ID-token lifetime among the pool's clients, as configured: "1 hour", "30 minutes". */
  within: string
  /** How many app clients that was read from (0 when they could not be read). */
  clients: number
  /** The clients whose ID tokens never carry the tier: they may not read it. */
  cannotRead: string[]
  /** Why the clients could not be read; `within` is then Cognito's default lifetime. */
  unread?: string
}

/** `signOut` names the way to sign the user out in the front end that shows it. */
export function takesEffectSentence(effect: TakesEffect, signOut: string): string {
  const among = effect.unread
    ? `within ${effect.within} if the pool's app clients keep Cognito's default ID-token lifetime (they could not be read: ${effect.unread})`
    : `within ${effect.within}, ${effect.clients === 1 ? "the ID-token lifetime of the pool's one app client" : `the longest ID-token lifetime among the pool's ${effect.clients} app clients`}`
  const blind = effect.cannotRead.length
    ? ` ${listed(effect.cannotRead)} may not read the tier: ${effect.cannotRead.length === 1 ? 'its' : 'their'} tokens never carry it.`
    : ''
  return (
    `The customer's apps see the new tier at their next token refresh, ${among}.${blind}` +
    ` ${signOut} makes the user sign in again; tokens already issued stay valid until they expire.`
  )
}

function listed(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`)
  const words = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
  return `App client${names.length === 1 ? '' : 's'} ${words}`
}
