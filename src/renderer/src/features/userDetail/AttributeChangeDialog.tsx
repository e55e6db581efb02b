import { useRef, useState } from 'react'
import type { PoolSecurity } from '../../../../shared/support'
import { Modal } from '../../components/Modal'
import { addressChangeWords, isAddress } from './attributeRules'

interface Props {
  username: string
  name: string
  before: string | null
  /** Null: the attribute is removed. */
  after: string | null
  security: PoolSecurity | undefined
  onConfirm: (markVerified: boolean) => void
  onCancel: () => void
}

/**
 * Before → after, asked before an attribute is written or removed. A new email address or phone
 * number also says what Cognito does on this pool and offers to mark it verified, for an address
 * the operator checked another way.
 */
export function AttributeChangeDialog({ username, name, before, after, security, onConfirm, onCancel }: Props) {
  const [markVerified, setMarkVerified] = useState(false)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const address = after !== null && isAddress(name) ? name : null
  return (
    <Modal
      labelledBy="attribute-change-title"
      focusable="input, button:not([disabled])"
      onEscape={onCancel}
      initialFocus={cancelRef}
      className="bg-body text-body"
    >
      <div className="p-4">
        <h2 id="attribute-change-title" className="h5">
          {after === null ? `Remove ${name} from ${username}?` : `Change ${username}’s ${name}?`}
        </h2>
        <p className="mb-2 text-break" data-testid="attribute-change">
          <span className="mono">{before ?? '(not set)'}</span> <span aria-label="becomes">→</span> <span className="mono">{after ?? '(removed)'}</span>
        </p>
        {address && (
          <>
            <p className="small mb-2">{addressChangeWords(address, security, markVerified)}</p>
            <div className="form-check mb-2">
              <input
                id="attribute-mark-verified"
                type="checkbox"
                className="form-check-input"
                checked={markVerified}
                onChange={(event) => setMarkVerified(event.target.checked)}
              />
              <label htmlFor="attribute-mark-verified" className="form-check-label">
                Mark as verified (I checked it is theirs another way)
              </label>
            </div>
          </>
        )}
        <div className="d-flex justify-content-end gap-2 mt-3">
          <button ref={cancelRef} type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn btn-warning" onClick={() => onConfirm(markVerified)}>
            {after === null ? 'Remove' : 'Change'}
          </button>
        </div>
      </div>
    </Modal>
  )
}
