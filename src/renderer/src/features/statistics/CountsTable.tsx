import type { StatsFigures } from '../../../../shared/domain'
import { clampText } from '../../lib/clampText'
import { formatPercent } from '../../lib/format'

/** An invalid tier value can be up to 2,048 characters in the pool: the table shows the start of it. */
const MAX_LABEL = 80

/** Exact counts: tiers (each invalid value on its own row), statuses, enabled and disabled. */
export function CountsTable({ figures }: { figures: StatsFigures }) {
  const share = (count: number) => (figures.total ? formatPercent(count / figures.total) : '—')
  const tierRows: [string, number][] = [
    ['standard', figures.tiers.standard],
    ['premium', figures.tiers.premium],
    ['no tier', figures.tiers.none],
    ...Object.entries(figures.tiers.invalid).map(([value, count]): [string, number] => [`invalid: ${value}`, count])
  ]
  return (
    <div className="row g-3">
      <div className="col-md-6">
        <table className="table table-sm" aria-label="Users per tier">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col" className="text-end">
                Users
              </th>
              <th scope="col" className="text-end">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {tierRows.map(([label, count]) => (
              <tr key={label}>
                <td className="text-break" title={label.length > MAX_LABEL ? label : undefined}>
                  {clampText(label, MAX_LABEL)}
                </td>
                <td className="text-end">{count.toLocaleString()}</td>
                <td className="text-end">{share(count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="fw-semibold">
              <td>Total</td>
              <td className="text-end">{figures.total.toLocaleString()}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="col-md-6">
        <table className="table table-sm" aria-label="Users per status">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col" className="text-end">
                Users
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(figures.statuses).map(([status, count]) => (
              <tr key={status}>
                <td>{status}</td>
                <td className="text-end">{count.toLocaleString()}</td>
              </tr>
            ))}
            <tr>
              <td>enabled</td>
              <td className="text-end">{figures.enabled.toLocaleString()}</td>
            </tr>
            <tr>
              <td>disabled</td>
              <td className="text-end">{figures.disabled.toLocaleString()}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  )
}
