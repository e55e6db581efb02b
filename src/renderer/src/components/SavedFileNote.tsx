import { useState, type ReactNode } from 'react'
import type { AppErrorShape } from '../../../shared/errors'
import { api } from '../api/api'

interface Props {
  /** What was saved where ("Saved 12 rows to /home/op/tier-stats.csv"); none yet: the status line waits, empty. */
  children?: ReactNode
  /** The whole path, as a tooltip where the sentence is cut. */
  path?: string
  /** The id main gave with the save; none (a front end that cannot open folders): no button. */
  fileId?: string
  className?: string
  /** 'saved' (the default) for a file written; 'neutral' for a save still under way or called off. */
  tone?: 'saved' | 'neutral'
}

/**
 * Where a save went, with "Show in folder": main opens the folder it wrote to, the file selected. The
 * page sends main's id for the file, never its path. The status line is there before the save, so a
 * screen reader hears the sentence when it arrives.
 */
export function SavedFileNote({ children, path, fileId, className = '', tone = 'saved' }: Props) {
  const [failure, setFailure] = useState<AppErrorShape | null>(null)
  async function show(id: string): Promise<void> {
    const reply = await api.showSavedFile({ fileId: id })
    setFailure(reply.ok ? null : reply.error)
  }
  return (
    <div className={`saved-file-note d-flex align-items-center flex-wrap gap-2 small ${className}`}>
      <span className={`text-break${tone === 'saved' ? ' text-success-emphasis' : ''}`} role="status" title={path}>
        {children}
      </span>
      {children && fileId && (
        <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={() => void show(fileId)}>
          Show in folder
        </button>
      )}
      {failure && (
        <span className="text-danger" role="alert">
          {failure.message}
        </span>
      )}
    </div>
  )
}
