/**
 * A CSV's records with the line each starts on, parsed in steps: the text is cut at record ends (a line
 * end outside quotes) into pieces small enough for papaparse to take in a few milliseconds, and the
 * event loop runs between them. In the app this runs in the main process, which also answers the window
 * and may serve the sandbox to CLI runs: a 16 MB file must not stop it for seconds.
 */
import Papa from 'papaparse'
import { AppError } from '../../shared/errors'

export interface CsvRecord {
  cells: string[]
  line: number
}

/** Lines and bytes per step: a few milliseconds of papaparse's work. */
const PIECE_LINES = 200
const PIECE_BYTES = 16 * 1024
const BLANK_PIECE_BYTES = 256 * 1024
/** Work between two turns of the event loop. */
const SLICE_MS = 10

/** The file's records, from its bytes (UTF-8, a byte-order mark already removed). */
export async function csvRecords(bytes: Uint8Array, fileName: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = []
  // The separator papaparse guesses from the first piece holds for the whole file.
  let delimiter: string | undefined
  let line = 1
  let sliceStarted = performance.now()
  for (const { start, end, blank } of pieces(bytes)) {
    if (performance.now() - sliceStarted > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStarted = performance.now()
    }
    // Blank lines only (a file padded with them): nothing to parse, only lines to count.
    if (blank) {
      line += countBreaks(bytes, start, end)
      continue
    }
    // Decoded a piece at a time: a 16 MB string is slow to build and slower to index.
    const piece = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end)
    const text = (from: number, to: number) => countBreaks(piece, from, to)
    // Each record's line is counted from where the one before it ended, so line ends inside quoted cells count too.
    let offset = 0
    Papa.parse<string[]>(piece, {
      skipEmptyLines: 'greedy',
      ...(delimiter ? { delimiter } : { delimitersToGuess: [',', ';', '\t'] }),
      step: (result) => {
        delimiter ??= result.meta.delimiter
        const recordStart = offset + leadingBreaks(piece, offset)
        line += text(offset, recordStart)
        const problem = result.errors.find((error) => error.code !== 'UndetectableDelimiter')
        if (problem) throw new AppError('VALIDATION', `The file ${fileName}, line ${line}: ${problem.message}. Check its quotes.`)
        records.push({ cells: result.data, line })
        line += text(recordStart, result.meta.cursor)
        offset = result.meta.cursor
      }
    })
    line += text(offset, piece.length)
  }
  return records
}

const QUOTE = 0x22
const LINE_FEED = 0x0a
const CARRIAGE_RETURN = 0x0d
const SPACE = 0x20
const TAB = 0x09

/**
 * The bytes in pieces that each end just after a line end outside quotes: runs of blank lines on their
 * own (papaparse takes microseconds for each line, even a blank one, so a file padded with millions of
 * them would take seconds), and the lines between them at most PIECE_LINES or PIECE_BYTES at a time.
 * Quotes and line ends are single bytes in UTF-8 and never part of another character, so bytes will do.
 */
function* pieces(bytes: Uint8Array): Generator<{ start: number; end: number; blank: boolean }> {
  let start = 0
  let lines = 0
  let blankRun = false
  let lineStart = 0
  let lineHasContent = false
  let quoted = false
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]
    if (byte === QUOTE) quoted = !quoted
    if (quoted || byte !== LINE_FEED) {
      if (quoted || (byte !== SPACE && byte !== TAB && byte !== CARRIAGE_RETURN)) lineHasContent = true
      continue
    }
    // A line ends here, outside quotes.
    if (lineHasContent === blankRun && lineStart > start) {
      // The line is of the other kind than the piece so far: the piece ends where the line began.
      yield { start, end: lineStart, blank: blankRun }
      start = lineStart
      lines = 0
    }
    blankRun = !lineHasContent
    lines++
    lineStart = at + 1
    lineHasContent = false
    // Blank runs are cut too, more coarsely: finding where their lines end is the only work in them.
    if (blankRun ? lineStart - start >= BLANK_PIECE_BYTES : lines >= PIECE_LINES || lineStart - start >= PIECE_BYTES) {
      yield { start, end: lineStart, blank: blankRun }
      start = lineStart
      lines = 0
    }
  }
  if (start < bytes.length) yield { start, end: bytes.length, blank: blankRun && !lineHasContent }
}

/** Blank lines papaparse skipped before a record. */
function leadingBreaks(text: string, from: number): number {
  let at = from
  while (at < text.length && (text[at] === '\r' || text[at] === '\n' || text[at] === ' ' || text[at] === '\t')) at++
  return at - from
}

/** Line ends (LF, CRLF or a lone CR) in a decoded piece or in bytes. */
function countBreaks(text: string | Uint8Array, from: number, to: number): number {
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i]
  let breaks = 0
  for (let i = from; i < to; i++) {
    const code = at(i)
    if (code === LINE_FEED || (code === CARRIAGE_RETURN && at(i + 1) !== LINE_FEED)) breaks++
  }
  return breaks
}
