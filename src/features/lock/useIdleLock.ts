// Auto-lock (개인정보의 안전성 확보조치 기준 제6조④: 일정 시간 이상 업무처리를 하지 않으면 접속 차단):
// after `minutes` without a touch, key or scroll, and when the app comes back after being hidden that long.
import { useEffect } from 'react'
import { lock } from '../../security/access'

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const
const CHECK_EVERY_MS = 15_000

export function useIdleLock(minutes: number): void {
  useEffect(() => {
    const limit = minutes * 60_000
    let last = Date.now()
    const touch = () => {
      last = Date.now()
    }
    const check = () => {
      if (Date.now() - last >= limit) void lock('idle')
    }
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check()
    }
    for (const e of ACTIVITY) window.addEventListener(e, touch, { capture: true, passive: true })
    document.addEventListener('visibilitychange', onVisibility)
    const timer = setInterval(check, Math.min(CHECK_EVERY_MS, limit))
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true })
      document.removeEventListener('visibilitychange', onVisibility)
      clearInterval(timer)
    }
  }, [minutes])
}
