/** A row's plan or outcome as a badge's colours, the same in the bulk and the import tables so both jobs read alike. */
const BADGES: Record<string, string> = {
  change: 'text-bg-primary',
  create: 'text-bg-primary',
  changed: 'text-bg-success',
  created: 'text-bg-success',
  skipped: 'text-bg-secondary',
  skip: 'text-bg-secondary',
  existed: 'text-bg-secondary',
  conflict: 'text-bg-warning',
  failed: 'text-bg-danger',
  // Subtle, so rows still to run recede; these colours follow the colour mode (text-bg-light does not).
  pending: 'border border-secondary-subtle bg-secondary-subtle text-secondary-emphasis'
}

/** The badge's classes for a row's plan or outcome ("change", "created", "pending" …). */
export function rowBadge(what: string): string {
  return `badge ${BADGES[what] ?? 'text-bg-light'}`
}
