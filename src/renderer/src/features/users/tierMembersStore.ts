import { create } from 'zustand'
import { MAX_BULK_ROWS } from '../../../../shared/bulk'
import type { TierBucket, TierMember } from '../../../../shared/domain'
import type { AppErrorShape } from '../../../../shared/errors'
import type { PendingReturn } from '../../../../shared/tierReturns'
import { api } from '../../api/api'

/** Users of a tier a page at a time: the scan's member files can hold a whole pool. */
export const MEMBERS_PAGE = 50

export interface MembersView {
  bucket: TierBucket
  offset: number
  total: number
  members: TierMember[]
}

interface TierMembersState {
  /** The bucket chosen in the form, kept across screen switches. */
  bucket: TierBucket
  /** Whether the list pane shows this list instead of the search results. */
  shown: boolean
  view: MembersView | null
  loading: boolean
  error: AppErrorShape | null
  /** The pool's pending tier returns by username, read once per list shown; null until read. */
  returns: Record<string, PendingReturn> | null
  returnsError: AppErrorShape | null
  choose: (bucket: TierBucket) => void
  load: (bucket: TierBucket, offset?: number) => Promise<void>
  hide: () => void
  /** Every member's username (for a bulk tier change), read a thousand at a time; null when it failed (the error is set). */
  allUsernames: () => Promise<string[] | null>
}

/** The largest page the members channel gives. */
const COLLECT_PAGE = 1000

/**
 * Cognito cannot filter on a custom attribute, so a tier's users come from the last statistics scan.
 * The list replaces the search results in the list pane (it never adds rows to them), and opening one
 * of its users leaves it as it is, so the next click lands where the operator aimed.
 */
export const useTierMembers = create<TierMembersState>((set, get) => ({
  bucket: 'premium',
  shown: false,
  view: null,
  loading: false,
  error: null,
  returns: null,
  returnsError: null,
  choose: (bucket) => set({ bucket }),
  load: async (bucket, offset = 0) => {
    set({ loading: true, error: null, shown: true, bucket })
    // One read of the whole schedule group for the list, never one per row; the rows do not wait for it.
    void loadReturns()
    const reply = await api.listTierMembers({ bucket, offset, limit: MEMBERS_PAGE })
    if (reply.ok) set({ loading: false, view: { bucket, offset, total: reply.data.total, members: reply.data.members } })
    else set({ loading: false, view: null, error: reply.error })
  },
  hide: () => set({ shown: false }),
  allUsernames: async () => {
    const view = get().view
    if (!view) return null
    const usernames: string[] = []
    set({ loading: true, error: null })
    for (let offset = 0; offset < Math.min(view.total, MAX_BULK_ROWS); offset += COLLECT_PAGE) {
      const reply = await api.listTierMembers({ bucket: view.bucket, offset, limit: COLLECT_PAGE })
      if (!reply.ok) {
        set({ loading: false, error: reply.error })
        return null
      }
      usernames.push(...reply.data.members.map((member) => member.username))
    }
    set({ loading: false })
    return usernames
  }
}))

async function loadReturns(): Promise<void> {
  const reply = await api.listReturns()
  if (!reply.ok) return useTierMembers.setState({ returns: null, returnsError: reply.error })
  useTierMembers.setState({ returns: Object.fromEntries(reply.data.returns.map((pending) => [pending.username, pending])), returnsError: null })
}
