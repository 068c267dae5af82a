// Issue 10 end to end, two profiles against one real relay: on a 360×740 phone, offline, dong.volunteer
// records a 안부확인 with a crisis sign and a 사각지대 발굴 보고, then goes online. The dong worker's inbox
// (second profile, open the whole time) shows both live, urgent first, with the badge in the top bar.
// The worker turns the report into a case; the volunteer's phone shows "접수됨" (never the case itself).
import { test, expect } from './support/fixtures'
import { openProfile } from './support/browser'
import { expectSyncState, openApp } from './support/app'

const PLACE = '창천로 9 뒷골목 옥탑방'
const NOTE = '며칠째 식사를 거르신 듯함'

test('a volunteer\'s check-in and discovery reach the worker\'s inbox live; the report becomes a case and the phone says 접수됨', async ({ relay, profile, secondProfile }) => {
  const phone = await openProfile(profile)
  const desk = await openProfile(secondProfile)
  try {
    await openApp(desk.page, relay.url, '#/inbox', 'dong.worker')
    await expectSyncState(desk.page, 'upToDate')
    await expect(desk.page.getByRole('heading', { name: '받은 보고', level: 1 })).toBeVisible()
    const items = desk.page.getByTestId('inbox-item')
    // The demo's reports: counted once the list holds still (its read after the last feed page may
    // still be running when 최신 상태 shows).
    let before = -1
    await expect
      .poll(async () => {
        const n = await items.count()
        const same = n === before
        before = n
        return same
      }, { intervals: [400, 400, 800] })
      .toBe(true)

    await phone.page.setViewportSize({ width: 360, height: 740 })
    await openApp(phone.page, relay.url, '#/', 'dong.volunteer')
    await expectSyncState(phone.page, 'upToDate')
    const home = phone.page.getByRole('heading', { name: '오늘 살펴볼 가구', level: 1 })
    await expect(home).toBeVisible()
    await phone.page.getByTestId('kind-picker').getByText('복지통장', { exact: true }).click()
    await expect(phone.page.getByTestId('volunteer-kind')).toHaveText('복지통장')

    // Offline on the phone.
    await phone.context.setOffline(true)
    await expect(phone.page.getByTestId('network-state')).toContainText('오프라인')

    const household = phone.page.getByTestId('household-row').first()
    const headName = (await household.locator('.vol-household__name').innerText()).trim()
    await household.click()
    await phone.page.getByRole('radio', { name: '만남', exact: true }).check()
    await phone.page.getByRole('checkbox', { name: '자살 위험 징후' }).check()
    await phone.page.getByRole('textbox', { name: '한 줄 메모 (선택)' }).fill(NOTE)
    await phone.page.getByRole('button', { name: '저장하고 보내기' }).click()
    await expect(home).toBeVisible()

    await phone.page.getByRole('link', { name: '새 발굴 보고' }).click()
    await phone.page.getByRole('textbox', { name: '어디인가요? (주소나 눈에 띄는 곳)' }).fill(PLACE)
    await phone.page.getByRole('textbox', { name: '어떤 분인가요?' }).fill('60대 여성, 고립된 듯함')
    await phone.page.getByTestId('discovery-signs').getByText('공과금·건보료 체납').click()
    await phone.page.getByTestId('discovery-types').getByText('생계').click()
    await phone.page.getByRole('radio', { name: '빨리', exact: true }).check()
    await phone.page.getByRole('radio', { name: '예', exact: true }).check()
    await phone.page.getByRole('button', { name: '저장하고 보내기' }).click()
    await expect(home).toBeVisible()
    const checkInRow = phone.page.getByTestId('report-row').filter({ hasText: `안부확인 · ${headName}` }).first()
    const discoveryRow = phone.page.getByTestId('report-row').filter({ hasText: PLACE })
    await expect(checkInRow).toHaveAttribute('data-status', 'pending')
    await expect(discoveryRow).toHaveAttribute('data-status', 'pending')
    // Nothing reached the worker while the phone was offline.
    await expect(desk.page.getByTestId('inbox-item').filter({ hasText: PLACE })).toHaveCount(0)

    // Online: both are sent and arrive in the open inbox without a reload.
    await phone.context.setOffline(false)
    await expect(discoveryRow).toHaveAttribute('data-status', 'sent', { timeout: 30_000 })
    await expect(checkInRow).toHaveAttribute('data-status', 'sent')
    await expect(items).toHaveCount(before + 2, { timeout: 20_000 })
    const checkIn = items.filter({ hasText: NOTE })
    await expect(checkIn).toContainText('긴급')
    await expect(checkIn).toContainText('자살 위험 징후')
    await expect(checkIn).toContainText('복지통장')
    const discovery = items.filter({ hasText: PLACE })
    await expect(discovery).toContainText('14일 기한')
    // The urgent check-in is above the routine discovery report; the top bar counts it.
    const order = await items.evaluateAll((els, place) => els.map((e) => (e.textContent ?? '').includes(place)), PLACE)
    expect(order.indexOf(true)).toBeGreaterThan(await items.evaluateAll((els, note) => els.findIndex((e) => (e.textContent ?? '').includes(note)), NOTE))
    await expect(desk.page.getByTestId('inbox-badge')).toBeVisible()

    // 접수로 전환: a new case, prefilled and linked back.
    await discovery.getByRole('button', { name: '접수로 전환' }).click()
    await discovery.getByRole('radio', { name: '차상위계층' }).check()
    await discovery.getByRole('button', { name: '사례 만들기' }).click()
    await expect(desk.page).toHaveURL(/#\/case\/[0-9a-f-]{36}/)
    await expect(desk.page.getByRole('combobox', { name: '의뢰 경로' })).toHaveValue('volunteerReport')
    await expect(desk.page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await desk.page.locator('main').innerText()).toContain(PLACE)

    // The phone hears it: 접수됨, live.
    await expect(discoveryRow).toHaveAttribute('data-status', 'received', { timeout: 20_000 })
    await expect(discoveryRow).toContainText('접수됨')
  } finally {
    await phone.context.close()
    await desk.context.close()
  }
})
