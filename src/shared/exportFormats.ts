/** The full export's file formats; apart from the zod schemas, so the CLI checks --format without loading zod. */
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
