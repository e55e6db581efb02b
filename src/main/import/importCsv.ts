/**
 * Reads an import file: a CSV with a header line naming at least `username` and `email` (and usually
 * `tier` and `password`; any other column is an attribute by its bare or `custom:` name). Read with
 * papaparse, so a byte-order mark, quoted cells with separators and line ends inside, `;` as the
 * separator (spreadsheets in many locales) and Windows line ends are all accepted. Mistakes in the
 * file as a whole are told by file name and line; mistakes in a row are the preview's business.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import Papa from 'papaparse'
import { AppError } from '../../shared/errors'
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../shared/importing'

/** Larger than any 10,000-row file with a few attributes; refused before it is read into memory. */
const MAX_FILE_BYTES = 16 * 1024 * 1024

export interface CsvRow {
  row: number
  line: number
  /** Cells by the header's column name (lower-cased, trimmed), as written. */
  cells: Record<string, string>
}

export interface ImportFile {
  fileName: string
  /** Of the file's bytes: a resume checks it is still the file the preview read. */
  sha256: string
  /** The attribute columns, as their headers name them. */
  attributeColumns: string[]
  rows: CsvRow[]
}

export async function readImportFile(path: string): Promise<ImportFile> {
  const fileName = basename(path)
  const size = await stat(path).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      throw fileError(fileName, `cannot be read (${error.code ?? error.message}). Check the path and that you may read it.`)
    }
  )
  if (size > MAX_FILE_BYTES) throw fileError(fileName, `is ${(size / 1024 / 1024).toFixed(0)} MB; an import file can be at most 16 MB. Split it.`)
  const bytes = await readFile(path)
  return { ...parseImportCsv(bytes.toString('utf8'), fileName), sha256: createHash('sha256').update(bytes).digest('hex') }
}

export function parseImportCsv(text: string, fileName: string): Omit<ImportFile, 'sha256'> {
  const body = text.replace(/^\uFEFF/, '')
  const records: { cells: string[]; line: number }[] = []
  // Each record's line is counted from where the one before it ended, so line ends inside quoted cells count too.
  let line = 1
  let offset = 0
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      const start = offset + leadingBreaks(body, offset)
      line += countBreaks(body, offset, start)
      const problem = result.errors.find((error) => error.code !== 'UndetectableDelimiter')
      if (problem) throw new AppError('VALIDATION', `The file ${fileName}, line ${line}: ${problem.message}. Check its quotes.`)
      records.push({ cells: result.data, line })
      line += countBreaks(body, start, result.meta.cursor)
      offset = result.meta.cursor
    }
  })
  const [header, ...data] = records
  const columns = (header?.cells ?? []).map((name) => name.trim().toLowerCase())
  const missing = ['username', 'email'].filter((name) => !columns.includes(name))
  if (missing.length) {
    throw fileError(
      fileName,
      `needs a header line naming the columns username and email (and usually tier and password); it has no ${missing.join(' or ')} column. Found: ${columns.join(', ') || 'nothing'}.`
    )
  }
  const repeated = columns.find((name, i) => name !== '' && columns.indexOf(name) !== i)
  if (repeated) throw fileError(fileName, `names the column "${repeated}" twice. Keep one.`)
  if (data.length === 0) throw fileError(fileName, 'holds no rows under its header.')
  if (data.length > MAX_IMPORT_ROWS) {
    throw fileError(
      fileName,
      `holds ${data.length.toLocaleString('en-US')} rows; one import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')}. Split it.`
    )
  }
  const rows = data.map((record, index) => ({
    row: index + 1,
    line: record.line,
    cells: Object.fromEntries(columns.map((name, i) => [name, record.cells[i] ?? '']).filter(([name]) => name !== ''))
  }))
  const attributeColumns = columns.filter((name) => name !== '' && !(IMPORT_COLUMNS as readonly string[]).includes(name))
  return { fileName, attributeColumns, rows }
}

/** Blank lines papaparse skipped before a record. */
function leadingBreaks(text: string, from: number): number {
  let at = from
  while (at < text.length && (text[at] === '\r' || text[at] === '\n' || text[at] === ' ' || text[at] === '\t')) at++
  return at - from
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0
  for (let i = from; i < to; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++
  }
  return breaks
}

function fileError(fileName: string, what: string): AppError {
  return new AppError('VALIDATION', `The file ${fileName} ${what}`)
}
