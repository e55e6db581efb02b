import { useRef } from 'react'
import { bareAttributeName, CUSTOM_PREFIX, customAttributeName, isCustomName } from '../../../../shared/attributeNames'
import type { PoolInfo } from '../../../../shared/domain'
import { TIER_ATTRIBUTE } from '../../../../shared/tiers'
import { isStandardAttribute, newAttributeRow, type AttributeRow } from './attributeRows'

interface Props {
  rows: AttributeRow[]
  onChange: (rows: AttributeRow[]) => void
  /** The pool as described; null while unknown. */
  pool: PoolInfo | null
  /** What is wrong with each row, by row key (see attributeRowProblems). */
  problems: Map<number, string>
}

/** The id of a row's name field: focus goes there when the row is added or takes a removed row's place. */
const attributeNameId = (row: AttributeRow): string => `attribute-name-${row.key}`

/** Extra attributes, typed by bare name ("company" is sent as custom:company; "given_name" as itself). */
export function ExtraAttributesEditor({ rows, onChange, pool, problems }: Props) {
  const update = (key: number, patch: Partial<AttributeRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)))
  const addRef = useRef<HTMLButtonElement>(null)
  /** Focus for the next control once the rows are drawn: a new row's name, or the row that took a removed one's place. */
  const focusAfterRender = (row: AttributeRow | undefined) =>
    requestAnimationFrame(() => (row ? document.getElementById(attributeNameId(row)) : addRef.current)?.focus())
  const add = () => {
    const row = newAttributeRow()
    onChange([...rows, row])
    focusAfterRender(row)
  }
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index))
    focusAfterRender(rows[index + 1] ?? rows[index - 1])
  }
  const custom = pool?.customAttributes.map(customAttributeName).filter((name) => name !== TIER_ATTRIBUTE)
  return (
    <fieldset className="mb-3">
      <legend className="form-label fs-6 mb-1">Extra attributes</legend>
      {custom && (
        <div className="form-text mt-0 mb-2">This pool has {custom.join(', ') || 'no other custom attributes'} and the standard ones (given_name …)</div>
      )}
      {rows.map((row, index) => {
        const problem = problems.get(row.key) ?? null
        const number = index + 1
        const standard = isStandardAttribute(row.name, pool)
        const problemId = `${attributeNameId(row)}-problem`
        return (
          <div key={row.key} className="row g-2 mb-2 align-items-start">
            <div className="col-5">
              <div className="input-group has-validation">
                <span className="input-group-text mono" title={standard ? 'A standard Cognito attribute, sent under its own name' : undefined}>
                  {standard ? 'std' : CUSTOM_PREFIX}
                </span>
                <input
                  id={attributeNameId(row)}
                  className={`form-control${problem ? ' is-invalid' : ''}`}
                  aria-label={`Attribute name ${number}`}
                  aria-invalid={Boolean(problem)}
                  aria-describedby={problem ? problemId : undefined}
                  value={isCustomName(row.name) ? bareAttributeName(row.name) : row.name}
                  placeholder="company"
                  onChange={(event) => update(row.key, { name: event.target.value })}
                />
                {problem && (
                  <div id={problemId} className="invalid-feedback">
                    {problem}
                  </div>
                )}
              </div>
            </div>
            <div className="col">
              <input
                className="form-control"
                aria-label={`Attribute value ${number}`}
                value={row.value}
                placeholder="value"
                onChange={(event) => update(row.key, { value: event.target.value })}
              />
            </div>
            <div className="col-auto">
              <button type="button" className="btn btn-outline-danger" aria-label={`Remove attribute ${number}`} onClick={() => remove(index)}>
                Remove
              </button>
            </div>
          </div>
        )
      })}
      <button ref={addRef} type="button" className="btn btn-outline-secondary btn-sm" onClick={add}>
        Add attribute
      </button>
    </fieldset>
  )
}
