import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react'

/** Rows drawn beyond each edge of the view, so a fast scroll does not show blank space first. */
const OVERSCAN = 8

interface RowWindow {
  /** Index of the first row drawn. */
  start: number
  /** Index after the last row drawn. */
  end: number
  /** Index of the first row in view: where Tab enters the list when the active row is scrolled away. */
  firstVisible: number
  /** Height of the rows not drawn above and below, kept as spacers so the scroll bar stays true. */
  padTop: number
  padBottom: number
  /** Scrolls the least needed for a row to be fully in view (under the sticky header). */
  scrollToRow: (index: number) => void
  /** What the sticky header covers at the top of the scroller, as measured once drawn. */
  headerHeight: number
}

/**
 * A windowed table for rows of one fixed height: only the rows in view (and a few around them) are in
 * the DOM, so thousands of results scroll as smoothly as twenty. `scrollerRef` is the table's box that
 * scrolls (`overflow: auto`), `headRef` its sticky header; a SpacerRow stands for the rows not drawn
 * on each side.
 */
export function useVirtualRows(
  scrollerRef: RefObject<HTMLElement | null>,
  headRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number
): RowWindow {
  const [headerHeight, setHeaderHeight] = useState(rowHeight)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewHeight, setViewHeight] = useState(600)
  // Measured once drawn: the header is one line high whatever the rows hold.
  useLayoutEffect(() => setHeaderHeight(headRef.current?.offsetHeight ?? rowHeight), [headRef, rowHeight])

  useEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    const onScroll = () => setScrollTop(scroller.scrollTop)
    const resize = new ResizeObserver(() => setViewHeight(scroller.clientHeight))
    scroller.addEventListener('scroll', onScroll, { passive: true })
    resize.observe(scroller)
    setViewHeight(scroller.clientHeight)
    return () => {
      scroller.removeEventListener('scroll', onScroll)
      resize.disconnect()
    }
  }, [scrollerRef])

  const scrollToRow = useCallback(
    (index: number) => {
      const scroller = scrollerRef.current
      if (!scroller) return
      const top = headerHeight + index * rowHeight
      const visibleTop = scroller.scrollTop + headerHeight
      const visibleBottom = scroller.scrollTop + scroller.clientHeight
      if (top < visibleTop) scroller.scrollTop = top - headerHeight
      else if (top + rowHeight > visibleBottom) scroller.scrollTop = top + rowHeight - scroller.clientHeight
    },
    [scrollerRef, rowHeight, headerHeight]
  )

  // After a filter shortens the list the browser clamps the scroll position; until its scroll event
  // arrives, clamp here too so the window never starts past the end.
  const first = Math.min(Math.max(0, count - 1), Math.floor(scrollTop / rowHeight))
  const start = Math.max(0, first - OVERSCAN)
  const end = Math.min(count, first + Math.ceil(viewHeight / rowHeight) + OVERSCAN)
  return {
    start,
    end,
    firstVisible: first,
    padTop: start * rowHeight,
    padBottom: Math.max(0, count - end) * rowHeight,
    scrollToRow,
    headerHeight
  }
}
