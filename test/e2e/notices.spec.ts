/**
 * Notices (the status strip at the foot of the window): they cover no control at either window size on
 * any screen, a long one stops at two lines with its whole text in the tooltip, and only one shows at a
 * time. The notice comes from a real sandbox restart; its reply is given a 10,000-character endpoint, a
 * value the sandbox cannot be made to produce, to see the window hold it.
 */
import type { Page } from '@playwright/test'
import { HEALTH_INTERVAL_MS } from '../../src/renderer/src/stores/connectionStore'
import { expect, screenshotAtSizes, testWithOwnApp, WINDOW_SIZES } from './fixtures'

const test = testWithOwnApp()

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * Every control outside the strip with the part of it that is in view: clipped to the pane that scrolls
 * it (a control scrolled below the screen area is out of view, not under the strip).
 */
const controlBoxes = (page: Page): Promise<(Box & { name: string })[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex="0"]')]
      .filter((element) => !element.closest('.app-status') && element.getClientRects().length > 0)
      .map((element) => {
        let { left, top, right, bottom } = element.getBoundingClientRect()
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowY === 'visible') continue
          const clip = parent.getBoundingClientRect()
          left = Math.max(left, clip.left)
          top = Math.max(top, clip.top)
          right = Math.min(right, clip.right)
          bottom = Math.min(bottom, clip.bottom)
        }
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? element.tagName
        return { x: left, y: top, width: right - left, height: bottom - top, name }
      })
      .filter((box) => box.width > 0 && box.height > 0)
  )

test('a long notice stays on two lines in its own strip, covering no control on any screen', async ({ harness }) => {
  const { page } = harness
  // The page's timers run on a clock the test can move, so the 15-second health check comes at once.
  await page.clock.install()
  await page.reload()
  const realRestart = harness.handlers.restartSandbox
  harness.handlers.restartSandbox = async (request) => {
    const status = await realRestart(request)
    return status.state === 'connected' ? { ...status, info: { ...status.info, endpoint: `${status.info.endpoint}?${'x'.repeat(10_000)}` } } : status
  }
  try {
    await harness.app.services().connection.sandbox!.stop()
    await page.clock.fastForward(HEALTH_INTERVAL_MS.sandbox)
    await page.getByRole('banner').getByRole('button', { name: 'Restart sandbox' }).click()

    const strip = page.getByRole('contentinfo', { name: 'Notices' })
    const notice = strip.getByRole('status')
    await expect(notice).toContainText('Sandbox restarted')
    // Held while the pointer is on it, so it can be read (and measured).
    await strip.hover()

    const text = page.locator('.notice-text')
    const lines = await text.evaluate((element) => element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight))
    expect(lines).toBeLessThanOrEqual(2.05)
    expect(await text.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true)
    const title = (await page.locator('.notice').getAttribute('title')) ?? ''
    expect(title.startsWith('Sandbox restarted — It answers at')).toBe(true)
    expect(title.length).toBeLessThan(1000)
    // The bar shows the start of the endpoint, not all 10,000 characters.
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(200)
    await screenshotAtSizes(page, 'connection-notice-long')

    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size)
      for (const key of ['1', '2', '3', '4']) {
        await page.keyboard.press(`Control+${key}`)
        await expect(notice).toContainText('Sandbox restarted')
        const noticeBox = (await strip.boundingBox())!
        const covered = (await controlBoxes(page)).filter((box) => overlaps(box, noticeBox))
        expect(covered, `controls under the notice at ${size.width}x${size.height} on screen ${key}`).toEqual([])
      }
    }

    // Gone by itself a few seconds after the pointer leaves.
    await page.mouse.move(300, 200)
    await page.clock.fastForward(10_000)
    await expect(notice).toBeEmpty()
  } finally {
    // The handler is the app's for the rest of the file: the real one goes back.
    harness.handlers.restartSandbox = realRestart
  }
})
