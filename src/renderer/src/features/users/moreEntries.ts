import type { TierBucket } from '../../../../shared/domain'
import type { MenuEntry } from '../../components/MenuButton'
import { BUCKET_LABELS, BUCKET_OPTIONS } from '../../lib/format'
import type { Found } from './findResults'
import { viewOf, type ListFilters, type SortOrder } from './userListView'
import type { UserDetail } from '../../../../shared/domain'

interface Options {
  /** The usernames of the list on screen, after its filters; empty when none is shown. */
  shown: string[]
  onBulk: (usernames: string[]) => void
  onList: (bucket: TierBucket) => void
}

/**
 * The Users screen's rarely used controls, kept in its "More" menu so they take no room: a bulk tier
 * change of the list on screen, and a tier's users from the last scan (Cognito cannot search on the tier).
 */
export function moreEntries({ shown, onBulk, onList }: Options): MenuEntry[] {
  const bulk: MenuEntry[] =
    shown.length > 0 ? [{ kind: 'item', label: `Change tier of ${shown.length.toLocaleString()} shown…`, onSelect: () => onBulk(shown) }] : []
  return [
    ...bulk,
    { kind: 'heading', label: 'Users of a tier, from the last scan' },
    ...BUCKET_OPTIONS.map(({ value }): MenuEntry => ({ kind: 'item', label: listLabel(value), onSelect: () => onList(value) }))
  ]
}

function listLabel(bucket: TierBucket): string {
  return bucket === 'none' || bucket === 'invalid'
    ? `List users with ${bucket === 'none' ? 'no tier' : 'an invalid tier value'}`
    : `List ${BUCKET_LABELS[bucket]} users`
}

/** The usernames of the find's list as shown (filtered), or of the last scan's matches for part of an email. */
export function shownUsernames(found: Found | null, results: UserDetail[], filters: ListFilters, sort: SortOrder): string[] {
  if (found?.foundBy === 'email-part') return found.scan?.members.map((member) => member.username) ?? []
  return viewOf(results, filters, sort).map((user) => user.username)
}
