import type { ImportProgress } from '../../../../shared/jobProgress'
import { RowJobStatus } from '../rowJobs/RowJobStatus'

/** A started import: where it stands, every row counted once, and the pace while it runs. */
export function ImportStatus({ progress }: { progress: ImportProgress }) {
  const n = (value: number) => value.toLocaleString()
  const counts = `${n(progress.created)} created · ${n(progress.existed)} existed · ${n(progress.skipped)} skipped · ${n(progress.failed)} failed`
  return <RowJobStatus progress={progress} noun="import" running="Creating users…" counts={counts} headingId="import-progress-heading" />
}
