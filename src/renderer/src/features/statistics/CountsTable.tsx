import type { StatsFigures } from '../../../../shared/domain'
import { clampText } from '../../lib/clampText'
import { formatPercent } from '../../lib/format'

/** An invalid tier value can be up to 2,048 characters in the pool: the table shows the start of it. */
const MAX_LABEL = 80

/** Exact counts: tiers (each invalid value on its own row), statuses, enabled and disabled. */
export function CountsTable({ figures }: { figures: StatsFigures }) {
  const tierRows: [string, number][] = [
    ['standard', figures.tiers.standard],
    ['premium', figures.tiers.premium],
    ['no tier', figures.tiers.none],
    ...Object.entries(figures.tiers.invalid).map(([value, count]): [string, number] => [`invalid: ${value}`, count])
  ]
  const statusRows: [string, number][] = [...Object.entries(figures.statuses), ['enabled', figures.enabled], ['disabled', figures.disabled]]
  return (
    <div className="row g-3">
      <div className="col-md-6">
        <CountTable label="Users per tier" heading="Tier" rows={tierRows} total={figures.total} />
      </div>
      <div className="col-md-6">
        <CountTable label="Users per status" heading="Status" rows={statusRows} />
      </div>
    </div>
  )
}

interface CountTableProps {
  label: string
  heading: string
  rows: [string, number][]
  /** The users counted: given, each row shows its share of them and a footer their number. */
  total?: number
}

/** One table of counts, each row a label (cut to MAX_LABEL, whole in its tooltip) and its number of users. */
function CountTable({ label, heading, rows, total }: CountTableProps) {
  const share = (count: number) => (total ? formatPercent(count / total) : '—')
  return (
    <table className="table table-sm" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="text-end">
            Users
          </th>
          {total !== undefined && (
            <th scope="col" className="text-end">
              Share
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, count]) => (
          <tr key={name}>
            <td className="text-break" title={name.length > MAX_LABEL ? name : undefined}>
              {clampText(name, MAX_LABEL)}
            </td>
            <td className="text-end">{count.toLocaleString()}</td>
            {total !== undefined && <td className="text-end">{share(count)}</td>}
          </tr>
        ))}
      </tbody>
      {total !== undefined && (
        <tfoot>
          <tr className="fw-semibold">
            <td>Total</td>
            <td className="text-end">{total.toLocaleString()}</td>
            <td />
          </tr>
        </tfoot>
      )}
    </table>
  )
}
