// The volunteer's phone (360×740), in real Chromium against a real relay: dong.volunteer signs in and
// gets only the volunteer app; offline, records a 사각지대 발굴 보고 with a crisis sign (전송 대기); back
// online it reaches the relay (보냄). axe finds no serious or critical violation on the home, the
// 안부확인 and the discovery screens. Demo briefs may or may not exist: nothing here depends on them.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { openProfile } from './support/browser'
import { expectSyncState, openApp } from './support/app'
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/a11y'

const PHONE = { width: 360, height: 740 }
const PLACE = '연세로 7길 반지하 (편의점 옆)'

/** Older users: every piece of text is ≥ 18 px and every control's touch target ≥ 48 px tall and wide. */
async function expectLargeTextAndTargets(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = []
    const app = document.querySelector('[data-testid="volunteer-app"]')
    if (!app) return ['no volunteer app']
    for (const el of app.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (ownText && size < 18) out.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 20)}" ${size}px`)
      const control = el.matches('a, button, label:has(input), input:not([type=radio]):not([type=checkbox]):not([type=file]), textarea, select')
      if (control && (box.height < 48 || box.width < 48)) out.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`)
    }
    return out
  })
  expect(problems, where).toEqual([])
}

test('a volunteer records a discovery report offline on a 360 px phone; online it is sent', async ({ relay, profile }) => {
  const { context, page } = await openProfile(profile)
  try {
    await page.setViewportSize(PHONE)
    await openApp(page, relay.url, '#/', 'dong.volunteer')
    await expectSyncState(page, 'upToDate')

    // Only the volunteer app: no worker navigation, even at a worker's address.
    const home = page.getByRole('heading', { name: '오늘 살펴볼 가구', level: 1 })
    await expect(home).toBeVisible()
    await expect(page.getByRole('navigation', { name: '주 메뉴' })).toHaveCount(0)
    await page.evaluate(() => (window.location.hash = '#/statistics'))
    await expect(home).toBeVisible()
    await expect(page.getByRole('link', { name: '통계' })).toHaveCount(0)

    // The kind, once.
    await page.getByTestId('kind-picker').getByText('이웃살피미', { exact: true }).click()
    await expect(page.getByTestId('volunteer-kind')).toHaveText('이웃살피미')
    await expect(page.getByTestId('kind-picker')).toHaveCount(0)
    await expectNoSeriousA11yViolations(page, 'volunteer home (360)')
    await expectLargeTextAndTargets(page, 'volunteer home')
    await expectNoHorizontalOverflow(page, 'volunteer home')

    // 안부확인 of an assigned household, when the demo has one.
    const households = page.getByTestId('household-row')
    if ((await households.count()) > 0) {
      const headName = (await households.first().locator('.vol-household__name').innerText()).trim()
      await households.first().click()
      await expect(page.getByRole('heading', { name: /님 댁 안부확인$/, level: 1 })).toBeVisible()
      await expect(page.getByTestId('checkin-outcome')).toBeVisible()
      await expectNoSeriousA11yViolations(page, 'check-in (360)')
      await expectLargeTextAndTargets(page, 'check-in')
      await expectNoHorizontalOverflow(page, 'check-in')
      // three taps (household, outcome, save) and one sentence
      await page.getByRole('radio', { name: '만남', exact: true }).check()
      await page.getByRole('textbox', { name: '한 줄 메모 (선택)' }).fill('식사는 잘 하신다고 함')
      await page.getByRole('button', { name: '저장하고 보내기' }).click()
      await expect(home).toBeVisible()
      await expect(page.getByText('안부확인을 저장했습니다. 인터넷이 연결되면 보냅니다.')).toBeVisible()
      await expect(page.getByTestId('report-row').filter({ hasText: `안부확인 · ${headName}` }).first()).toHaveAttribute('data-status', 'sent', { timeout: 20_000 })
    } else {
      console.log('no demo briefs for dong.volunteer: the check-in screen is checked by the component tests only')
    }

    // Offline: the relay is gone and the browser has no network.
    await relay.stop()
    await context.setOffline(true)
    await expect(page.getByTestId('network-state')).toContainText('오프라인 · 이 기기에 저장됨')

    await page.getByRole('link', { name: '새 발굴 보고' }).click()
    await expect(page.getByRole('heading', { name: '새 발굴 보고', level: 1 })).toBeVisible()
    await page.getByRole('textbox', { name: '어디인가요? (주소나 눈에 띄는 곳)' }).fill(PLACE)
    await page.getByRole('textbox', { name: '어떤 분인가요?' }).fill('70대 할아버지, 혼자 사시는 듯함')
    await page.getByTestId('discovery-signs').getByText('단전·단수·단가스').click()
    await page.getByTestId('discovery-types').getByText('생계').click()
    await page.getByRole('radio', { name: '긴급', exact: true }).check()
    await page.getByRole('radio', { name: '예', exact: true }).check()
    await expect(page.getByRole('checkbox', { name: '단전·단수·단가스' })).toBeChecked()
    // A big noisy photo (2400×1800 PNG) is shrunk on the phone to a JPEG within 1280 px and 700 000 characters.
    const png = await page.evaluate(async () => {
      const c = document.createElement('canvas')
      c.width = 2400
      c.height = 1800
      const g = c.getContext('2d') as CanvasRenderingContext2D
      const img = g.createImageData(c.width, c.height)
      for (let i = 0; i < img.data.length; i++) img.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256)
      g.putImageData(img, 0, 0)
      const blob = await new Promise<Blob>((ok) => c.toBlob((b) => ok(b as Blob), 'image/png'))
      const bytes = new Uint8Array(await blob.arrayBuffer())
      let bin = ''
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(bin)
    })
    await page.getByTestId('photo-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') })
    const photo = page.getByRole('img', { name: '사진 1' })
    await expect(photo).toBeVisible({ timeout: 20_000 })
    const shrunk = await photo.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight, chars: el.src.length, jpeg: el.src.startsWith('data:image/jpeg;base64,') }))
    console.log(`photo: ${shrunk.w}×${shrunk.h}, ${shrunk.chars} characters`)
    expect(Math.max(shrunk.w, shrunk.h)).toBeLessThanOrEqual(1280)
    expect(shrunk.chars).toBeLessThanOrEqual(700_000)
    expect(shrunk.jpeg).toBe(true)
    await expectNoSeriousA11yViolations(page, 'discovery (360)')
    await expectLargeTextAndTargets(page, 'discovery')
    await expectNoHorizontalOverflow(page, 'discovery')
    await page.getByRole('button', { name: '저장하고 보내기' }).click()

    await expect(home).toBeVisible()
    await expect(page.getByText('발굴 보고를 저장했습니다. 인터넷이 연결되면 보냅니다.')).toBeVisible()
    const row = page.getByTestId('report-row').filter({ hasText: PLACE })
    await expect(row).toHaveAttribute('data-status', 'pending')
    await expect(row).toContainText('전송 대기')
    await expect(page.getByTestId('pending-reports')).toBeVisible()

    // Online again: the relay acknowledges it.
    await relay.restart()
    await context.setOffline(false)
    await expect(row).toHaveAttribute('data-status', 'sent', { timeout: 30_000 })
    await expect(row).toContainText('보냄')
    await expect(page.getByTestId('pending-reports')).toHaveCount(0)
    await expectSyncState(page, 'upToDate', 30_000)
  } finally {
    await context.close()
  }
})
