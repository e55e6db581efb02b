import { TIER_BUCKETS, type ScanProgress } from '../../../../shared/domain'
import { BUCKET_LABELS, formatPercent } from '../../lib/format'

/** Each tier's share so far with its 95% interval; it closes on the exact figure as the scan ends. */
export function EstimateTable({ estimate }: { estimate: NonNullable<ScanProgress['estimate']> }) {
  return (
    <table className="table table-sm" aria-label="Estimated shares">
      <caption className="caption-top small">Estimated share of each tier (95% interval) from the partitions finished so far</caption>
      <thead>
        <tr>
          <th scope="col">Tier</th>
          <th scope="col">Share</th>
          <th scope="col">95% interval</th>
        </tr>
      </thead>
      <tbody>
        {TIER_BUCKETS.map((bucket) => {
          const { share, low, high } = estimate[bucket]
          return (
            <tr key={bucket}>
              <td>{BUCKET_LABELS[bucket]}</td>
              <td>{formatPercent(share)}</td>
              <td>
                {formatPercent(low)} – {formatPercent(high)} <span className="text-muted">(±{(Math.max(high - share, share - low) * 100).toFixed(1)} pp)</span>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
