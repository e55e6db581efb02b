import type { ReactNode } from 'react'
import { ACTION_GROUPS, AUDIT_OUTCOMES, MAX_REASON_CHARS, type AuditFilter } from '../../../../shared/audit'
import { BusyButton } from '../../components/BusyButton'
import { SelectField, type Option } from '../../components/SelectField'
import { whenSubmitted } from '../../lib/forms'
import { OUTCOMES } from '../../lib/outcomes'

interface Props {
  draft: AuditFilter
  /** Operations present in the trail, offered under the groups. */
  actions: string[]
  loading: boolean
  onChange: (change: Partial<AuditFilter>) => void
  onApply: () => void
  onClear: () => void
}

const LABEL = 'form-label small mb-1'
const ACTION_OPTIONS: Option<string>[] = [
  { value: '', label: 'Any action' },
  ...Object.entries(ACTION_GROUPS).map(([key, group]) => ({ value: key, label: group.label }))
]
const OUTCOME_OPTIONS: Option<NonNullable<AuditFilter['outcome']> | ''>[] = [
  { value: '', label: 'Any outcome' },
  ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOMES[outcome].label }))
]

/** The Audit screen's filter bar; one form, so Enter in any field applies it. */
export function AuditFilters({ draft, actions, loading, onChange, onApply, onClear }: Props) {
  const dateField = (key: 'from' | 'to', label: string) => (
    <div className="audit-filter audit-filter-date">
      <label className={LABEL} htmlFor={`audit-${key}`} title="Whole days, in UTC">
        {label}
      </label>
      <input
        id={`audit-${key}`}
        type="date"
        className="form-control form-control-sm"
        value={draft[key] ?? ''}
        onChange={(event) => onChange({ [key]: event.target.value })}
      />
    </div>
  )
  const select = <K extends 'action' | 'outcome'>(key: K, label: string, options: Option<NonNullable<AuditFilter[K]> | ''>[], extra?: ReactNode) => (
    <div className={`audit-filter audit-filter-${key}`}>
      <SelectField
        id={`audit-${key}`}
        label={label}
        labelClassName={LABEL}
        className="form-select form-select-sm"
        value={draft[key] ?? ''}
        options={options}
        onChange={(value) => onChange({ [key]: value || undefined })}
      >
        {extra}
      </SelectField>
    </div>
  )
  return (
    <form className="audit-filters" aria-label="Filter the audit trail" onSubmit={whenSubmitted(onApply)}>
      <div className="audit-filter audit-filter-user">
        <label className={LABEL} htmlFor="audit-user">
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
      <div className="audit-filter audit-filter-reason">
        <label className={LABEL} htmlFor="audit-reason">
          Ticket or reason
        </label>
        <input
          id="audit-reason"
          className="form-control form-control-sm"
          placeholder="Part of a ticket or reason"
          value={draft.reason ?? ''}
          maxLength={MAX_REASON_CHARS}
          onChange={(event) => onChange({ reason: event.target.value })}
        />
      </div>
      {select(
        'action',
        'Action',
        ACTION_OPTIONS,
        actions.length > 0 && (
          <optgroup label="One operation">
            {actions.map((operation) => (
              <option key={operation} value={operation}>
                {operation}
              </option>
            ))}
          </optgroup>
        )
      )}
      {dateField('from', 'From')}
      {dateField('to', 'To')}
      {select('outcome', 'Outcome', OUTCOME_OPTIONS)}
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
