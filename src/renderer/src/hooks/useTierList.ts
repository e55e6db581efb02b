import type { TierBucket } from '../../../shared/domain'
import { useStats } from '../features/statistics/statsStore'
import { useTierMembers } from '../features/users/tierMembersStore'
import { useNavigation } from '../stores/navigationStore'
import { useStoreFields } from './useStoreFields'

/**
 * The Users screen's list of a tier's users, which comes from the last statistics scan: the list's
 * state, when that scan finished, and the way to the Statistics screen to run another.
 */
export function useTierList() {
  const list = useStoreFields(useTierMembers, ['bucket', 'shown', 'view', 'loading', 'error'])
  const scannedAt = useStats((state) => state.snapshot?.last?.finishedAt ?? null)
  const { choose, load, hide, allUsernames } = useTierMembers.getState()
  return {
    ...list,
    scannedAt,
    choose,
    list: (bucket: TierBucket) => void load(bucket),
    page: (offset: number) => void (list.view && load(list.view.bucket, offset)),
    hide,
    allUsernames,
    goToStatistics: () => useNavigation.getState().go('statistics')
  }
}
