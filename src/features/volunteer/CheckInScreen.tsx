// 안부확인: outcome (4 big buttons, no default), crisis signs, one optional sentence, 담당자 연락 요청.
// Every change is kept as a sealed draft per brief, so nothing is lost offline, on reload or on lock.
import type { FormEvent } from 'react'
import { CHECK_IN_OUTCOMES, CRISIS_SIGNS, formatPhone, isBriefActive } from '../../domain'
import type { Brief, CheckInOutcome, CrisisSign } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { useDraft } from '../../store'
import { ImeTextInput, formText } from '../common'
import { BigChecks, BigChoices, BigToggle, SendFooter, VolField } from './controls'
import { useVolunteerKind } from './hooks'
import { KindPicker } from './KindPicker'
import { volunteerHref } from './route'
import { useSendReport } from './useSendReport'
import type { VolunteerUser } from './user'

export interface CheckInDraft {
  outcome: CheckInOutcome | ''
  signs: CrisisSign[]
  note: string
  contactRequested: boolean
}

export const EMPTY_CHECK_IN: CheckInDraft = { outcome: '', signs: [], note: '', contactRequested: false }
export const checkInDraftKey = (briefId: string) => `volunteer.checkin.${briefId}`

function CheckInForm({ brief, user }: { brief: Brief; user: VolunteerUser | null }) {
  const t = useT()
  const label = useEnumLabel()
  const { loaded, kind } = useVolunteerKind()
  const [draft, setDraft, clearDraft, restored] = useDraft<CheckInDraft>(checkInDraftKey(brief.id), EMPTY_CHECK_IN)
  const { errors, setErrors, formError, saving, refuse, send } = useSendReport(['outcome', 'note'] as const, 'vol.checkin.saved')
  const patch = (p: Partial<CheckInDraft>) => setDraft((d) => ({ ...d, ...p }))

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (saving) return
    const note = formText(e.currentTarget, 'note').trim()
    const outcome = draft.outcome
    if (!outcome) return refuse({ outcome: t('vol.checkin.err.outcome') })
    await send(kind, user, (sender) => ({
      ...sender, kind: 'checkin', briefId: brief.id, outcome, signs: draft.signs, note, contactRequested: draft.contactRequested,
    }), clearDraft)
  }

  if (!restored) {
    return (
      <p className="vol-hint" role="status">
        {t('vol.home.loading')}
      </p>
    )
  }
  return (
    <form className="vol-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('vol.checkin.title')}>
      {loaded && !kind ? <KindPicker /> : null}
      <BigChoices
        legend={t('vol.checkin.outcome')}
        options={CHECK_IN_OUTCOMES.map((o) => ({ value: o, label: label('checkInOutcome', o) }))}
        value={draft.outcome || undefined}
        onChange={(outcome) => {
          patch({ outcome })
          setErrors((x) => ({ ...x, outcome: undefined }))
        }}
        error={errors.outcome}
        testId="checkin-outcome"
      />
      <BigChecks
        legend={t('vol.checkin.signs')}
        options={CRISIS_SIGNS.map((s) => ({ value: s, label: label('crisisSign', s) }))}
        selected={draft.signs}
        onChange={(signs) => patch({ signs })}
        testId="checkin-signs"
      />
      <VolField label={t('vol.checkin.note')} error={errors.note}>
        {(c) => (
          <ImeTextInput
            {...c}
            name="note"
            className="vol-input"
            maxLength={500}
            value={draft.note}
            placeholder={t('vol.checkin.notePlaceholder')}
            onCommit={(note) => patch({ note })}
          />
        )}
      </VolField>
      <BigToggle
        label={t('vol.checkin.contact')}
        hint={t('vol.checkin.contactHint')}
        checked={draft.contactRequested}
        onChange={(contactRequested) => patch({ contactRequested })}
      />
      <SendFooter formError={formError} busy={saving} saving={saving} saveLabel={t('vol.checkin.save')} cancelHref={volunteerHref({ name: 'home' })} />
    </form>
  )
}

export function CheckInScreen({ briefId, briefs, loading, user }: { briefId: string; briefs: readonly Brief[]; loading: boolean; user: VolunteerUser | null }) {
  const t = useT()
  const brief = briefs.find((b) => b.id === briefId && isBriefActive(b))
  if (!brief) {
    return (
      <div className="screen vol">
        <h1 className="vol-title">{t('vol.checkin.title')}</h1>
        {loading ? (
          <p role="status">{t('vol.home.loading')}</p>
        ) : (
          <>
            <p className="vol-empty">{t('vol.checkin.notFound')}</p>
            <a className="vol-link-button" href={volunteerHref({ name: 'home' })}>
              {t('vol.form.cancel')}
            </a>
          </>
        )}
      </div>
    )
  }
  return (
    <div className="screen vol">
      <h1 className="vol-title">{t('vol.checkin.for', { name: brief.headName })}</h1>
      <div className="vol-card" data-testid="brief">
        <p className="vol-brief__address">{brief.address}</p>
        {brief.phone ? (
          <p>
            <a className="vol-link-button" href={`tel:${brief.phone}`}>
              {formatPhone(brief.phone)}
            </a>
          </p>
        ) : null}
        {brief.watchFor ? (
          <p>
            <strong>{t('vol.checkin.watchFor')}:</strong> {brief.watchFor}
          </p>
        ) : null}
        {brief.centerContact ? (
          <p>
            <strong>{t('vol.checkin.centerContact')}:</strong> {brief.centerContact}
          </p>
        ) : null}
      </div>
      <CheckInForm key={brief.id} brief={brief} user={user} />
    </div>
  )
}
