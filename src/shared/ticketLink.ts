/**
 * Ticket links, `tier-admin://open?username=jane&pool=prod-eu`: the one parser the app's main process
 * and the CLI both use, and the one maker the user page's "Copy link" uses. A link only opens a user;
 * it never writes. Anything a link does not plainly say (an unknown or repeated key, an oversized or
 * malformed value, a second user key) refuses the whole link with its reason: a link comes from
 * outside (a ticket, a chat, a web page), so nothing in it is guessed at.
 */
import { MAX_USER_POOL_ID, PROFILE_ID, USER_POOL_ID } from './profiles'
import { EMAIL_FORM, SUB_FORM } from './searchFields'
import { username as usernameSchema } from './contractSchemas'

export const LINK_SCHEME = 'tier-admin'
/** The keys that name the user; a link carries exactly one. */
export const LINK_USER_KEYS = ['email', 'username', 'sub'] as const
export type LinkUserKey = (typeof LINK_USER_KEYS)[number]

/** The longest link read at all, and each value's bound (an email's is RFC 5321's, a username's Cognito's). */
export const LINK_LIMITS = { link: 1024, email: 254, username: 128, sub: 36, pool: MAX_USER_POOL_ID } as const

export interface TicketLink {
  by: LinkUserKey
  value: string
  /** A profile id, or a user pool ID: the link is for that pool only. */
  pool?: string
}

export type LinkParse = { ok: true; link: TicketLink } | { ok: false; reason: string }

/** "tier-admin://open", "tier-admin://open/" (as some systems hand it over), or "tier-admin:open", then "?" and the keys. */
const SHAPE = /^tier-admin:(?:\/\/open\/?|open)\?([^#]*)$/i
/** Printable ASCII only: a raw space, control character or non-ASCII letter is not in a well-formed link (encoded, it may be). */
const PRINTABLE = /^[\x21-\x7e]+$/
const KEY = /^[a-z]+$/

const refuse = (reason: string): LinkParse => ({ ok: false, reason })

export function parseTicketLink(raw: unknown): LinkParse {
  if (typeof raw !== 'string' || !raw) return refuse('The link is empty.')
  if (raw.length > LINK_LIMITS.link) return refuse(`The link is longer than ${LINK_LIMITS.link} characters.`)
  if (!PRINTABLE.test(raw)) return refuse('The link holds spaces, control characters or letters that are not encoded.')
  const shape = SHAPE.exec(raw)
  if (!shape) return refuse('Not a Tier Admin link: it must start with tier-admin://open? followed by the user.')
  const values = new Map<string, string>()
  for (const part of shape[1]!.split('&')) {
    const at = part.indexOf('=')
    const key = at < 0 ? part : part.slice(0, at)
    if (!KEY.test(key) || !(key === 'pool' || (LINK_USER_KEYS as readonly string[]).includes(key))) {
      return refuse(`The link has an unknown key "${key.slice(0, 20)}": it takes email, username or sub, and pool.`)
    }
    if (values.has(key)) return refuse(`The link gives ${key} twice.`)
    if (at < 0 || at === part.length - 1) return refuse(`The link's ${key} has no value.`)
    const value = decoded(part.slice(at + 1))
    if (value === null) return refuse(`The link's ${key} is not correctly encoded.`)
    values.set(key, value)
  }
  const given = LINK_USER_KEYS.filter((key) => values.has(key))
  if (given.length !== 1)
    return refuse(given.length ? `The link names the user twice (${given.join(' and ')}): give one.` : 'The link names no user: give email, username or sub.')
  const by = given[0]!
  const value = values.get(by)!
  const problem = valueProblem(by, value) ?? (values.has('pool') ? poolProblem(values.get('pool')!) : undefined)
  if (problem) return refuse(problem)
  return { ok: true, link: { by, value, ...(values.has('pool') ? { pool: values.get('pool')! } : {}) } }
}

/** The value percent-decoded; null when the encoding is broken or decodes to a control or invisible character. */
function decoded(encoded: string): string | null {
  try {
    const value = decodeURIComponent(encoded.replace(/\+/g, '%20'))
    return /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(value) ? null : value
  } catch {
    return null
  }
}

function valueProblem(by: LinkUserKey, value: string): string | undefined {
  if (value.length > LINK_LIMITS[by]) return `The link's ${by} is longer than ${LINK_LIMITS[by]} characters.`
  if (/\s/u.test(value)) return `The link's ${by} holds a space.`
  if (by === 'email' && !EMAIL_FORM.test(value)) return "The link's email is not an email address."
  if (by === 'sub' && !SUB_FORM.test(value)) return "The link's sub is not a user ID (a UUID such as 1b2c3d4e-…)."
  if (by === 'username') {
    const checked = usernameSchema.safeParse(value)
    if (!checked.success) return `The link's username is not a username: ${checked.error.issues[0]?.message ?? 'it is malformed'}.`
  }
  return undefined
}

function poolProblem(pool: string): string | undefined {
  if (pool.length > LINK_LIMITS.pool || !(PROFILE_ID.test(pool) || USER_POOL_ID.test(pool))) {
    return "The link's pool is neither a profile id nor a user pool ID."
  }
  return undefined
}

/** The link "Copy link" makes: the username (which never changes) and the profile it was copied from, when known. */
export function makeTicketLink(username: string, profileId?: string): string {
  const pool = profileId ? `&pool=${encodeURIComponent(profileId)}` : ''
  return `${LINK_SCHEME}://open?username=${encodeURIComponent(username)}${pool}`
}

/** The connection a link is checked against: the profiles there are and the one open. */
export interface LinkPoolContext {
  profiles: readonly { id: string; name: string; userPoolId: string }[]
  activeId: string
  /** The open connection's user pool ID (the sandbox's is known only once it runs). */
  activePoolId: string
}

export type LinkPoolCheck = { ok: true } | { ok: false; reason: string; otherProfile?: { id: string; name: string } }

/**
 * Whether a link's pool is the one open. Another profile is a change of connection (another pool,
 * perhaps production): the operator is asked to switch, never switched for them. The reason carries
 * `{switchProfile}`, worded per front end (wording.ts).
 */
export function checkLinkPool(link: TicketLink, context: LinkPoolContext): LinkPoolCheck {
  const { pool } = link
  if (pool === undefined || pool === context.activeId || (pool === context.activePoolId && pool !== '')) return { ok: true }
  const profile = context.profiles.find((candidate) => candidate.id === pool)
  if (profile) {
    return {
      ok: false,
      reason: `This link is for the profile "${profile.name}" (${profile.id}), not the one open: {switchProfile}`,
      otherProfile: { id: profile.id, name: profile.name }
    }
  }
  if (USER_POOL_ID.test(pool) && !PROFILE_ID.test(pool))
    return { ok: false, reason: `This link is for the pool ${pool}, not the one open (${context.activePoolId || 'the sandbox'}).` }
  return { ok: false, reason: `This link names the profile "${pool}", and there is no profile with that id.` }
}
