import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js'
import { memo } from 'react'
import { Line } from 'react-chartjs-2'
import { TIER_BUCKETS } from '../../../../shared/domain'
import type { ScanRecord } from '../../../../shared/statsHistory'
import { BUCKET_LABELS, formatShortTime } from '../../lib/format'
import { useTheme } from '../../stores/themeStore'
import { axisStyle, themeColors, TIER_COLORS } from './chartTheme'

ChartJS.register(CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend)

/** Up to this many scans each gets a dot; beyond it the dots would hide the lines. */
const MAX_DOTS = 60

/**
 * Each tier's count over the kept scans, one line a tier in the colours of the doughnut above it.
 * A scan is a point on the time axis in the order it finished (kept scans thin out with age, so the
 * points are not evenly spaced in time: the tooltip and the labels say when each was).
 */
export const TierTrend = memo(function TierTrend({ scans }: { scans: readonly ScanRecord[] }) {
  const theme = useTheme((state) => state.theme)
  const colors = TIER_COLORS[theme]
  const { text, grid } = themeColors()
  return (
    <Line
      key={theme}
      // Drawn afresh when the data changes (a scan finished, another range): simpler than updating in place, and as fast at this size.
      redraw
      aria-label="Users per tier over the kept scans chart"
      role="img"
      data={{
        labels: scanLabels(scans),
        datasets: TIER_BUCKETS.map((bucket) => ({
          label: BUCKET_LABELS[bucket],
          data: scans.map((scan) => scan.tiers[bucket]),
          borderColor: colors[bucket],
          backgroundColor: colors[bucket],
          pointRadius: scans.length > MAX_DOTS ? 0 : 3,
          borderWidth: 2
        }))
      }}
      options={{
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { ...axisStyle(text, grid), ticks: { ...axisStyle(text, grid).ticks, autoSkip: true, maxRotation: 0 } },
          y: { ...axisStyle(text, grid, true), beginAtZero: true }
        },
        plugins: { legend: { position: 'bottom', labels: { color: text } } }
      }}
    />
  )
})

/** Each scan's time, short ("14:05", "25 Nov 14:05"); with seconds when two scans would read the same (scans a minute apart). */
export function scanLabels(scans: readonly ScanRecord[], now = new Date()): string[] {
  const short = scans.map((scan) => formatShortTime(scan.at, now))
  if (new Set(short).size === short.length) return short
  return scans.map((scan) => formatShortTime(scan.at, now, true))
}
