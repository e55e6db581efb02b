import { useFocusedResult } from '../../hooks/useFocusedResult'
import { ActionResult } from './ActionResult'
import type { Spot, SpotError, SpotNotice } from './userPageStore'

interface Props {
  spot: Spot
  username: string
  notice: SpotNotice | null
  error: SpotError | null
}

/** A tab's write result, shown only beside the form it came from and only for the user it was about. */
export function SpotResult({ spot, username, notice, error }: Props) {
  const mine = notice && notice.spot === spot && notice.username === username ? notice : null
  const failed = error && error.spot === spot && error.username === username ? error.error : null
  const ref = useFocusedResult(mine, failed)
  return <ActionResult ref={ref} outcome={mine} error={failed} />
}
