import type { ReturnChoice } from '../../../../shared/tierReturns'
import { localDateTime } from '../../lib/localInstant'

/**
 * The return a bulk change grants with, as the preview (and a resumed job) keeps it: "until …, then …",
 * said before Apply so the operator sees the date main will schedule, in their own clock.
 */
export function BulkReturnNote({ choice }: { choice: ReturnChoice }) {
  return (
    <p className="small mb-2" data-testid="bulk-return-note">
      <strong>
        Until {localDateTime(choice.until)}, then {choice.then}
      </strong>
      : each changed row&apos;s return is scheduled with its tier, and a row already at the target gets its return created or moved.
    </p>
  )
}
