// Page checks shared by the browser specs: axe (serious or critical violations fail, the rest is logged)
// and no sideways scroll of the whole page.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Runs axe on the page as it is; fails on serious or critical violations, logs the rest. */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const { violations, passes } = await new AxeBuilder({ page }).analyze()
  expect(passes.length, `axe checked nothing on ${where}`).toBeGreaterThan(10)
  const lines = violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  console.log(`axe ${where}: ${violations.length === 0 ? 'no violations' : lines.join('; ')}`)
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), where).toEqual([])
}

/** The page is no wider than the viewport (no sideways scroll of the whole page). */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth, `${where}: page ${scrollWidth} px wide at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth)
}
