/**
 * The main process cuts echoed values at 100 characters, but a message can still arrive long (an old
 * main process, a path, a future message). The screen never shows more than `max` characters of one;
 * CSS clamps what it shows to a few lines as well.
 */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text
  // By code point, so an emoji or a surrogate pair is never cut in half.
  const points = Array.from(text)
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`
}

/** Longest message an alert or notice shows; the rest is in its tooltip (itself capped). */
export const MAX_SHOWN_MESSAGE = 400
export const MAX_TOOLTIP = 1000
