import type { StatsFigures } from '../../../../shared/domain'
import { TIER_BUCKETS } from '../../../../shared/domain'
import { clampText } from '../../lib/clampText'
import { formatPercent } from '../../lib/format'
import { withEmptyWeeks } from './weeks'

/** An invalid tier value can be up to 2,048 characters in the pool: the table shows the start of it. */
const MAX_LABEL = 80
/** Longer than any status or date: a label this long is an invalid tier value, which may wrap anywhere. */
const BREAKABLE = 24
/** The sign-ups table's weeks, newest first: a month at a glance; the chart shows half a year. */
const RECENT_WEEKS = 4

/**
 * The counts after the tiers: account statuses, enabled and disabled, recent weekly sign-ups, and each
 * invalid tier value on its own row (the summary above counts them together).
 */
export function CountsTable({ figures }: { figures: StatsFigures }) {
  const statusRows: [string, number][] = Object.entries(figures.statuses)
  const enabledRows: [string, number][] = [
    ['enabled', figures.enabled],
    ['disabled', figures.disabled]
  ]
  const signupRows: [string, number][] = withEmptyWeeks(figures.weekly)
    .slice(-RECENT_WEEKS)
    .reverse()
    .map((week): [string, number] => [week.week, TIER_BUCKETS.reduce((sum, bucket) => sum + week[bucket], 0)])
  // Quoted, so a value that only differs by a space (" premium") shows where it differs.
  const invalidRows = Object.entries(figures.tiers.invalid).map(([value, count]): [string, number] => [`“${value}”`, count])
  return (
    <div className="row g-3">
      {/* Widths for the longest words in each: FORCE_CHANGE_PASSWORD, a week's date, "disabled". */}
      <div className="col-md-6 col-lg-5">
        <CountTable label="Users per status" heading="Status" rows={statusRows} total={figures.total} />
      </div>
      <div className="col-md-6 col-lg-3">
        <CountTable label="Enabled and disabled users" heading="Account" rows={enabledRows} total={figures.total} />
      </div>
      <div className="col-md-6 col-lg-4">
        <CountTable label="Sign-ups in the last weeks" heading="Week from" rows={signupRows} empty="No sign-up dates in this scan." />
      </div>
      {invalidRows.length > 0 && (
        <div className="col-12">
          <CountTable label="Invalid tier values" heading="Value stored as the tier" rows={invalidRows} total={figures.total} />
        </div>
      )}
    </div>
  )
}

interface CountTableProps {
  label: string
  heading: string
  rows: [string, number][]
  /** The users counted: given, each row shows its share of them. */
  total?: number
  /** What the table says when it has no rows. */
  empty?: string
}

/** One table of counts, each row a label (cut to MAX_LABEL, whole in its tooltip) and its number of users. */
function CountTable({ label, heading, rows, total, empty }: CountTableProps) {
  const share = (count: number) => (total ? formatPercent(count / total) : '—')
  return (
    <table className="table table-sm small mb-0" aria-label={label}>
      <caption className="caption-top small fw-semibold text-body-emphasis">{label}</caption>
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
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={total !== undefined ? 3 : 2} className="text-body-secondary">
              {empty}
            </td>
          </tr>
        )}
        {rows.map(([name, count]) => (
          <tr key={name}>
            {/* Only a long value (an invalid tier) may break mid-word; a status such as FORCE_CHANGE_PASSWORD stays whole. */}
            <td className={name.length > BREAKABLE ? 'text-break' : undefined} title={name.length > MAX_LABEL ? name : undefined}>
              {clampText(name, MAX_LABEL)}
            </td>
            <td className="text-end">{count.toLocaleString()}</td>
            {total !== undefined && <td className="text-end">{share(count)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
