// What a worker does in the app, written against the visible Korean UI (roles and labels), so the
// tests break when the screens break, not when markup is rearranged.
import { expect, type Page } from '@playwright/test'

const CASE_URL = /#\/case\/([0-9a-f-]{36})$/
const VISIT_URL = /#\/case\/([0-9a-f-]{36})\/visit\/([0-9a-f-]{36})$/

/** The synthetic demo organisation's password (README). */
export const DEMO_PASSWORD = 'demo2026!'

/** Opens the app and passes its lock as `username`: first sign-in, or unlock on a profile that has it. */
export async function openApp(page: Page, origin: string, hash = '#/', username = 'dong.worker', password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${origin}/${hash}`)
  await passGate(page, username, password)
}

/** Whatever the lock shows (sign-in or unlock), gets `username` into the app with the password. */
export async function passGate(page: Page, username = 'dong.worker', password = DEMO_PASSWORD): Promise<void> {
  const app = page.getByTestId('network-state')
  const signIn = page.getByRole('heading', { name: '도움 로그인' })
  const unlock = page.getByRole('heading', { name: '잠금 해제' })
  await expect(app.or(signIn).or(unlock)).toBeVisible()
  if (await app.isVisible()) return
  if (await unlock.isVisible()) {
    const choice = page.getByRole('radio', { name: new RegExp(`^${username.replace('.', '\\.')} ·`) })
    if (await choice.count()) await choice.check()
    else if (!(await page.getByTestId('unlock-user').innerText()).startsWith(username)) {
      await page.getByRole('button', { name: '다른 사용자로 로그인' }).click()
    }
  }
  if (await unlock.isVisible()) {
    const usePassword = page.getByRole('button', { name: '비밀번호로 열기' })
    if (await usePassword.isVisible()) await usePassword.click()
    await page.getByLabel('비밀번호', { exact: true }).fill(password)
    await page.getByRole('button', { name: '잠금 해제', exact: true }).click()
  } else {
    await page.getByRole('textbox', { name: '아이디', exact: true }).fill(username)
    await page.getByLabel('비밀번호', { exact: true }).fill(password)
    await page.getByRole('button', { name: '로그인', exact: true }).click()
  }
  await expect(app).toBeVisible({ timeout: 20_000 })
}

export interface HouseholdInput {
  headName: string
  address: string
  presentingProblem: string
}

/** Registers a household with one member (its head) and returns the new case's id. */
export async function registerHousehold(page: Page, input: HouseholdInput): Promise<string> {
  await page.evaluate(() => (window.location.hash = '#/new'))
  await expect(page.getByRole('heading', { name: '가구 등록', level: 1 })).toBeVisible()
  await page.getByRole('radio', { name: '기초수급자' }).check()
  await page.getByRole('textbox', { name: '주소 (도로명주소)', exact: true }).fill(input.address)
  const member = page.getByTestId('member-fields').first()
  await member.getByRole('textbox', { name: '이름', exact: true }).fill(input.headName)
  await page.getByRole('radio', { name: '동 주민센터' }).check()
  await page.getByRole('textbox', { name: '주요 문제 (주호소)', exact: true }).fill(input.presentingProblem)
  await page.getByRole('button', { name: '저장하고 사례 열기' }).click()
  await expect(page).toHaveURL(CASE_URL)
  const caseId = CASE_URL.exec(page.url())?.[1]
  if (!caseId) throw new Error(`no case id in ${page.url()}`)
  return caseId
}

/** Taps a tab of the open case file (가구 / 욕구조사 / 계획·연계 / 방문·점검 / 이력) and waits for it. */
export async function openCaseTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true })
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
}

/** Opens "새 방문 기록" on a case file's 방문·점검 tab, saves it as a visit (만남) and returns its id once its editor is shown. */
export async function startVisit(page: Page, caseId: string): Promise<string> {
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/visits`), caseId)
  await page.getByRole('link', { name: '새 방문 기록' }).click()
  // A new visit is a draft until saved, and its contact outcome has no default (issue 9).
  await page.getByRole('radio', { name: '만남', exact: true }).check()
  await page.getByRole('button', { name: '방문 기록 저장' }).click()
  await expect(page).toHaveURL(VISIT_URL)
  await expect(observations(page)).toBeVisible()
  const visitId = VISIT_URL.exec(page.url())?.[2]
  if (!visitId) throw new Error(`no visit id in ${page.url()}`)
  return visitId
}

export function observations(page: Page) {
  return page.getByRole('textbox', { name: '관찰 내용', exact: true })
}

export async function openVisit(page: Page, caseId: string, visitId: string): Promise<void> {
  await page.evaluate(([c, v]) => (window.location.hash = `#/case/${c}/visit/${v}`), [caseId, visitId] as const)
  await expect(observations(page)).toBeVisible()
}

/** The visit editor shows "저장됨 · 기기에 보관" once the last change is in IndexedDB. */
export async function expectVisitSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: '저장됨 · 기기에 보관' })).toBeVisible()
}

/** Signs in on the lock screen the page shows now (first sign-in of `username` on this profile). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await passGate(page, username, password)
  await page.evaluate(() => (window.location.hash = '#/settings'))
  await expect(page.getByTestId('logged-in')).toContainText(username)
}

export async function expectSyncState(page: Page, state: string, timeout = 15_000): Promise<void> {
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', state, { timeout })
}
