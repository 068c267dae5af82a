// Issue 2: installable, controlled by its service worker after one online visit, then a whole
// household + case + visit note done with the server gone, kept across a browser restart.
import { test, expect } from './support/fixtures'
import { installabilityErrors, openProfile, waitForServiceWorkerControl } from './support/browser'
import { expectVisitSaved, observations, openApp, openVisit, passGate, registerHousehold, startVisit } from './support/app'

test('works offline from a cold start and keeps everything across a restart', async ({ relay, profile }) => {
  const origin = relay.url
  const first = await openProfile(profile)
  await openApp(first.page, origin)
  await waitForServiceWorkerControl(first.page)
  expect(await installabilityErrors(first.context, first.page)).toEqual([])

  // Really offline: the server's port is closed and the browser is told it has no network.
  await relay.stop()
  await first.context.setOffline(true)
  await first.page.reload()
  // The reload locked the app; the password unlocks it with no server and no network.
  await passGate(first.page)
  await expect(first.page.getByTestId('network-state')).toContainText('오프라인 · 이 기기에 저장됨')
  expect(await first.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

  const caseId = await registerHousehold(first.page, {
    headName: '한가람',
    address: '서울특별시 서대문구 신촌로 77',
    presentingProblem: '단전 예고 통지를 받았고 식사를 거르는 날이 많음.',
  })
  const visitId = await startVisit(first.page, caseId)
  const note = '난방이 끊겨 실내가 추움. 전기요금 체납 고지서 세 장 확인. 보건소 방문건강관리 연계 필요.'
  await observations(first.page).fill(note)
  await observations(first.page).blur()
  await expectVisitSaved(first.page)
  await expect(first.page.getByTestId('unsynced-count')).not.toHaveText('0')
  await first.context.close()

  // Relaunch the same profile, still with no server and no network.
  const second = await openProfile(profile)
  await second.context.setOffline(true)
  await openApp(second.page, origin)
  await expect(second.page.getByTestId('case-row').filter({ hasText: '한가람' })).toBeVisible()
  await openVisit(second.page, caseId, visitId)
  await expect(observations(second.page)).toHaveValue(note)
  await second.context.close()
})
