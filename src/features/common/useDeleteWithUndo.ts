// Delete with a way back: the delete runs through the screen's command runner (which shows a refusal),
// then a toast "삭제했습니다 · 되돌리기" stays about 10 s (longer while it has the focus or the pointer);
// its button puts the record back. The focus moves to that button, as the deleted row is gone.
import { useCallback } from 'react'
import { useT } from '../../i18n'
import { useToast } from './Toast'

export const UNDO_TOAST_MS = 10_000

/** The Korean reason of a refused command (a store ValidationError carries `issues`), if it has one. */
function reasonOf(err: unknown): string | undefined {
  const issues = (err as { issues?: { message?: unknown }[] } | null)?.issues
  const first = Array.isArray(issues) ? issues[0]?.message : undefined
  return typeof first === 'string' ? first : undefined
}

export type DeleteWithUndo = <R>(remove: () => Promise<R>, undo: (removed: R) => Promise<void>) => Promise<boolean>

/**
 * `run` is the screen's command runner (useCommand().run): it shows why a delete was refused.
 * The returned function resolves true once the record is deleted (the toast is then showing).
 */
export function useDeleteWithUndo(run: (command: () => Promise<unknown>) => Promise<boolean>): DeleteWithUndo {
  const t = useT()
  const toast = useToast()
  return useCallback<DeleteWithUndo>(
    async <R,>(remove: () => Promise<R>, undo: (removed: R) => Promise<void>) => {
      const box: { removed?: { value: R } } = {}
      const ok = await run(async () => {
        box.removed = { value: await remove() }
      })
      const removed = box.removed
      if (!ok || !removed) return false
      toast({
        message: t('caseFile.record.deleted'),
        actionLabel: t('caseFile.record.undo'),
        durationMs: UNDO_TOAST_MS,
        focusAction: true,
        onAction: () => {
          undo(removed.value).then(
            () => toast({ message: t('caseFile.record.undone') }),
            (err: unknown) =>
              toast({ message: t('caseFile.record.undoFailed', { reason: reasonOf(err) ?? t('common.error') }), durationMs: UNDO_TOAST_MS }),
          )
        },
      })
      return true
    },
    [run, t, toast],
  )
}
