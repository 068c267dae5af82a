// "새 방문 기록" (issue 9): a draft until the worker saves it or writes into it. The draft lives only in a
// sealed draft on this device (useDraft: it survives a reload), never in the case's document, so a stray
// tap leaves no visit, no history and nothing to sync, and an empty draft is dropped when the worker
// leaves. The contact outcome has no default: 저장 without one says so in Korean; once it is picked,
// writing anything (text, visitors, crisis signs, next visit) saves the visit, as 저장 does. From then on
// the same form saves every change as it is made, and the address becomes the visit's.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { createVisit, updateVisit, useCaseFile, useDraft } from '../../store'
import type { VisitInput } from '../../store'
import { Button, ConfirmButton } from '../common'
import { useCommand } from '../caseFile/useCommand'
import { caseHref } from './routes'
import { toVisitInput, useLiveVisit, VISIT_FIELDS } from './useLiveVisit'
import { VisitForm } from './VisitForm'
import type { VisitPatch } from './VisitForm'
import { liveFormParts } from './VisitNoteEditor'
import { draftKey, emptyDraft, hasContent, isWorthKeeping, toNewVisit, VISIT_TEXT_KEYS } from './visitDraft'
import type { VisitDraft, VisitTextKey, VisitValues } from './visitDraft'

const CREATE_FIELDS = [...VISIT_FIELDS, ...VISIT_TEXT_KEYS]

export interface NewVisitProps {
  caseId: string
  /** The draft became the visit `visitId` (the screen swaps its address, without remounting). */
  onCreated: (visitId: string) => void
}

export function NewVisit({ caseId, onCreated }: NewVisitProps) {
  const t = useT()
  const caseFile = useCaseFile(caseId)
  const [draft, setDraft, clearDraft, restored] = useDraft<VisitDraft>(draftKey(caseId), emptyDraft(new Date().toISOString()))
  const [visitId, setVisitId] = useState<string | undefined>(undefined)
  // What the form shows between the visit being saved and the case file bringing it back.
  const [handedOver, setHandedOver] = useState<VisitValues | undefined>(undefined)
  const [contactError, setContactError] = useState<string | undefined>(undefined)
  const create = useCommand(CREATE_FIELDS)
  const { run } = create
  const live = useLiveVisit(caseId, visitId)
  // The draft as of the last change, kept in step synchronously (a change can come between a save and
  // the next render); after the visit exists, changes not yet routed to it are picked up from here.
  const latest = useRef(draft)
  const visitIdRef = useRef<string | undefined>(undefined)
  const savedFrom = useRef<VisitDraft | undefined>(undefined)
  const creating = useRef(false)
  const restoredRef = useRef(restored)
  useEffect(() => {
    if (visitIdRef.current === undefined) latest.current = draft
    restoredRef.current = restored
  })

  const patchDraft = useCallback(
    (p: Partial<VisitDraft>) => {
      if (p.contact) setContactError(undefined)
      const before = latest.current
      latest.current = { ...before, ...p }
      const id = visitIdRef.current
      if (id === undefined) setDraft(latest.current)
      else if (savedFrom.current === undefined) {
        // The changes that followed the draft in are written already, and a field's save still routed
        // here (its form had not switched over yet) would be lost: it goes to the visit itself.
        const changed = changedVisitInput(before, latest.current)
        if (Object.keys(changed).length > 0) void run(() => updateVisit(caseId, id, changed))
      }
    },
    [caseId, run, setDraft],
  )

  /** Saves the draft as a visit; `explicit` is the 저장 button (then a missing contact is an error). */
  const saveDraft = useCallback(
    async (explicit: boolean) => {
      if (creating.current) return
      const first = latest.current
      const contact = first.contact
      if (contact === undefined) {
        if (explicit) setContactError(t('visit.contactRequired'))
        return
      }
      creating.current = true
      const made: { id?: string } = {}
      const ok = await create.run(async () => {
        made.id = await createVisit(caseId, toNewVisit({ ...first, contact }))
      })
      const id = made.id
      if (!ok || id === undefined) {
        creating.current = false
        return
      }
      savedFrom.current = first
      visitIdRef.current = id
      setHandedOver(latest.current)
      setVisitId(id)
      clearDraft()
      onCreated(id)
    },
    [caseId, clearDraft, create, onCreated, t],
  )

  // Changes made while the draft was being saved follow it into the case's document.
  useEffect(() => {
    const from = savedFrom.current
    if (visitId === undefined || from === undefined) return
    savedFrom.current = undefined
    // Only what really changed: re-sending an unchanged text could land after the worker's next typing
    // in the saved visit and take it back.
    const changed = changedVisitInput(from, latest.current)
    if (Object.keys(changed).length > 0) void run(() => updateVisit(caseId, visitId, changed))
  }, [caseId, visitId, run])

  // Picked contact + something written: the visit is saved without waiting for 저장.
  useEffect(() => {
    if (restored && visitId === undefined && draft.contact !== undefined && hasContent(draft)) void saveDraft(false)
  }, [draft, restored, visitId, saveDraft])

  // Leaving with nothing worth keeping (e.g. only the visit kind changed): the draft goes too.
  useEffect(
    () => () => {
      if (restoredRef.current && !creating.current && !isWorthKeeping(latest.current)) clearDraft()
    },
    [clearDraft],
  )

  if (!restored) return <p className="visit" role="status">{t('common.loading')}</p>
  const headName = caseFile?.members.find((m) => m.isHead)?.name ?? ''
  if (visitId !== undefined) {
    const values = caseFile?.visits.find((v) => v.id === visitId) ?? handedOver ?? draft
    const parts = liveFormParts(live, t)
    // A refusal of the changes that followed the draft in (create's) shows too.
    return (
      <VisitForm
        caseId={caseId}
        headName={headName}
        values={values}
        {...parts}
        errorFor={(field) => live.errorFor(field) ?? create.errorFor(field)}
        formError={live.formError ?? create.formError}
      />
    )
  }
  const discard = () => {
    clearDraft()
    window.location.hash = caseHref(caseId)
  }
  return (
    <VisitForm
      caseId={caseId}
      headName={headName}
      values={draft}
      onPatch={(p: VisitPatch) => patchDraft(p)}
      saveText={async (field: VisitTextKey, value: string) => patchDraft({ [field]: value })}
      track={noTrack}
      errorFor={(field) => (field === 'contact' ? (contactError ?? create.errorFor(field)) : create.errorFor(field))}
      formError={create.formError}
      status={
        <span className="visit-draft-status" role="status">
          {t('visit.draft.status')}
        </span>
      }
      notice={
        <p className="visit-draft-notice">{draft.contact === undefined && hasContent(draft) ? t('visit.draft.needsContact') : t('visit.draft.hint')}</p>
      }
      actions={
        <>
          <Button variant="primary" onClick={() => void saveDraft(true)} disabled={create.busy}>
            {t('visit.draft.save')}
          </Button>
          {isWorthKeeping(draft) ? (
            <ConfirmButton confirmLabel={t('visit.draft.confirmDiscard')} onConfirm={discard}>
              {t('visit.draft.discard')}
            </ConfirmButton>
          ) : null}
        </>
      }
    />
  )
}

/** A draft is not being saved anywhere the save indicator should report. */
function noTrack(write: Promise<boolean>): void {
  void write
}

/** The fields of `now` that differ from `from`, as the store takes them. */
function changedVisitInput(from: VisitDraft, now: VisitDraft): VisitInput {
  const differs = (key: keyof VisitDraft) => JSON.stringify(from[key]) !== JSON.stringify(now[key])
  const input = toVisitInput(Object.fromEntries(VISIT_FIELDS.filter(differs).map((k) => [k, now[k]])) as VisitPatch)
  for (const key of VISIT_TEXT_KEYS) if (differs(key)) input[key] = now[key]
  return input
}
