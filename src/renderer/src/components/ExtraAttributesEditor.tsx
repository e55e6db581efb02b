import { addCustomAttributeSteps } from '../../../shared/attributeAdvice'
import { schemas } from '../../../shared/contract'

export interface AttributeRow {
  key: number
  name: string
  value: string
}

interface Props {
  rows: AttributeRow[]
  onChange: (rows: AttributeRow[]) => void
  /** The pool's custom attribute names (bare); null while unknown. */
  poolAttributes: string[] | null
  fieldErrors?: Record<string, string>
}

let nextKey = 1

function bareName(name: string): string {
  return name.trim().replace(/^custom:/, '')
}

/** Why a typed attribute name cannot be used, or null when it can. */
function problemWith(name: string, poolAttributes: string[] | null): string | null {
  if (!name.trim()) return null
  const parsed = schemas.register.shape.attributes.unwrap().keyType.safeParse(name)
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a valid attribute name'
  const bare = bareName(name)
  if (bare === 'user_tier') return 'Set the tier with the Tier field above'
  if (poolAttributes && !poolAttributes.includes(bare)) {
    return `The pool has no attribute custom:${bare}. Add it (${addCustomAttributeSteps(bare)}) or remove this row.`
  }
  return null
}

/** Extra custom attributes, typed by bare name ("company" is sent as custom:company). */
export function ExtraAttributesEditor({ rows, onChange, poolAttributes, fieldErrors }: Props) {
  const update = (key: number, patch: Partial<AttributeRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)))
  return (
    <fieldset className="mb-3">
      <legend className="form-label fs-6 mb-1">Extra attributes</legend>
      {poolAttributes && (
        <div className="form-text mt-0 mb-2">
          This pool has:{' '}
          {poolAttributes
            .filter((name) => name !== 'user_tier')
            .map((name) => `custom:${name}`)
            .join(', ') || 'no other custom attributes'}
        </div>
      )}
      {rows.map((row, index) => {
        const problem =
          problemWith(row.name, poolAttributes) ?? fieldErrors?.[`attributes.${row.name}`] ?? fieldErrors?.[`attributes.custom:${bareName(row.name)}`] ?? null
        const number = index + 1
        return (
          <div key={row.key} className="row g-2 mb-2 align-items-start">
            <div className="col-5">
              <div className="input-group has-validation">
                <span className="input-group-text mono">custom:</span>
                <input
                  className={`form-control${problem ? ' is-invalid' : ''}`}
                  aria-label={`Attribute name ${number}`}
                  value={bareName(row.name) === row.name.trim() ? row.name : bareName(row.name)}
                  placeholder="company"
                  onChange={(event) => update(row.key, { name: event.target.value })}
                />
                {problem && <div className="invalid-feedback">{problem}</div>}
              </div>
            </div>
            <div className="col-5">
              <input
                className="form-control"
                aria-label={`Attribute value ${number}`}
                value={row.value}
                placeholder="value"
                onChange={(event) => update(row.key, { value: event.target.value })}
              />
            </div>
            <div className="col-2">
              <button
                type="button"
                className="btn btn-outline-danger w-100"
                aria-label={`Remove attribute ${number}`}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                Remove
              </button>
            </div>
          </div>
        )
      })}
      <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onChange([...rows, { key: nextKey++, name: '', value: '' }])}>
        Add attribute
      </button>
    </fieldset>
  )
}

export function hasAttributeProblems(rows: AttributeRow[], poolAttributes: string[] | null): boolean {
  return rows.some((row) => problemWith(row.name, poolAttributes) !== null)
}
