/** The Statistics screen's chart colours, for the light and dark modes (a canvas cannot read CSS itself). */
import type { TierBucket } from '../../../../shared/domain'
import type { ChangeKind } from '../../../../shared/statsHistory'
import type { Theme } from '../../stores/themeStore'

/** Series colours per mode: the light mode's grey and blue are too dark to tell apart on a dark card. */
export const TIER_COLORS: Record<Theme, Record<TierBucket, string>> = {
  light: { standard: '#6b7280', premium: '#2563eb', none: '#f59e0b', invalid: '#dc2626' },
  dark: { standard: '#9ca3af', premium: '#60a5fa', none: '#fbbf24', invalid: '#f87171' }
}

/** Text, grid and card colours from Bootstrap's variables for the mode in use. */
export function themeColors(): { text: string; grid: string; card: string } {
  const style = getComputedStyle(document.documentElement)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return { text: read('--bs-body-color', '#212529'), grid: read('--bs-border-color', '#dee2e6'), card: read('--bs-body-bg', '#fff') }
}

/** A chart's axis in the mode's text and grid colours; `counts` for an axis of whole users (0, 1, 2, never 0.5). */
export function axisStyle(text: string, grid: string, counts = false) {
  return { ticks: { color: text, ...(counts ? { precision: 0 } : {}) }, grid: { color: grid }, border: { color: grid } }
}

/** Tier changes per day: upgrades green, downgrades red, the rest grey, lighter on a dark card. */
export const CHANGE_COLORS: Record<Theme, Record<ChangeKind, string>> = {
  light: { upgrades: '#16a34a', downgrades: '#dc2626', other: '#6b7280' },
  dark: { upgrades: '#4ade80', downgrades: '#f87171', other: '#9ca3af' }
}
