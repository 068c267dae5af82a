// Issue 2: every keystroke is saved. The browser is SIGKILLed a second after typing (no unload,
// no pagehide, no blur), and the reopened profile still has the text.
import { test, expect } from './support/fixtures'
import { openKillable, openProfile } from './support/browser'
import { observations, openApp, openVisit, registerHousehold, startVisit } from './support/app'

test('text typed a second before the browser is killed is there after reopening', async ({ relay, profile }) => {
  const killable = await openKillable(profile)
  const page = killable.page
  await openApp(page, relay.url)
  const caseId = await registerHousehold(page, {
    headName: '박새봄',
    address: '서울특별시 서대문구 창천로 12',
    presentingProblem: '월세 두 달 체납, 집주인과 갈등.',
  })
  const visitId = await startVisit(page, caseId)

  const typed = '현관에 우편물이 쌓여 있음. 대상자는 거실에 계셨고 '
  const last = '식사를 이틀째 못 하셨다고 함.'
  await observations(page).click()
  await page.keyboard.type(typed, { delay: 15 })
  await page.keyboard.type(last, { delay: 15 })
  // Still focused, no blur, no navigation: only the as-you-type save can have stored this.
  await expect(observations(page)).toBeFocused()
  await page.waitForTimeout(1_000)
  await killable.killHard()

  const reopened = await openProfile(profile)
  await openApp(reopened.page, relay.url)
  await openVisit(reopened.page, caseId, visitId)
  await expect(observations(reopened.page)).toHaveValue(typed + last)
  await reopened.context.close()
})
