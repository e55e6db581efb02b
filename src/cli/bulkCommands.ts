/**
 * Bulk tier changes and long jobs on the command line: `bulk-set-tier` previews (and with --yes runs)
 * a bulk change; `jobs` lists the bulk jobs, the import jobs and the statistics scan, and resumes one. Progress goes to
 * stderr (not with --json); Ctrl+C pauses the job where it can resume from.
 */
import type { BulkPlanRow, BulkPreview, BulkRowResult } from '../shared/bulk'
import type { BulkProgress } from '../shared/jobProgress'
import { takesEffectSentence } from '../shared/takesEffect'
import { BULK_JOB_ID } from '../shared/bulk'
import { counted } from '../shared/display'
import type { StatsSnapshot } from '../shared/domain'
import { IMPORT_JOB_ID } from '../shared/importing'
import { reportError, UsageError } from './cliIo'
import { bulkRowsFrom } from './bulkCsv'
import { json, type Command, type CommandContext } from './command'
import { followJob } from './followJob'
import { CLI_SIGN_OUT } from './format'
import { followImport } from './importCommand'
import { importJobLine } from './importOutput'
import { stats } from './statsCommand'
import { checkUntil, untilFields, untilOptions } from './returnCommands'
import { returnDate, type ReturnChoice } from '../shared/tierReturns'
const overwrite = {
  type: 'boolean',
  description: 'Write rows whose tier changed since the preview (they are reported and left as they are otherwise)'
} as const
const out = { type: 'string', description: "Also write every row's result as CSV (row,username,from,to,outcome,reason,return) to this file" } as const

export const bulkSetTier: Command = {
  summary: 'Change the tier of many users: preview, then apply with --yes (resumable; see jobs)',
  usage:
    'bulk-set-tier <file.csv | --tier standard|premium --users a,b,c> [--until 2027-01-15T09:00 [--then standard]] [--yes] [--overwrite] [--out results.csv] [--json]',
  positional: 'file',
  options: {
    file: { type: 'string', description: 'A CSV file with a header line naming username and tier' },
    tier: { type: 'string', description: 'The target tier for every user in --users' },
    users: { type: 'string', description: 'Usernames separated by commas' },
    // The same --until and --then as set-tier, for every row: a row already at its target gets (or has moved) its return.
    ...untilOptions,
    yes: { type: 'boolean', description: 'Apply the changes after the preview (without it, only the preview is shown)' },
    overwrite,
    out,
    json
  },
  check: (values) => {
    bulkRowsFrom(values)
    checkUntil(values)
  },
  run: async (context) => {
    const { values, io, call, print, asJson } = context
    const preview = await call('bulkPreview', { rows: bulkRowsFrom(values), ...untilFields(values) })
    if (!preview) return 1
    if (values.yes !== true) {
      const apply = `Nothing was changed. Apply this preview with "tier-admin jobs --resume ${preview.jobId}${values.overwrite ? ' --overwrite' : ''}", or run this command again with --yes.`
      print(preview, `${formatPreview(preview)}\n${apply}`)
      return 0
    }
    if (!asJson) io.err(formatPreview(preview))
    return followBulk(context, preview.jobId)
  }
}

export const jobs: Command = {
  summary: 'List bulk tier changes, imports and the statistics scan with their state; resume one with --resume',
  usage: 'jobs [--resume <job id> [--overwrite] [--out results.csv]] [--json]',
  options: { resume: { type: 'string', description: 'The id of a job to resume (a bulk job, an import job, or stats-scan)' }, overwrite, out, json },
  check: (values) => {
    const resume = values.resume as string | undefined
    if (resume === undefined || resume.startsWith('stats-scan') || BULK_JOB_ID.test(resume) || IMPORT_JOB_ID.test(resume)) return
    throw new UsageError(
      `"${resume}" is not a job id: give the id of a bulk change (bulk-…), an import (import-…) or stats-scan, as "tier-admin jobs" lists them.`
    )
  },
  run: async (context) => {
    const { values, call, print } = context
    const resume = values.resume as string | undefined
    if (resume?.startsWith('stats-scan')) return stats.run(context)
    // An import resumes with the method it started with, so it needs no flags here.
    if (resume?.startsWith('import-')) return followImport(context, resume)
    if (resume !== undefined) return (await finishedOverwrite(context, resume)) ?? followBulk(context, resume)
    const [bulk, imports, scan] = await Promise.all([call('bulkJobs', undefined), call('importJobs', undefined), call('getStats', undefined)])
    if (!bulk || !imports || !scan) return 1
    const lines = bulk.map((job) => `${job.jobId}\t${job.state}\t${counts(job.progress)}\tprepared ${job.createdAt.slice(0, 16).replace('T', ' ')}`)
    // An import that was only previewed (import --dry-run) cannot be resumed: it is no job to list.
    const started = imports.filter((job) => job.state !== 'previewed')
    print({ bulk, imports: started, statsScan: scan.progress }, [...lines, ...started.map(importJobLine), scanLine(scan)].join('\n'))
    return 0
  }
}

/** The scan as `jobs` lists it: one under way or paused, else the last finished one, else none yet. */
function scanLine({ progress, last }: StatsSnapshot): string {
  if (progress && progress.state !== 'done') {
    const read = progress.mode === 'sequential' && progress.users === 0 ? `${counted(progress.pages, 'page')} read` : `${counted(progress.users, 'user')} read`
    return `stats-scan\t${progress.state}\t${read}`
  }
  if (last) return `stats-scan\tdone\t${counted(last.figures.total, 'user')} read\tfinished ${last.finishedAt.slice(0, 16).replace('T', ' ')}`
  return 'stats-scan\tnever run ("tier-admin stats" scans the pool)'
}

/**
 * A finished job resumed with --overwrite: its rows have ended, so nothing would be rewritten. Says which
 * command overwrites the conflicts (a new change of those rows, previewed from their current tiers).
 * Null when the job is not finished, or --overwrite was not asked for.
 */
async function finishedOverwrite({ values, call, io, asJson }: CommandContext, jobId: string): Promise<number | null> {
  if (values.overwrite !== true) return null
  const detail = await call('bulkJob', { jobId })
  if (!detail) return 1
  if (detail.state !== 'done') return null
  const conflicts = detail.results.filter((row) => row.outcome === 'conflict')
  const byTier = new Map<string, string[]>()
  for (const row of conflicts) byTier.set(row.to, [...(byTier.get(row.to) ?? []), row.username])
  // The job's return goes with them, so the overwrite grants until the same date.
  const until = detail.preview.return ? ` --until ${detail.preview.return.until} --then ${detail.preview.return.then}` : ''
  const commands = [...byTier].map(([tier, users]) => `  tier-admin bulk-set-tier --tier ${tier} --users ${users.join(',')}${until} --yes`)
  const message = conflicts.length
    ? `${jobId} has finished, so --overwrite changes none of its rows. To write its ${counted(conflicts.length, 'conflict')} with their current tiers, run:\n${commands.join('\n')}`
    : `${jobId} has finished with no conflict: there is nothing to overwrite.`
  reportError({ code: 'VALIDATION', message }, io, asJson)
  return 2
}

/** Starts or resumes the job, follows it to its end, and prints how each row ended. */
async function followBulk(context: CommandContext, jobId: string): Promise<number> {
  const { values, io, call, print, asJson } = context
  const end = await followJob(context, {
    kind: 'bulk-tier',
    jobId,
    start: () => call('bulkStart', { jobId, overwrite: values.overwrite === true ? true : undefined }),
    stop: () => call('bulkPause', { jobId }),
    line: (p) => `Changing tiers: ${counts(p)}, ${p.rate.toFixed(1)} rows/s${p.etaSeconds === null ? '' : `, about ${p.etaSeconds} s left`}`
  })
  if (!end) return 1
  const detail = await call('bulkJob', { jobId })
  if (!detail) return 1
  if (typeof values.out === 'string' && !(await call('bulkResultsCsv', { jobId }))) return 1
  if (end.state === 'failed') reportError(end.error ?? { code: 'INTERNAL', message: 'The bulk change failed.' }, io, asJson)
  else if (end.state !== 'done') {
    const message = `The bulk change stopped (${end.state}) with ${end.done} of ${end.total} rows done; nothing else was changed. Resume it with "tier-admin jobs --resume ${jobId}".`
    reportError({ code: 'CANCELLED', message }, io, asJson)
  }
  if (end.state !== 'done') return 1
  const attention = detail.results.filter((row) => row.outcome === 'conflict' || row.outcome === 'failed')
  const effect = detail.takesEffect ? [takesEffectSentence(detail.takesEffect, CLI_SIGN_OUT)] : []
  const returns = detail.preview.return ? [returnsLine(detail.results, detail.preview.return)] : []
  print(detail, [`Done: ${counts(end)} in ${(end.elapsedMs / 1000).toFixed(1)} s.`, ...returns, ...attention.map(formatResult), ...effect].join('\n'))
  return attention.length > 0 ? 1 : 0
}

const returnsLine = (results: BulkRowResult[], asked: ReturnChoice): string =>
  `${counted(results.filter((row) => row.pendingReturn).length, 'return')} scheduled: until ${returnDate(asked.until)}, then ${asked.then}.`

const counts = (p: BulkProgress): string =>
  `${p.done}/${counted(p.total, 'row')}, ${p.changed} changed, ${p.skipped} skipped, ${counted(p.conflicts, 'conflict')}, ${p.failed} failed`

const tierShown = (value: string | undefined): string => (value === undefined ? '?' : value === '' ? '(none)' : value)

function formatPreview(preview: BulkPreview): string {
  const line = (row: BulkPlanRow): string =>
    [row.row, row.username, `${tierShown(row.from)} → ${row.tier}`, row.action === 'change' ? 'change' : `skip: ${row.reason}`].join('\t')
  const skipped = preview.rows.length - preview.changes
  const until = preview.return ? [`Each changed row: until ${returnDate(preview.return.until)}, then ${preview.return.then}.`] : []
  return [`Preview ${preview.jobId}: ${preview.changes} to change, ${skipped} skipped.`, ...until, ...preview.rows.map(line)].join('\n')
}

const formatResult = (row: BulkRowResult): string =>
  [row.row, row.username, `${tierShown(row.from)} → ${row.to}`, `${row.outcome}${row.reason ? `: ${row.reason}` : ''}`].join('\t')
