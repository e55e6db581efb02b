import { ACTION_GROUPS, AUDIT_OUTCOMES, type AuditFilter } from '../../../../shared/audit'
import { OUTCOMES } from '../../lib/outcomes'
import { BusyButton } from '../../components/BusyButton'

interface Props {
  draft: AuditFilter
  /** Operations present in the trail, offered under the groups. */
  actions: string[]
  loading: boolean
  onChange: (change: Partial<AuditFilter>) => void
  onApply: () => void
  onClear: () => void
}

/** The Audit screen's filter bar; one form, so Enter in any field applies it. */
export function AuditFilters({ draft, actions, loading, onChange, onApply, onClear }: Props) {
  return (
    <form
      className="audit-filters"
      aria-label="Filter the audit trail"
      onSubmit={(event) => {
        event.preventDefault()
        onApply()
      }}
    >
      <div className="audit-filter audit-filter-user">
        <label className="form-label small mb-1" htmlFor="audit-user">
          User
        </label>
        <input
          id="audit-user"
          className="form-control form-control-sm"
          placeholder="Part of a username"
          value={draft.user ?? ''}
          maxLength={128}
          onChange={(event) => onChange({ user: event.target.value })}
        />
      </div>
      <div className="audit-filter audit-filter-action">
        <label className="form-label small mb-1" htmlFor="audit-action">
          Action
        </label>
        <select
          id="audit-action"
          className="form-select form-select-sm"
          value={draft.action ?? ''}
          onChange={(event) => onChange({ action: event.target.value })}
        >
          <option value="">Any action</option>
          {Object.entries(ACTION_GROUPS).map(([key, group]) => (
            <option key={key} value={key}>
              {group.label}
            </option>
          ))}
          {actions.length > 0 && (
            <optgroup label="One operation">
              {actions.map((operation) => (
                <option key={operation} value={operation}>
                  {operation}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="audit-filter audit-filter-date">
        <label className="form-label small mb-1" htmlFor="audit-from" title="Whole days, in UTC">
          From
        </label>
        <input
          id="audit-from"
          type="date"
          className="form-control form-control-sm"
          value={draft.from ?? ''}
          onChange={(event) => onChange({ from: event.target.value })}
        />
      </div>
      <div className="audit-filter audit-filter-date">
        <label className="form-label small mb-1" htmlFor="audit-to" title="Whole days, in UTC">
          To
        </label>
        <input
          id="audit-to"
          type="date"
          className="form-control form-control-sm"
          value={draft.to ?? ''}
          onChange={(event) => onChange({ to: event.target.value })}
        />
      </div>
      <div className="audit-filter audit-filter-outcome">
        <label className="form-label small mb-1" htmlFor="audit-outcome">
          Outcome
        </label>
        <select
          id="audit-outcome"
          className="form-select form-select-sm"
          value={draft.outcome ?? ''}
          onChange={(event) => onChange({ outcome: (event.target.value || undefined) as AuditFilter['outcome'] })}
        >
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOMES[outcome].label}
            </option>
          ))}
        </select>
      </div>
      <div className="audit-filter-buttons">
        <BusyButton type="submit" busy={loading} className="btn btn-primary btn-sm">
          Filter
        </BusyButton>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClear}>
          Clear
        </button>
      </div>
    </form>
  )
}
