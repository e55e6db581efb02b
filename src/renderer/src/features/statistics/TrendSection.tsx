import { useEffect, useId } from 'react'
import { CHANGE_KINDS, CHANGE_RANGES, type TierChangesReport } from '../../../../shared/statsHistory'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectField } from '../../components/SelectField'
import { formatDateTime } from '../../lib/format'
import { useConnection } from '../../stores/connectionStore'
import { ChartCard } from './TierCharts'
import { CHANGE_LABELS, TierChangesChart } from './TierChangesChart'
import { TierTrend } from './TierTrend'
import { useTrend } from './trendStore'

const RANGE_OPTIONS = CHANGE_RANGES.map((days) => ({ value: String(days), label: `Last ${days} days` }))

/**
 * Tiers over time: each tier's count over the kept scans, and the tier changes per day from this
 * computer's audit trail over a chosen range, with who made them. Read again whenever a scan finishes.
 */
export function TrendSection({ finishedAt }: { finishedAt: string | undefined }) {
  const scans = useTrend((state) => state.scans)
  const changes = useTrend((state) => state.changes)
  const days = useTrend((state) => state.days)
  const error = useTrend((state) => state.error)
  const load = useTrend((state) => state.load)
  const setDays = useTrend((state) => state.setDays)
  const userPoolId = useConnection((state) => state.status?.info?.userPoolId)
  const rangeId = useId()

  // Another pool (a profile switched) has a history of its own.
  useEffect(() => {
    void load()
  }, [finishedAt, userPoolId, load])

  const total = changes ? changes.days.reduce((sum, day) => sum + CHANGE_KINDS.reduce((n, kind) => n + day[kind], 0), 0) : 0
  return (
    <section aria-labelledby="trend-heading" className="mb-3">
      <div className="d-flex align-items-center flex-wrap gap-2 mb-2">
        <h2 id="trend-heading" className="h5 mb-0 me-auto">
          Tiers over time
        </h2>
        <SelectField
          id={rangeId}
          label="Range of the tier changes"
          className="form-select form-select-sm w-auto"
          value={String(days)}
          options={RANGE_OPTIONS}
          onChange={(value) => void setDays(Number(value))}
        />
      </div>
      <ErrorAlert error={error} />
      <div className="row g-3">
        <ChartCard column="col-xl-6" title={scans?.length ? `Users per tier, ${scans.length} kept ${scans.length === 1 ? 'scan' : 'scans'}` : 'Users per tier'}>
          {scans?.length ? <TierTrend scans={scans} /> : <p className="text-body-secondary small">Each finished scan adds its counts here.</p>}
        </ChartCard>
        <ChartCard column="col-xl-6" title={changes ? `Tier changes per day, ${changes.from} to ${changes.to}` : 'Tier changes per day'}>
          {changes && <TierChangesChart days={changes.days} />}
        </ChartCard>
      </div>
      {scans && scans.length > 0 && (
        <p className="small text-body-secondary mt-2 mb-1">
          Kept from {formatDateTime(scans[0]!.at)} to {formatDateTime(scans.at(-1)!.at)}: every scan of the last day, then the last of each hour up to 60 days
          back, then the last of each day.
        </p>
      )}
      {changes && <ChangesByWho changes={changes} total={total} />}
    </section>
  )
}

/** Who made the range's changes, from the trail of this computer (the app and the CLI on it). */
function ChangesByWho({ changes, total }: { changes: TierChangesReport; total: number }) {
  if (!total) return <p className="small text-body-secondary mb-0">No tier change in this computer&apos;s audit trail in this range.</p>
  return (
    <div className="table-responsive">
      <table className="table table-sm w-auto mb-0" aria-label="Tier changes by person">
        <caption className="caption-top small">Tier changes by person (this computer&apos;s audit trail)</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            {CHANGE_KINDS.map((kind) => (
              <th key={kind} scope="col" className="text-end">
                {CHANGE_LABELS[kind]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {changes.by.map((row) => (
            <tr key={row.who}>
              <td className="text-break">{row.who}</td>
              {CHANGE_KINDS.map((kind) => (
                <td key={kind} className="text-end">
                  {row[kind].toLocaleString()}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
