// Issue 9, tablet layout, in real Chromium against a real relay: at 1024×768 the case file's tabs are on
// the first screen and "새 방문 기록" is at most one scroll away on 방문·점검; the URL keeps the tab;
// at 360×740 nothing overflows sideways and every tab works; axe finds no serious or critical
// violation on the case list or on any tab of the case file.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { openProfile } from './support/browser'
import { expectSyncState, openApp, openCaseTab, passGate, registerHousehold } from './support/app'
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/a11y'

const TABLET = { width: 1024, height: 768 }
const PHONE = { width: 360, height: 740 }
const TABS = ['가구', '욕구조사', '계획·연계', '방문·점검', '이력']

async function topOf(page: Page, locator: Locator): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, 0))
  return locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
}

test('tablet 1024×768: tabs on the first screen, 새 방문 기록 within one scroll, the URL keeps the tab, axe clean', async ({ relay, profile }) => {
  const { context, page } = await openProfile(profile)
  try {
    await page.setViewportSize(TABLET)
    await openApp(page, relay.url)
    await expectSyncState(page, 'upToDate')
    const caseId = await registerHousehold(page, {
      headName: '배치윤',
      address: '서울특별시 서대문구 연희로 32',
      presentingProblem: '월세 4개월 체납, 퇴거 통보를 받음. 자녀 둘과 거주.',
    })

    // The case opens on the tab of its stage's work (접수 → 가구), with the tab bar on the first screen.
    await expect(page.getByRole('tab', { name: '가구', exact: true })).toHaveAttribute('aria-selected', 'true')
    const tabBar = page.getByRole('tablist', { name: '사례 파일 구역' })
    const tabBarTop = await topOf(page, tabBar)
    console.log(`tablet: tab bar top ${Math.round(tabBarTop)} px (viewport ${TABLET.height})`)
    expect(tabBarTop).toBeLessThan(TABLET.height - 48)
    await expectNoSeriousA11yViolations(page, 'case file 가구 (tablet)')

    await openCaseTab(page, '방문·점검')
    await expect(page).toHaveURL(new RegExp(`#/case/${caseId}/visits$`))
    const newVisit = page.getByRole('link', { name: '새 방문 기록' })
    await expect(newVisit).toBeVisible()
    const top = await topOf(page, newVisit)
    const height = await newVisit.evaluate((el) => el.getBoundingClientRect().height)
    console.log(`tablet: 새 방문 기록 top ${Math.round(top)} px, bottom ${Math.round(top + height)} px (viewport ${TABLET.height}, one scroll = ${2 * TABLET.height})`)
    expect(top).toBeLessThan(2 * TABLET.height)
    expect(top + height).toBeLessThanOrEqual(2 * TABLET.height)
    await expectNoSeriousA11yViolations(page, 'case file 방문·점검 (tablet)')

    // Into the visit editor and back: the back button returns to 방문·점검.
    await newVisit.click()
    await expect(page).toHaveURL(new RegExp(`#/case/${caseId}/visit/new$`))
    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`#/case/${caseId}/visits$`))
    await expect(page.getByRole('tab', { name: '방문·점검', exact: true })).toHaveAttribute('aria-selected', 'true')
    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`#/case/${caseId}$`))
    await expect(page.getByRole('tab', { name: '가구', exact: true })).toHaveAttribute('aria-selected', 'true')

    // A deep link and a reload keep the tab.
    await page.evaluate((id) => (window.location.hash = `#/case/${id}/history`), caseId)
    await page.reload()
    await passGate(page)
    await expect(page.getByRole('tab', { name: '이력', exact: true })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('heading', { name: '이력', level: 2 })).toBeVisible()

    // Keyboard: arrow keys move along the tab bar.
    await page.getByRole('tab', { name: '이력', exact: true }).focus()
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByRole('tab', { name: '방문·점검', exact: true })).toBeFocused()
    await expect(page).toHaveURL(new RegExp(`#/case/${caseId}/visits$`))

    // 접수 done: on 가구 the intake folds into one line that opens in place.
    await page.getByRole('button', { name: '다음 단계로: 욕구조사' }).click()
    await expect(page.getByRole('button', { name: '다음 단계로: 대상자 구분' })).toBeVisible()
    await openCaseTab(page, '가구')
    const fold = page.locator('summary').filter({ hasText: '접수·초기상담' })
    await expect(fold).toContainText('지난 단계')
    await expect(page.getByRole('heading', { name: '접수·초기상담', level: 2 })).toBeHidden()
    await expectNoSeriousA11yViolations(page, 'case file 가구 with 접수 folded (tablet)')
    await fold.click()
    await expect(page.getByRole('heading', { name: '접수·초기상담', level: 2 })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'case file 가구 with 접수 opened (tablet)')

    for (const tab of ['욕구조사', '계획·연계', '이력']) {
      await openCaseTab(page, tab)
      await expectNoSeriousA11yViolations(page, `case file ${tab} (tablet)`)
    }

    await page.evaluate(() => (window.location.hash = '#/'))
    await expect(page.getByTestId('case-row').filter({ hasText: '배치윤' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'case list (tablet)')
  } finally {
    await context.close()
  }
})

test('phone 360×740: nothing overflows sideways, every tab works with 44 px targets, axe clean', async ({ relay, profile }) => {
  const { context, page } = await openProfile(profile)
  try {
    await page.setViewportSize(PHONE)
    await openApp(page, relay.url)
    await expectSyncState(page, 'upToDate')
    const caseId = await registerHousehold(page, {
      headName: '서다온',
      address: '서울특별시 서대문구 통일로 484 (홍제동, 무악재 하늘채 아파트)',
      presentingProblem: '실직 후 건강보험료 체납. 고혈압 약을 끊음.',
    })
    await expect(page.getByRole('tab', { name: '가구', exact: true })).toHaveAttribute('aria-selected', 'true')

    for (const name of TABS) {
      const tab = page.getByRole('tab', { name, exact: true })
      await openCaseTab(page, name) // the bar scrolls sideways: Playwright scrolls the tab into view, as a swipe would
      const box = await tab.boundingBox()
      expect(box?.height, `${name} tab height`).toBeGreaterThanOrEqual(44)
      expect(box?.width, `${name} tab width`).toBeGreaterThanOrEqual(44)
      await expect(page.getByRole('tabpanel')).toBeVisible()
      await expectNoHorizontalOverflow(page, `case file ${name}`)
      await expectNoSeriousA11yViolations(page, `case file ${name} (phone)`)
    }
    await expect(page).toHaveURL(new RegExp(`#/case/${caseId}/history$`))

    await openCaseTab(page, '방문·점검')
    const newVisit = page.getByRole('link', { name: '새 방문 기록' })
    const top = await topOf(page, newVisit)
    console.log(`phone: 새 방문 기록 top ${Math.round(top)} px (viewport ${PHONE.height})`)
    expect(top).toBeLessThan(2 * PHONE.height)
    await newVisit.click()
    await page.getByRole('radio', { name: '만남', exact: true }).check()
    await expectNoHorizontalOverflow(page, 'new visit')
    await page.getByRole('button', { name: '방문 기록 저장' }).click()
    await expect(page).toHaveURL(/\/visit\/[0-9a-f-]{36}$/)
    await expectNoHorizontalOverflow(page, 'visit editor')

    await page.evaluate((id) => (window.location.hash = `#/case/${id}/visits`), caseId)
    await expect(page.getByRole('link', { name: '수정' })).toBeVisible()
    await expectNoHorizontalOverflow(page, 'case file 방문·점검 with a visit')

    await page.evaluate(() => (window.location.hash = '#/'))
    await expect(page.getByTestId('case-row').filter({ hasText: '서다온' })).toBeVisible()
    await expectNoHorizontalOverflow(page, 'case list')
    await expectNoSeriousA11yViolations(page, 'case list (phone)')
  } finally {
    await context.close()
  }
})
