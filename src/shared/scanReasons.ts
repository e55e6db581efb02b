/**
 * Why a pool was read from start to end instead of in parts, in plain words: the app's Statistics
 * screen, its export and the CLI's `stats` and `export` all show this one sentence.
 */

/** How long each way of reading the rest of the pool was expected to take, in seconds. */
export interface ReadTimes {
  /** In parts, side by side; Infinity when the pages held no users at all. */
  inParts: number
  fromStartToEnd: number
}

const UNNARROWED = "This pool's search filter did not narrow the pages, so the scan read the pool from start to end"

/**
 * Reading in parts asks Cognito for the users whose `sub` starts with each prefix; a backend that
 * filters after paging answers every part with the whole pool's pages, nearly empty. The times, when
 * known, say what the switch saved.
 */
export function unnarrowedPagesReason(times?: ReadTimes): string {
  if (!times) return `${UNNARROWED}: faster for this pool than reading it in parts.`
  const whole = `about ${seconds(times.fromStartToEnd)}`
  if (!Number.isFinite(times.inParts)) return `${UNNARROWED}: ${whole}, where reading it in parts found no users at all.`
  return `${UNNARROWED}: ${whole} instead of about ${seconds(times.inParts)} in parts.`
}

function seconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value).toLocaleString('en')} s`
}
