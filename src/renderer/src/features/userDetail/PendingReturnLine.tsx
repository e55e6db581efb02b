import { useState } from 'react'
import { returnSentence } from '../../../../shared/tierReturns'
import { BusyButton } from '../../components/BusyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useFocusedResult } from '../../hooks/useFocusedResult'
import { useStoreFields } from '../../hooks/useStoreFields'
import { ActionResult } from './ActionResult'
import { ExtendReturnDialog } from './ExtendReturnDialog'
import { useUserReturn } from './userReturnStore'

/**
 * Under the user's header, on every tab: the tier they hold until a date and what follows
 * ("premium until 15 Jan 2027, 09:00 UTC, then standard"), flagged when the user no longer holds the
 * granted tier, with Extend and Cancel return. Nothing shows while none is scheduled.
 */
export function PendingReturnLine({ username }: { username: string }) {
  const state = useStoreFields(useUserReturn, ['username', 'pending', 'loadError', 'busy', 'outcome', 'error'])
  const { extend, cancel } = useUserReturn.getState()
  const [asking, setAsking] = useState<'extend' | 'cancel' | null>(null)
  const mine = state.username === username
  const outcome = mine && state.outcome?.username === username ? state.outcome : null
  const error = mine ? state.error : null
  const resultRef = useFocusedResult(outcome, error)
  const pending = mine ? state.pending : undefined

  return (
    <div className="user-return">
      {pending && (
        <div
          className="d-flex flex-wrap align-items-center gap-2 small border-start border-3 border-warning ps-2 mb-2"
          role="group"
          aria-label="Pending return"
        >
          <span>
            <span className="fw-semibold">Tier return:</span> {returnSentence(pending)}
          </span>
          {pending.flagged && (
            <span className="badge text-bg-warning text-wrap text-start" title={pending.flagged}>
              Check: {pending.flagged}
            </span>
          )}
          <BusyButton busy={state.busy === 'extend'} className="btn btn-sm btn-outline-secondary" onClick={() => setAsking('extend')}>
            Extend…
          </BusyButton>
          <BusyButton busy={state.busy === 'cancel'} className="btn btn-sm btn-outline-secondary" onClick={() => setAsking('cancel')}>
            Cancel return…
          </BusyButton>
        </div>
      )}
      {mine && state.loadError && <p className="small text-body-secondary mb-0">A pending tier return could not be read: {state.loadError.message}</p>}
      <ActionResult ref={resultRef} outcome={outcome} error={error} />
      {asking === 'extend' && pending && (
        <ExtendReturnDialog
          pending={pending}
          onCancel={() => setAsking(null)}
          onExtend={(until, then) => {
            setAsking(null)
            void extend(until, then)
          }}
        />
      )}
      {asking === 'cancel' && pending && (
        <ConfirmDialog
          title={`Cancel ${username}'s tier return?`}
          confirmLabel="Cancel the return"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null)
            void cancel()
          }}
        >
          <p className="mb-2">Now: {returnSentence(pending)}.</p>
          <p className="mb-0">
            {username} keeps {pending.grantedTier}, with no end date: the schedule is deleted and does not run.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
