import type { TierBucket } from '../../../../shared/domain'
import { BusyButton } from '../../components/BusyButton'
import { SelectField } from '../../components/SelectField'
import { BUCKET_OPTIONS } from '../../lib/format'
import { whenSubmitted } from '../../lib/forms'

interface Props {
  bucket: TierBucket
  loading: boolean
  onChange: (bucket: TierBucket) => void
  onList: (bucket: TierBucket) => void
}

/** Cognito cannot search on the tier, so a tier's users are listed from the last statistics scan. */
export function TierListForm({ bucket, loading, onChange, onList }: Props) {
  return (
    <form className="users-tier-list-form" aria-label="Users of a tier" onSubmit={whenSubmitted(() => onList(bucket))}>
      <span className="small text-body-secondary text-nowrap">Users of a tier (last scan)</span>
      <SelectField id="members-bucket" label="Tier bucket" className="form-select form-select-sm" value={bucket} options={BUCKET_OPTIONS} onChange={onChange} />
      <BusyButton busy={loading} type="submit" className="btn btn-outline-primary btn-sm text-nowrap">
        List users
      </BusyButton>
    </form>
  )
}
