/**
 * Reads an import file: a CSV with a header line naming at least `username` and `email` (and usually
 * `tier` and `password`; any other column is an attribute by its bare or `custom:` name). Read with
 * papaparse, so a byte-order mark, quoted cells with separators and line ends inside, `;` as the
 * separator (spreadsheets in many locales) and Windows line ends are all accepted. Mistakes in the
 * file as a whole are told by file name and line; mistakes in a row are the preview's business.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { AppError } from '../../shared/errors'
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../shared/importing'
import { csvRecords } from './csvRecords'
import { readLimited, ReadLimitError } from './readLimited'

/** Larger than any 10,000-row file with a few attributes; reading stops one byte past it. */
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
  const pieces = await readLimited(path, MAX_FILE_BYTES).catch((error: unknown) => {
    if (!(error instanceof ReadLimitError)) {
      throw fileError(
        fileName,
        `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path and that you may read it.`
      )
    }
    if (error.reason === 'too-large') throw fileError(fileName, 'is larger than 16 MB, the most one import reads. Split it.')
    if (error.reason === 'idle') throw fileError(fileName, 'sent nothing for 30 seconds (a pipe nobody writes to?). Import a saved CSV file.')
    throw fileError(fileName, 'is a folder. Name the CSV file inside it.')
  })
  // Joined and hashed a piece at a time, the event loop turning between pieces: 16 MB at once takes a noticeable while.
  const bytes = Buffer.allocUnsafe(pieces.reduce((sum, piece) => sum + piece.length, 0))
  const hash = createHash('sha256')
  let at = 0
  for (const piece of pieces) {
    hash.update(piece)
    at += piece.copy(bytes, at)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { ...(await parseImportCsv(bytes, fileName)), sha256: hash.digest('hex') }
}

/** The file's rows from its text or its bytes (UTF-8). */
export async function parseImportCsv(content: string | Buffer, fileName: string): Promise<Omit<ImportFile, 'sha256'>> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const records = await csvRecords(bytes.subarray(bom), fileName)
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

function fileError(fileName: string, what: string): AppError {
  return new AppError('VALIDATION', `The file ${fileName} ${what}`)
}
