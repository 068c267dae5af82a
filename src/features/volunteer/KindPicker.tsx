// The volunteer's kind (이웃살피미, 복지통장, 동 복지위원, 기타 자원봉사자), chosen once on this device.
import { useState } from 'react'
import { VOLUNTEER_KINDS } from '../../domain'
import type { VolunteerKind } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { setVolunteerKind } from '../../store/volunteerProfile'
import { FormError, useToast } from '../common'

export function KindPicker({ current, onDone }: { current?: VolunteerKind; onDone?: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const toast = useToast()
  const [error, setError] = useState<string>()
  const choose = async (kind: VolunteerKind) => {
    try {
      await setVolunteerKind(kind)
      setError(undefined)
      toast({ message: t('vol.kind.saved') })
      onDone?.()
    } catch {
      setError(t('common.error'))
    }
  }
  return (
    <fieldset className="vol-card vol-kind" data-testid="kind-picker">
      <legend className="vol-card__title">{t('vol.kind.title')}</legend>
      <p className="vol-hint">{t('vol.kind.hint')}</p>
      <div className="vol-choices vol-choices--two">
        {VOLUNTEER_KINDS.map((kind) => (
          <label key={kind} className={kind === current ? 'vol-choice vol-choice--on' : 'vol-choice'}>
            <input type="radio" name="volunteer-kind" checked={kind === current} onChange={() => void choose(kind)} />
            <span>{label('volunteerKind', kind)}</span>
          </label>
        ))}
      </div>
      <FormError message={error} />
    </fieldset>
  )
}
