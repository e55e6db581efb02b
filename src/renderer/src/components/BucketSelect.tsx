import { TIER_BUCKETS, type TierBucket } from '../../../shared/domain'
import { BUCKET_LABELS } from '../lib/format'

interface Props {
  id: string
  value: TierBucket
  onChange: (bucket: TierBucket) => void
  className?: string
}

/** A choice of the buckets a scan counts: standard, premium, no tier, invalid value. */
export function BucketSelect({ id, value, onChange, className = 'form-select' }: Props) {
  return (
    <select id={id} className={className} value={value} onChange={(event) => onChange(event.target.value as TierBucket)}>
      {TIER_BUCKETS.map((option) => (
        <option key={option} value={option}>
          {BUCKET_LABELS[option]}
        </option>
      ))}
    </select>
  )
}
