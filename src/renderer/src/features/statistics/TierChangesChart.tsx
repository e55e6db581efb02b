import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js'
import { memo } from 'react'
import { Bar } from 'react-chartjs-2'
import { CHANGE_KINDS, type ChangeKind, type TierChangeDay } from '../../../../shared/statsHistory'
import { useTheme } from '../../stores/themeStore'
import { axisStyle, CHANGE_COLORS, themeColors } from './chartTheme'

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend)

export const CHANGE_LABELS: Record<ChangeKind, string> = { upgrades: 'upgrades', downgrades: 'downgrades', other: 'other changes' }

/** Tier changes per day as stacked bars: upgrades, downgrades and other changes. */
export const TierChangesChart = memo(function TierChangesChart({ days }: { days: readonly TierChangeDay[] }) {
  const theme = useTheme((state) => state.theme)
  const colors = CHANGE_COLORS[theme]
  const { text, grid } = themeColors()
  return (
    <Bar
      key={theme}
      // Drawn afresh when the data changes (a scan finished, another range): simpler than updating in place, and as fast at this size.
      redraw
      aria-label="Tier changes per day chart"
      role="img"
      data={{
        // Month and day: the year is in the range's heading.
        labels: days.map((day) => day.day.slice(5)),
        datasets: CHANGE_KINDS.map((kind) => ({ label: CHANGE_LABELS[kind], data: days.map((day) => day[kind]), backgroundColor: colors[kind] }))
      }}
      options={{
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { ...axisStyle(text, grid), stacked: true, ticks: { ...axisStyle(text, grid).ticks, autoSkip: true, maxRotation: 0 } },
          y: { ...axisStyle(text, grid, true), stacked: true, beginAtZero: true }
        },
        plugins: { legend: { position: 'bottom', labels: { color: text } } }
      }}
    />
  )
})
