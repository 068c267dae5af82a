// Issue 2: Korean typed through IME composition is stored exactly once and unsplit, in a form
// field (household registration) and in a visit's Y.Text (observations), read back after a reload.
import { test, expect } from './support/fixtures'
import { openProfile } from './support/browser'
import { expectVisitSaved, observations, openApp, openCaseTab, openVisit, passGate } from './support/app'
import { compositionSteps, recordCompositionEvents, typeWithIme } from './support/ime'

test('composition steps follow a Korean IME (ㄱ → 기 → 김)', () => {
  expect(compositionSteps('김')).toEqual(['ㄱ', '기', '김'])
  expect(compositionSteps('아')).toEqual(['ㅇ', '아'])
})

test.describe('in the app', () => {

  test('Korean entered through composition is stored once, unsplit', async ({ relay, profile }) => {
    const { context, page } = await openProfile(profile)
    await openApp(page, relay.url, '#/new')

    const name = '김민수'
    const address = '서울특별시 서대문구 연세로 50'
    await page.getByRole('radio', { name: '차상위계층' }).check()
    const addressBox = page.getByRole('textbox', { name: '주소 (도로명주소)', exact: true })
    await addressBox.focus()
    await typeWithIme(page, address)
    const nameBox = page.getByTestId('member-fields').first().getByRole('textbox', { name: '이름', exact: true })
    await nameBox.focus()
    const events = await recordCompositionEvents(page)
    await typeWithIme(page, name)
    // The IME path was really taken: one start/end per syllable, with the jamo in between.
    const log = await events()
    expect(log.filter((e) => e.startsWith('compositionstart'))).toHaveLength(3)
    expect(log).toContain('compositionupdate:ㅁ')
    expect(log).toContain('compositionend:수')
    await page.getByRole('radio', { name: '본인' }).check()
    await page.getByRole('button', { name: '저장하고 사례 열기' }).click()
    await expect(page).toHaveURL(/#\/case\/[0-9a-f-]{36}$/)
    const caseId = /#\/case\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? ''

    await openCaseTab(page, '방문·점검')
    await page.getByRole('link', { name: '새 방문 기록' }).click()
    await page.getByRole('radio', { name: '만남', exact: true }).check()
    await page.getByRole('button', { name: '방문 기록 저장' }).click()
    await expect(page).toHaveURL(/\/visit\/[0-9a-f-]{36}$/)
    const visitId = /\/visit\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? ''
    const note = '할머니께서 무릎이 아프다고 하심. 다음 주 보건소 동행 예정.'
    await observations(page).click()
    await typeWithIme(page, note)
    await observations(page).blur()
    await expectVisitSaved(page)

    await page.reload()
    await passGate(page)
    await openVisit(page, caseId, visitId)
    await expect(observations(page)).toHaveValue(note)
    await page.evaluate((id) => (window.location.hash = `#/case/${id}`), caseId)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name)
    const body = await page.locator('main').innerText()
    // Exactly once: no doubled syllables, no leftover jamo from the composition.
    expect(body.split(name).length - 1).toBeGreaterThanOrEqual(1)
    expect(body).not.toMatch(/김김|민민|수수|[ㄱ-ㅎ]/)
    await page.evaluate(() => (window.location.hash = '#/'))
    await expect(page.getByTestId('case-row').filter({ hasText: name })).toHaveCount(1)
    await expect(page.getByTestId('case-row').filter({ hasText: name })).toContainText('연세로')
    await context.close()
  })
})
