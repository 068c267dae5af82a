// Issue 9, "Between teams" (seed 003: 초기상담 at the 동 주민센터, 접수 at the 희망복지지원단): a 동 worker
// records the household's consent to provide its file to the 희망복지지원단 and refers the case there with
// a note; on a 지원단 worker's profile the case arrives as 의뢰 받음 (badge and filter), read-only, and is
// accepted; the history shows the referral and its acceptance on both profiles.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures'
import { openProfile } from './support/browser'
import { expectSyncState, openApp, registerHousehold } from './support/app'

const NOTE = '고난도 사례로 판단되어 지원단 접수를 요청합니다.'

/** The 이력 tab of a case file, and the history lines on it. */
async function historyLines(page: Page, caseId: string) {
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/history`), caseId)
  const panel = page.getByRole('tabpanel', { name: '이력' })
  await expect(panel).toBeVisible()
  return panel.getByRole('listitem')
}

test('a 동 worker refers a case to the 희망복지지원단, where it is accepted; both see the history', async ({ relay, profile, secondProfile }) => {
  const dong = await openProfile(profile)
  const hope = await openProfile(secondProfile)
  try {
    await openApp(dong.page, relay.url, '#/', 'dong.worker')
    await expectSyncState(dong.page, 'upToDate')
    const caseId = await registerHousehold(dong.page, {
      headName: '한결',
      address: '서울특별시 서대문구 창천로 21',
      presentingProblem: '단전 예고와 월세 체납. 지원단 통합사례관리 필요.',
    })

    // Without a consent naming the 지원단, the referral cannot be sent.
    await dong.page.getByRole('button', { name: '다른 팀에 의뢰' }).click()
    const referForm = dong.page.getByRole('form', { name: '다른 팀에 의뢰' })
    await referForm.getByLabel('받을 팀').selectOption({ label: '희망복지지원단' })
    await expect(referForm.getByTestId('consent-gate')).toContainText('개인정보 보호법 제17조')
    await expect(referForm.getByRole('button', { name: '의뢰 보내기' })).toBeDisabled()
    await referForm.getByRole('button', { name: '취소' }).click()

    // The household's written consent, then the referral.
    await dong.page.getByRole('button', { name: '동의 기록' }).click()
    const consentForm = dong.page.getByRole('form', { name: '동의 기록' })
    await consentForm.getByRole('radio', { name: '서면' }).check()
    await consentForm.getByRole('textbox', { name: /제공 범위/ }).fill('희망복지지원단, 서대문구 보건소')
    await consentForm.getByRole('button', { name: '동의 저장' }).click()
    await expect(dong.page.getByTestId('consent')).toContainText('서면 · 희망복지지원단, 서대문구 보건소')

    await dong.page.getByRole('button', { name: '다른 팀에 의뢰' }).click()
    await referForm.getByLabel('받을 팀').selectOption({ label: '희망복지지원단' })
    await expect(referForm.getByTestId('consent-gate')).toHaveCount(0)
    await referForm.getByRole('textbox', { name: /의뢰 사유/ }).fill(NOTE)
    await referForm.getByRole('button', { name: '의뢰 보내기' }).click()
    await expect(dong.page.getByTestId('referral')).toContainText('수락 대기', { timeout: 20_000 })

    // The 지원단 worker's list: 의뢰 받음, and the filter finds it.
    await openApp(hope.page, relay.url, '#/', 'hope.worker')
    await expectSyncState(hope.page, 'upToDate')
    const row = hope.page.getByTestId('case-row').filter({ hasText: '한결' })
    await expect(row).toContainText('의뢰 받음', { timeout: 15_000 })
    await hope.page.getByRole('button', { name: '의뢰 받음' }).click()
    await expect(hope.page.getByTestId('case-row')).toHaveCount(1)
    await row.click()

    // Read-only until accepted; accepting makes the 지원단 the owner.
    const notice = hope.page.getByTestId('referral-notice')
    await expect(notice).toContainText('신촌동 주민센터')
    await expect(hope.page.getByText(NOTE).first()).toBeVisible()
    await notice.getByRole('button', { name: '의뢰 수락' }).click()
    await expect(notice).toHaveCount(0, { timeout: 15_000 })
    await expect(hope.page.getByTestId('referral')).toContainText('hope.worker 수락')

    const hopeHistory = await historyLines(hope.page, caseId)
    await expect(hopeHistory.filter({ hasText: '의뢰 수락' })).toContainText('신촌동 주민센터 → 희망복지지원단')
    await expect(hopeHistory.filter({ hasText: NOTE })).toContainText('의뢰 신촌동 주민센터 → 희망복지지원단')

    // The 동 keeps the case (it may still read and write it) and sees the acceptance arrive.
    await expectSyncState(hope.page, 'upToDate')
    const dongHistory = await historyLines(dong.page, caseId)
    await expect(dongHistory.filter({ hasText: '의뢰 수락' })).toContainText('신촌동 주민센터 → 희망복지지원단', { timeout: 15_000 })
    await expect(dongHistory.filter({ hasText: NOTE })).toBeVisible()
    await expect(dongHistory.filter({ hasText: '개인정보 제공 동의 기록' })).toContainText('희망복지지원단, 서대문구 보건소')
  } finally {
    await Promise.all([dong.context.close(), hope.context.close()])
  }
})
