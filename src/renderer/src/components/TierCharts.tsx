import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js'
import { Bar, Doughnut } from 'react-chartjs-2'
import type { StatsFigures } from '../../../shared/domain'

ChartJS.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend)

const COLORS = { standard: '#6b7280', premium: '#2563eb', none: '#f59e0b', invalid: '#dc2626' }
const SERIES = [
  { key: 'standard', label: 'standard' },
  { key: 'premium', label: 'premium' },
  { key: 'none', label: 'no tier' },
  { key: 'invalid', label: 'invalid' }
] as const

function invalidTotal(figures: StatsFigures): number {
  return Object.values(figures.tiers.invalid).reduce((sum, count) => sum + count, 0)
}

/** The tier mix as a doughnut, and weekly sign-ups by tier as stacked bars. */
export function TierCharts({ figures }: { figures: StatsFigures }) {
  const counts = { standard: figures.tiers.standard, premium: figures.tiers.premium, none: figures.tiers.none, invalid: invalidTotal(figures) }
  const weeks = figures.weekly.slice(-26)
  return (
    <div className="row g-3 mb-3">
      <div className="col-md-5">
        <div className="card h-100">
          <div className="card-body">
            <h3 className="h6">Tiers</h3>
            <div className="chart-box">
              <Doughnut
                aria-label="Tier doughnut chart"
                role="img"
                data={{
                  labels: SERIES.map((series) => series.label),
                  datasets: [{ data: SERIES.map((series) => counts[series.key]), backgroundColor: SERIES.map((series) => COLORS[series.key]) }]
                }}
                options={{ animation: false, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } }}
              />
            </div>
          </div>
        </div>
      </div>
      <div className="col-md-7">
        <div className="card h-100">
          <div className="card-body">
            <h3 className="h6">Sign-ups per week by tier{figures.weekly.length > weeks.length ? ' (last 26 weeks)' : ''}</h3>
            <div className="chart-box">
              <Bar
                aria-label="Weekly sign-ups chart"
                role="img"
                data={{
                  labels: weeks.map((week) => week.week),
                  datasets: SERIES.map((series) => ({ label: series.label, data: weeks.map((week) => week[series.key]), backgroundColor: COLORS[series.key] }))
                }}
                options={{
                  animation: false,
                  maintainAspectRatio: false,
                  scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
                  plugins: { legend: { position: 'bottom' } }
                }}
              />
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}
