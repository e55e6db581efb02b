/**
 * Renders resources/icon.svg to the 512×512 resources/icon.png the window uses, with the same Chromium
 * the tests use (CHROMIUM_PATH, default /usr/bin/chromium). Run after changing the SVG:
 *   npx tsx scripts/render-icon.ts
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const SIZE = 512
const resources = join(__dirname, '../resources')

async function main(): Promise<void> {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } })
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg}`)
    await page.locator('svg').screenshot({ path: join(resources, 'icon.png'), omitBackground: true })
  } finally {
    await browser.close()
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
