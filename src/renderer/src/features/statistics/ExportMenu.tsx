import { useEffect, useId, useRef, useState } from 'react'
import type { TierBucket } from '../../../../shared/domain'
import type { ExportFormat } from '../../../../shared/jobProgress'
import { isActive } from '../../../../shared/jobs'
import { SelectField, type Option } from '../../components/SelectField'
import { BUCKET_OPTIONS } from '../../lib/format'
import { useExport } from '../export/exportStore'
import { useStats } from './statsStore'
import { useTrend } from './trendStore'

const FORMAT_OPTIONS: Option<ExportFormat>[] = [
  { value: 'csv', label: 'CSV (spreadsheets)' },
  { value: 'jsonl', label: 'JSON lines' }
]

/**
 * Every export of the screen in one place, behind one button: the last scan's figures, the users of a
 * tier, and every user with every attribute. Each asks main's save dialog where to write; what it did
 * is said on the screen under the menu. Escape or a click elsewhere closes the menu.
 */
export function ExportMenu({ hasScan }: { hasScan: boolean }) {
  const [open, setOpen] = useState(false)
  const [bucket, setBucket] = useState<TierBucket>('premium')
  const [format, setFormat] = useState<ExportFormat>('csv')
  const exporting = useStats((state) => state.exporting)
  const fullExport = useExport((state) => state.progress)
  const startingFull = useExport((state) => state.pending === 'start')
  const fullRunning = fullExport !== null && isActive(fullExport.state)
  const toggleRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    menuRef.current?.querySelector<HTMLElement>('button:not(:disabled), select:not(:disabled)')?.focus()
    const outside = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !toggleRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open])

  /** Closes the menu, focus back on its button, and runs the export chosen. */
  function run(action: () => Promise<void>): void {
    setOpen(false)
    toggleRef.current?.focus()
    void action()
  }

  return (
    <div
      className="dropdown"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        event.stopPropagation()
        setOpen(false)
        toggleRef.current?.focus()
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="btn btn-outline-secondary dropdown-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        Export
      </button>
      <div
        ref={menuRef}
        id={menuId}
        data-bs-popper="static"
        role="group"
        aria-label="Exports"
        className={`dropdown-menu dropdown-menu-end export-menu p-2${open ? ' show' : ''}`}
      >
        <div className="export-menu-item">
          <button
            type="button"
            className="dropdown-item rounded"
            disabled={!hasScan || exporting}
            onClick={() => run(() => useStats.getState().exportCsv({ kind: 'figures', days: useTrend.getState().days }))}
          >
            Figures of the last scan (CSV)
          </button>
        </div>
        <div className="export-menu-item d-flex align-items-center gap-2">
          <SelectField
            id={`${menuId}-bucket`}
            label="Tier to export"
            className="form-select form-select-sm w-auto"
            value={bucket}
            disabled={!hasScan}
            options={BUCKET_OPTIONS}
            onChange={setBucket}
          />
          <button
            type="button"
            className="dropdown-item rounded"
            disabled={!hasScan || exporting}
            onClick={() => run(() => useStats.getState().exportCsv({ kind: 'tier', bucket }))}
          >
            Users of this tier (CSV)
          </button>
        </div>
        {!hasScan && <p className="small text-body-secondary mb-2 px-1">The figures and tier lists come from a finished scan.</p>}
        <hr className="dropdown-divider" />
        <div className="export-menu-item d-flex align-items-center gap-2">
          <SelectField
            id={`${menuId}-format`}
            label="Export format"
            className="form-select form-select-sm w-auto"
            value={format}
            disabled={fullRunning}
            options={FORMAT_OPTIONS}
            onChange={setFormat}
          />
          <button
            type="button"
            className="dropdown-item rounded"
            disabled={fullRunning || startingFull}
            onClick={() => run(() => useExport.getState().start(format))}
          >
            All users, every attribute…
          </button>
        </div>
      </div>
    </div>
  )
}
