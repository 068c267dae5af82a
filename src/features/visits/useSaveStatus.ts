// "저장 중… / 저장됨 · 기기에 보관 / 저장 실패" for an editor that saves every field as it changes.
import { useCallback, useRef, useState } from 'react'

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed'

export function useSaveStatus(): { state: SaveState; track: (write: Promise<boolean>) => void } {
  const [state, setState] = useState<SaveState>('idle')
  const pending = useRef(0)
  const failed = useRef(false)
  const track = useCallback((write: Promise<boolean>) => {
    pending.current++
    setState('saving')
    void write.then((ok) => {
      pending.current--
      if (!ok) failed.current = true
      if (pending.current === 0) {
        setState(failed.current ? 'failed' : 'saved')
        failed.current = false
      }
    })
  }, [])
  return { state, track }
}
