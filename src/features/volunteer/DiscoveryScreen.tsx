// 사각지대 발굴 보고: where, who, what the volunteer saw and how urgent, whether the person agreed to be
// contacted; optionally a location (asked only on tap) and up to 3 photos shrunk on the phone. Every
// change is kept as a sealed draft, so nothing is lost offline, on reload or on lock.
import { useState } from 'react'
import type { ChangeEvent, FormEvent } from 'react'
import { CRISIS_SIGNS, CRISIS_TYPES, MAX_PHOTOS, URGENCIES } from '../../domain'
import type { CrisisSign, CrisisType, Photo, Urgency } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { useDraft } from '../../store'
import { ImeTextArea, ImeTextInput, formText } from '../common'
import { BigChecks, BigChoices, SendFooter, VolError, VolField } from './controls'
import { useVolunteerKind } from './hooks'
import { KindPicker } from './KindPicker'
import { shrinkPhoto } from './photo'
import { volunteerHref } from './route'
import { useSendReport } from './useSendReport'
import type { VolunteerUser } from './user'

export interface DiscoveryDraft {
  place: string
  who: string
  name: string
  signs: CrisisSign[]
  crisisTypes: CrisisType[]
  urgency: Urgency | ''
  consent: 'yes' | 'no' | ''
  note: string
  location?: { lat: number; lng: number; accuracyM: number }
  photos: Photo[]
}

export const EMPTY_DISCOVERY: DiscoveryDraft = { place: '', who: '', name: '', signs: [], crisisTypes: [], urgency: '', consent: '', note: '', photos: [] }
export const DISCOVERY_DRAFT_KEY = 'volunteer.discovery'

type FieldName = 'place' | 'who' | 'name' | 'urgency' | 'consent' | 'note' | 'photos' | 'location'
type Errors = Partial<Record<FieldName, string>>
const FIELDS: readonly FieldName[] = ['place', 'who', 'name', 'urgency', 'consent', 'note', 'photos', 'location']

type LocationState = 'idle' | 'busy' | 'failed'

export function DiscoveryScreen({ user }: { user: VolunteerUser | null }) {
  const t = useT()
  const label = useEnumLabel()
  const { loaded, kind } = useVolunteerKind()
  const [draft, setDraft, clearDraft, restored] = useDraft<DiscoveryDraft>(DISCOVERY_DRAFT_KEY, EMPTY_DISCOVERY)
  const { errors, setErrors, formError, saving, refuse, send } = useSendReport(FIELDS, 'vol.discovery.saved')
  const [locating, setLocating] = useState<LocationState>('idle')
  const [photoBusy, setPhotoBusy] = useState(false)
  const patch = (p: Partial<DiscoveryDraft>) => setDraft((d) => ({ ...d, ...p }))
  const clearError = (field: FieldName) => setErrors((x) => (x[field] ? { ...x, [field]: undefined } : x))

  const locate = () => {
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
    if (!geo) {
      setLocating('failed')
      return
    }
    setLocating('busy')
    geo.getCurrentPosition(
      (pos) => {
        patch({ location: { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: Math.max(0, Math.round(pos.coords.accuracy)) } })
        setLocating('idle')
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    )
  }

  const addPhotos = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const files = [...(input.files ?? [])]
    input.value = ''
    if (!files.length) return
    setPhotoBusy(true)
    clearError('photos')
    try {
      for (const file of files.slice(0, MAX_PHOTOS)) {
        const photo = await shrinkPhoto(file)
        setDraft((d) => (d.photos.length >= MAX_PHOTOS ? d : { ...d, photos: [...d.photos, photo] }))
      }
    } catch {
      setErrors((x) => ({ ...x, photos: t('vol.discovery.photoFailed') }))
    } finally {
      setPhotoBusy(false)
    }
  }

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (saving) return
    const form = e.currentTarget
    const text = {
      place: formText(form, 'place').trim(),
      who: formText(form, 'who').trim(),
      name: formText(form, 'name').trim(),
      note: formText(form, 'note').trim(),
    }
    const found: Errors = {}
    if (!text.place) found.place = t('vol.discovery.err.place')
    if (!text.who) found.who = t('vol.discovery.err.who')
    if (!draft.urgency) found.urgency = t('vol.discovery.err.urgency')
    if (!draft.consent) found.consent = t('vol.discovery.err.consent')
    const { urgency, consent } = draft
    if (Object.keys(found).length > 0 || !urgency || !consent) return refuse(found)
    setErrors({})
    await send(kind, user, (sender) => ({
      ...sender,
      kind: 'discovery',
      place: text.place,
      who: text.who,
      ...(text.name ? { name: text.name } : {}),
      signs: draft.signs,
      crisisTypes: draft.crisisTypes,
      urgency,
      consentToContact: consent === 'yes',
      note: text.note,
      ...(draft.location ? { location: draft.location } : {}),
      photos: draft.photos,
    }), clearDraft)
  }

  return (
    <div className="screen vol">
      <h1 className="vol-title">{t('vol.discovery.title')}</h1>
      <p className="vol-hint">{t('vol.discovery.intro')}</p>
      {!restored ? (
        <p role="status">{t('vol.home.loading')}</p>
      ) : (
        <form className="vol-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('vol.discovery.title')}>
          {loaded && !kind ? <KindPicker /> : null}
          <VolField label={t('vol.discovery.place')} error={errors.place}>
            {(c) => (
              <ImeTextInput
                {...c}
                name="place"
                className="vol-input"
                maxLength={300}
                value={draft.place}
                placeholder={t('vol.discovery.placePlaceholder')}
                onCommit={(place) => {
                  patch({ place })
                  clearError('place')
                }}
              />
            )}
          </VolField>
          <VolField label={t('vol.discovery.who')} error={errors.who}>
            {(c) => (
              <ImeTextInput
                {...c}
                name="who"
                className="vol-input"
                maxLength={300}
                value={draft.who}
                placeholder={t('vol.discovery.whoPlaceholder')}
                onCommit={(who) => {
                  patch({ who })
                  clearError('who')
                }}
              />
            )}
          </VolField>
          <VolField label={t('vol.discovery.name')} error={errors.name}>
            {(c) => <ImeTextInput {...c} name="name" className="vol-input" maxLength={50} value={draft.name} onCommit={(name) => patch({ name })} />}
          </VolField>
          <BigChecks
            legend={t('vol.discovery.signs')}
            options={CRISIS_SIGNS.map((s) => ({ value: s, label: label('crisisSign', s) }))}
            selected={draft.signs}
            onChange={(signs) => patch({ signs })}
            testId="discovery-signs"
          />
          <BigChecks
            legend={t('vol.discovery.types')}
            options={CRISIS_TYPES.map((c) => ({ value: c, label: label('crisisType', c) }))}
            selected={draft.crisisTypes}
            onChange={(crisisTypes) => patch({ crisisTypes })}
            testId="discovery-types"
          />
          <BigChoices
            legend={t('vol.discovery.urgency')}
            options={URGENCIES.map((u) => ({ value: u, label: label('urgency', u) }))}
            value={draft.urgency || undefined}
            onChange={(urgency) => {
              patch({ urgency })
              clearError('urgency')
            }}
            error={errors.urgency}
          />
          <BigChoices
            legend={t('vol.discovery.consent')}
            options={[
              { value: 'yes' as const, label: t('vol.discovery.yes') },
              { value: 'no' as const, label: t('vol.discovery.no') },
            ]}
            value={draft.consent || undefined}
            onChange={(consent) => {
              patch({ consent })
              clearError('consent')
            }}
            error={errors.consent}
          />
          <VolField label={t('vol.discovery.note')} error={errors.note}>
            {(c) => <ImeTextArea {...c} name="note" rows={3} className="vol-input" maxLength={500} value={draft.note} onCommit={(note) => patch({ note })} />}
          </VolField>

          <fieldset className="vol-fieldset">
            <legend className="vol-legend">{t('vol.discovery.location')}</legend>
            {draft.location ? (
              <div className="vol-row">
                <p data-testid="location">{t('vol.discovery.located', { m: draft.location.accuracyM })}</p>
                <button type="button" className="vol-link-button" onClick={() => patch({ location: undefined })}>
                  {t('vol.discovery.removeLocation')}
                </button>
              </div>
            ) : (
              <button type="button" className="vol-big-button" onClick={locate} disabled={locating === 'busy'}>
                {locating === 'busy' ? t('vol.discovery.locating') : t('vol.discovery.locate')}
              </button>
            )}
            <VolError message={locating === 'failed' ? t('vol.discovery.locationFailed') : undefined} />
          </fieldset>

          <fieldset className="vol-fieldset" aria-describedby={errors.photos ? 'vol-photo-error' : undefined}>
            <legend className="vol-legend">{t('vol.discovery.photos', { max: MAX_PHOTOS })}</legend>
            {draft.photos.length ? (
              <ul className="vol-photos">
                {draft.photos.map((p, i) => (
                  <li key={p.id}>
                    <img src={p.dataUrl} alt={t('vol.discovery.photoAlt', { n: i + 1 })} />
                    <button type="button" className="vol-link-button" onClick={() => patch({ photos: draft.photos.filter((x) => x.id !== p.id) })}>
                      {t('vol.discovery.removePhoto', { n: i + 1 })}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {draft.photos.length < MAX_PHOTOS ? (
              <label className={photoBusy ? 'vol-big-button vol-file vol-file--busy' : 'vol-big-button vol-file'}>
                <input
                  type="file"
                  accept="image/*"
                  capture="environment"
                  className="vol-file__input"
                  disabled={photoBusy}
                  onChange={(e) => void addPhotos(e)}
                  data-testid="photo-input"
                />
                <span>{photoBusy ? t('vol.discovery.photoBusy') : t('vol.discovery.addPhoto')}</span>
              </label>
            ) : null}
            <VolError id="vol-photo-error" message={errors.photos} />
          </fieldset>

          <SendFooter
            formError={formError}
            busy={saving || photoBusy}
            saving={saving}
            saveLabel={t('vol.discovery.save')}
            cancelHref={volunteerHref({ name: 'home' })}
          />
        </form>
      )}
    </div>
  )
}
