import type { ScanMode } from '../../../../shared/jobProgress'

/** How a scan read the pool, in an operator's words (the contract's modes are the engine's). */
export const SCAN_MODE_WORDS: Record<ScanMode, string> = {
  partitioned: 'read in parts side by side',
  sequential: 'read from start to end'
}
