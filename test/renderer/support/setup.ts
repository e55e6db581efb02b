/** Every renderer test: Testing Library's DOM matchers, and an empty document between tests. */
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// Testing Library unmounts by itself only where Vitest's globals are on; they are not here.
afterEach(() => cleanup())

// jsdom cannot draw: charts get no context, as on a canvas-less page, instead of a console error each.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext']
// jsdom lays nothing out, so it has no scrolling; the screens scroll their main area to the top.
Element.prototype.scrollTo ??= () => undefined
// Nor does it watch sizes: a windowed list (useVirtualRows) measures once, as in a window never resized.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
