import { useState } from 'react'
import type { PoolInfo, UserDetail } from '../../../../shared/domain'
import { BusyButton } from '../../components/BusyButton'
import { whenSubmitted } from '../../lib/forms'
import { AttributeChangeDialog } from './AttributeChangeDialog'
import { valueProblem, whyNotEditable, whyNotRemovable } from './attributeRules'
import { SpotResult } from './SpotResult'
import type { SpotError, SpotNotice } from './userPageStore'
import { ActionTableHead } from '../../components/ActionTableHead'

interface Props {
  user: UserDetail
  pool: PoolInfo | null
  busy: string | null
  notice: SpotNotice | null
  error: SpotError | null
  onSave: (name: string, value: string, markVerified: boolean) => Promise<boolean>
  onRemove: (name: string) => Promise<boolean>
}

interface Editing {
  name: string
  value: string
  touched: boolean
}

/**
 * Every attribute the user has, each editable or removable where the pool lets an administrator, and
 * the pool's other writable attributes to add. A bad value is said beside its field and nothing is sent.
 */
export function AttributesTab({ user, pool, busy, notice, error, onSave, onRemove }: Props) {
  const [editing, setEditing] = useState<Editing | null>(null)
  const [asking, setAsking] = useState<{ name: string; after: string | null } | null>(null)
  const [adding, setAdding] = useState('')
  const current = new Map(user.attributes.map((attribute) => [attribute.name, attribute.value]))
  const addable = (pool?.schema ?? []).filter((attribute) => !current.has(attribute.name) && !whyNotEditable(attribute.name, pool))
  const toAdd = addable.some((attribute) => attribute.name === adding) ? adding : (addable[0]?.name ?? '')
  const problem = editing ? valueProblem(editing.name, editing.value, pool) : null
  const fieldError =
    editing && error?.spot === 'attributes' ? (error.error.fields?.[`attributes.${editing.name}`] ?? error.error.fields?.[editing.name] ?? null) : null
  const rows = editing && !current.has(editing.name) ? [...user.attributes, { name: editing.name, value: '' }] : user.attributes

  function submit(): void {
    if (!editing) return
    if (problem) return setEditing({ ...editing, touched: true })
    setAsking({ name: editing.name, after: editing.value })
  }

  async function confirm(markVerified: boolean): Promise<void> {
    if (!asking) return
    setAsking(null)
    const done = asking.after === null ? await onRemove(asking.name) : await onSave(asking.name, asking.after, markVerified)
    if (done) setEditing(null)
  }

  return (
    <div>
      <table className="table table-sm small mb-2 user-attributes" aria-label="Attributes">
        <ActionTableHead columns={['Attribute', 'Value']} />
        <tbody>
          {rows.map(({ name, value }) => {
            const notEditable = whyNotEditable(name, pool)
            const notRemovable = whyNotRemovable(name, pool)
            const isEditing = editing?.name === name
            const shownProblem = isEditing && editing.touched ? problem : null
            return (
              <tr key={name}>
                <th scope="row" className="mono fw-normal text-break">
                  {name}
                </th>
                <td className="text-break">
                  {isEditing ? (
                    <form id="attribute-edit" onSubmit={whenSubmitted(submit)} noValidate>
                      <label htmlFor="attribute-value" className="visually-hidden">
                        New value of {name}
                      </label>
                      <input
                        id="attribute-value"
                        className={`form-control form-control-sm${shownProblem || fieldError ? ' is-invalid' : ''}`}
                        value={editing.value}
                        autoFocus
                        autoComplete="off"
                        aria-invalid={Boolean(shownProblem || fieldError)}
                        aria-describedby={shownProblem || fieldError ? 'attribute-value-error' : undefined}
                        onChange={(event) => setEditing({ ...editing, value: event.target.value, touched: editing.touched })}
                        onKeyDown={(event) => event.key === 'Escape' && setEditing(null)}
                      />
                      {(shownProblem || fieldError) && (
                        <div id="attribute-value-error" className="invalid-feedback d-block">
                          {shownProblem ?? fieldError}
                        </div>
                      )}
                    </form>
                  ) : (
                    value
                  )}
                </td>
                <td className="text-nowrap text-end">
                  {isEditing ? (
                    <>
                      <BusyButton busy={busy === `attributes:${name}`} form="attribute-edit" type="submit" className="btn btn-primary btn-sm me-1">
                        Save
                      </BusyButton>
                      <button type="button" className="btn btn-link btn-sm" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </>
                  ) : notEditable ? (
                    <span className="small text-body-secondary user-attribute-why">{notEditable}</span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="btn btn-link btn-sm"
                        aria-label={`Edit ${name}`}
                        disabled={busy !== null}
                        onClick={() => setEditing({ name, value, touched: false })}
                      >
                        Edit
                      </button>
                      {!notRemovable && (
                        <BusyButton
                          busy={busy === `attributes:${name}`}
                          disabled={busy !== null}
                          className="btn btn-link btn-sm text-danger"
                          aria-label={`Remove ${name}`}
                          onClick={() => setAsking({ name, after: null })}
                        >
                          Remove
                        </BusyButton>
                      )}
                    </>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {addable.length > 0 && !editing && (
        <form className="users-inline-form" onSubmit={whenSubmitted(() => toAdd && setEditing({ name: toAdd, value: '', touched: false }))}>
          <label htmlFor="attribute-add" className="visually-hidden">
            Attribute to add
          </label>
          <select id="attribute-add" className="form-select form-select-sm" value={toAdd} onChange={(event) => setAdding(event.target.value)}>
            {addable.map((attribute) => (
              <option key={attribute.name} value={attribute.name}>
                {attribute.name}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-outline-secondary btn-sm text-nowrap">
            Add attribute
          </button>
        </form>
      )}
      <SpotResult spot="attributes" username={user.username} notice={notice} error={fieldError ? null : error} />
      {asking && (
        <AttributeChangeDialog
          username={user.username}
          name={asking.name}
          before={current.get(asking.name) ?? null}
          after={asking.after}
          security={pool?.security}
          onCancel={() => setAsking(null)}
          onConfirm={(markVerified) => void confirm(markVerified)}
        />
      )}
    </div>
  )
}
