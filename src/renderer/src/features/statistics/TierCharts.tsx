import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js'
import { memo, type ReactNode } from 'react'
import { Bar, Doughnut } from 'react-chartjs-2'
import { TIER_BUCKETS, type StatsFigures } from '../../../../shared/domain'
import { BUCKET_LABELS } from '../../lib/format'
import { useTheme } from '../../stores/themeStore'
import { axisStyle, themeColors, TIER_COLORS } from './chartTheme'
import { tierCounts } from './TierSummary'
import { withEmptyWeeks } from './weeks'

ChartJS.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

/**
 * The tier mix as a doughnut, and weekly sign-ups by tier as stacked bars, in the colours of the light
 * or dark mode. Drawn again only when the figures or the mode change, not with every change of the
 * screen around them (an export's progress, a menu opened).
 */
export const TierCharts = memo(function TierCharts({ figures }: { figures: StatsFigures }) {
  const theme = useTheme((state) => state.theme)
  const colors = TIER_COLORS[theme]
  const { text, grid, card } = themeColors()
  const counts = tierCounts(figures)
  const allWeeks = withEmptyWeeks(figures.weekly)
  const weeks = allWeeks.slice(-26)
  const legend = { position: 'bottom' as const, labels: { color: text } }
  const axis = axisStyle(text, grid)
  return (
    <div className="row g-3 mb-3">
      <ChartCard column="col-md-5" title="Tiers">
        <Doughnut
          key={theme}
          aria-label="Tier doughnut chart"
          role="img"
          data={{
            labels: TIER_BUCKETS.map((bucket) => BUCKET_LABELS[bucket]),
            datasets: [{ data: TIER_BUCKETS.map((bucket) => counts[bucket]), backgroundColor: TIER_BUCKETS.map((bucket) => colors[bucket]), borderColor: card }]
          }}
          options={{ animation: false, maintainAspectRatio: false, plugins: { legend } }}
        />
      </ChartCard>
      <ChartCard column="col-md-7" title={`Sign-ups per week by tier${allWeeks.length > weeks.length ? ' (last 26 weeks)' : ''}`}>
        <Bar
          key={theme}
          aria-label="Weekly sign-ups chart"
          role="img"
          data={{
            labels: weeks.map((week) => week.week),
            datasets: TIER_BUCKETS.map((bucket) => ({
              label: BUCKET_LABELS[bucket],
              data: weeks.map((week) => week[bucket]),
              backgroundColor: colors[bucket]
            }))
          }}
          options={{
            animation: false,
            maintainAspectRatio: false,
            scales: { x: { ...axis, stacked: true }, y: { ...axisStyle(text, grid, true), stacked: true, beginAtZero: true } },
            plugins: { legend }
          }}
        />
      </ChartCard>
    </div>
  )
})

/** A chart in a card of its own, at the given share of the row. */
export function ChartCard({ column, title, children }: { column: string; title: string; children: ReactNode }) {
  return (
    <div className={column}>
      <div className="card h-100">
        <div className="card-body">
          <h3 className="h6">{title}</h3>
          <div className="chart-box">{children}</div>
        </div>
      </div>
    </div>
  )
}
