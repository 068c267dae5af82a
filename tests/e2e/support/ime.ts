// Types Korean the way a Korean IME does: each syllable is built up in a composition
// (ㄱ → 기 → 김) and then committed, through Chromium's own IME input path (CDP), so the page
// sees real compositionstart/update/end and input events with isComposing set.
import type { CDPSession, Page } from '@playwright/test'

const CHO = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ']
const SYLLABLE_BASE = 0xac00
const SYLLABLE_LAST = 0xd7a3

/** The intermediate states an IME shows for one syllable: initial consonant, open syllable, full. */
export function compositionSteps(ch: string): string[] {
  const code = ch.codePointAt(0) ?? 0
  if (code < SYLLABLE_BASE || code > SYLLABLE_LAST) return [ch]
  const index = code - SYLLABLE_BASE
  const cho = Math.floor(index / 588)
  const jung = Math.floor((index % 588) / 28)
  const jong = index % 28
  const open = String.fromCodePoint(SYLLABLE_BASE + cho * 588 + jung * 28)
  const steps = [CHO[cho] ?? ch, open]
  if (jong !== 0) steps.push(ch)
  return steps
}

async function composeSyllable(cdp: CDPSession, ch: string): Promise<void> {
  for (const step of compositionSteps(ch)) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length })
  }
  await cdp.send('Input.insertText', { text: ch })
}

/** Types `text` into the focused element: Hangul through composition, everything else as plain input. */
export async function typeWithIme(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  try {
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0
      if (code >= SYLLABLE_BASE && code <= SYLLABLE_LAST) await composeSyllable(cdp, ch)
      else await cdp.send('Input.insertText', { text: ch })
    }
  } finally {
    await cdp.detach()
  }
}

/** Records composition events on the focused element so a test can prove the IME path was used. */
export async function recordCompositionEvents(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __imeLog: string[] }
    w.__imeLog = []
    const el = document.activeElement
    if (!el) throw new Error('nothing focused')
    for (const type of ['compositionstart', 'compositionupdate', 'compositionend'] as const) {
      el.addEventListener(type, (e) => w.__imeLog.push(`${type}:${(e as CompositionEvent).data}`))
    }
  })
  return () => page.evaluate(() => (window as unknown as { __imeLog: string[] }).__imeLog)
}
