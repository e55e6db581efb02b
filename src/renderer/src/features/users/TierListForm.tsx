import type { TierBucket } from '../../../../shared/domain'
import { BucketSelect } from '../../components/BucketSelect'
import { BusyButton } from '../../components/BusyButton'

interface Props {
  bucket: TierBucket
  loading: boolean
  onChange: (bucket: TierBucket) => void
  onList: (bucket: TierBucket) => void
}

/** Cognito cannot search on the tier, so a tier's users are listed from the last statistics scan. */
export function TierListForm({ bucket, loading, onChange, onList }: Props) {
  return (
    <form
      className="users-tier-list-form"
      aria-label="Users of a tier"
      onSubmit={(event) => {
        event.preventDefault()
        onList(bucket)
      }}
    >
      <span className="small text-body-secondary text-nowrap">Users of a tier (last scan)</span>
      <label htmlFor="members-bucket" className="visually-hidden">
        Tier bucket
      </label>
      <BucketSelect id="members-bucket" className="form-select form-select-sm" value={bucket} onChange={onChange} />
      <BusyButton busy={loading} type="submit" className="btn btn-outline-primary btn-sm text-nowrap">
        List users
      </BusyButton>
    </form>
  )
}
