/**
 * What one find in the Users screen's box found, in words, and whether a user changed since still
 * belongs in the list it made. Pure: the store (usersStore.ts) and the list's caption read it.
 */
import { quoted } from '../../../../shared/display'
import type { FindResult, FoundBy, TierMember, UserDetail } from '../../../../shared/domain'
import { formatDateTime } from '../../lib/format'

/** The last find that answered: what was typed and what main took it for. */
export interface Found {
  query: string
  foundBy: FoundBy
  loweredCase: boolean
  /** For part of an email: the last scan's matches; null when no scan has finished. */
  scan?: FindResult['scan']
  /** The user this find opened by itself (exactly one match), whose page its notice belongs to. */
  opened?: string
}

/** How main matched each kind of query (support/find.ts): a username from its start, the others whole. */
const FOUND_BY_WORDS: Record<FoundBy, string> = {
  email: 'whose email is',
  sub: 'whose sub is',
  phone: 'whose phone number is',
  username: 'whose username starts with',
  'email-part': 'whose email contains'
}

/** "whose email is "bob@acme.test"": what a list holds. */
export function describeFound(found: Found): string {
  return `${FOUND_BY_WORDS[found.foundBy]} ${quoted(found.query)}`
}

/** Said when Cognito's case-sensitive match found nothing and the lower-cased value did. */
export function loweredCaseNote(found: Found): string | null {
  return found.loweredCase ? `Nothing matched as typed; found by the lower-case ${quoted(found.query.toLowerCase())}.` : null
}

/** "from the scan of 5 Dec 2026, 07:10": the scan's matches are as old as the scan. */
export function scanLabel(finishedAt: string): string {
  return `from the scan of ${formatDateTime(finishedAt)}`
}

const digits = (phone: string): string => phone.replace(/[^\d+]/g, '')

/**
 * Whether a user read again after a change still answers the find that listed them: a changed email
 * or phone number leaves a list found by it. A username or sub never changes.
 */
export function stillMatches(user: UserDetail, found: Found | null): boolean {
  if (!found) return true
  switch (found.foundBy) {
    case 'email':
      return user.email?.toLowerCase() === found.query.toLowerCase()
    case 'phone':
      return user.phone !== null && digits(user.phone) === digits(found.query)
    case 'email-part':
      return (user.email ?? '').toLowerCase().includes(found.query.toLowerCase())
    default:
      return true
  }
}

/** A scan match brought up to date with the user as read now, or dropped when no longer a match. */
export function updateScanMatches(members: TierMember[], user: UserDetail, found: Found): TierMember[] {
  if (!members.some((member) => member.username === user.username)) return members
  if (!stillMatches(user, found)) return members.filter((member) => member.username !== user.username)
  return members.map((member) => (member.username === user.username ? { ...member, email: user.email } : member))
}
