/** The nearest valid word to one mistyped: "did you mean --username?" for "--usrname". */

/** Edits (insert, delete, replace, swap two neighbours) turning one word into the other. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
    }
  }
  return rows[a.length][b.length]
}

/**
 * The candidate closest to what was typed, ignoring case; a candidate that starts with or contains it
 * counts as close. Null when nothing is near enough to be a likely slip (a third of the word or 3 edits).
 */
export function nearest(typed: string, candidates: readonly string[]): string | null {
  const word = typed.toLowerCase()
  let best: { candidate: string; score: number } | null = null
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase()
    const score = lower === word ? 0 : word.length >= 2 && (lower.startsWith(word) || word.startsWith(lower)) ? 1 : distance(word, lower)
    if (!best || score < best.score) best = { candidate, score }
  }
  if (!best) return null
  const allowed = Math.min(3, Math.max(1, Math.ceil(Math.max(word.length, best.candidate.length) / 3)))
  return best.score <= allowed ? best.candidate : null
}

/** " Did you mean X?" or nothing, ready to end a sentence with. */
export function didYouMean(typed: string, candidates: readonly string[], shown: (candidate: string) => string = (c) => c): string {
  const candidate = nearest(typed, candidates)
  return candidate === null ? '' : ` Did you mean ${shown(candidate)}?`
}
