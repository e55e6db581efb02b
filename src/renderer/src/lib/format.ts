import { TIER_BUCKETS, type TierBucket } from '../../../shared/domain'

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}

/** A time today as "14:05", another day's as "25 Nov 14:05": short enough for a narrow column; `seconds` adds them ("14:05:09"). */
export function formatShortTime(iso: string, now = new Date(), seconds = false): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const time = date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) })
  return date.toDateString() === now.toDateString() ? time : `${date.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—'
  if (seconds < 60) return `${Math.round(seconds)} s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
}

export const BUCKET_LABELS: Record<TierBucket, string> = {
  standard: 'standard',
  premium: 'premium',
  none: 'no tier',
  invalid: 'invalid value'
}

/** The buckets a scan counts, as a select's choices: standard, premium, no tier, invalid value. */
export const BUCKET_OPTIONS: { value: TierBucket; label: string }[] = TIER_BUCKETS.map((bucket) => ({ value: bucket, label: BUCKET_LABELS[bucket] }))
