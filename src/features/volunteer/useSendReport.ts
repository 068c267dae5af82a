// The send step both volunteer forms share: who is sending (the kind chosen on this phone, the signed-in
// user), saving the report, and putting the store's refusals next to their fields.
import { useState } from 'react'
import { todayInSeoul } from '../../domain'
import type { VolunteerKind, VolunteerReport } from '../../domain'
import { useT } from '../../i18n'
import { ValidationError } from '../../store'
import { saveReport } from '../../store/volunteerStore'
import { useToast } from '../common'
import { goVolunteer } from './route'
import type { VolunteerUser } from './user'

/** The fields every report carries about its sending. */
export type Sender = Pick<VolunteerReport, 'id' | 'teamId' | 'by' | 'byKind' | 'createdAt' | 'date'>

export function useSendReport<F extends string>(fields: readonly F[], savedMessageKey: string) {
  const t = useT()
  const toast = useToast()
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({})
  const [formError, setFormError] = useState<string>()
  const [saving, setSaving] = useState(false)

  /** Field checks found problems: show them, and the form's general message. */
  const refuse = (found: Partial<Record<F, string>>) => {
    setErrors(found)
    setFormError(t('vol.form.err'))
  }

  /** Saves the report `build` makes for this sender, then clears the draft and goes home; false if not sent. */
  const send = async (kind: VolunteerKind | undefined, user: VolunteerUser | null, build: (sender: Sender) => VolunteerReport, clearDraft: () => void): Promise<boolean> => {
    if (!kind) {
      setFormError(t('vol.form.needKind'))
      return false
    }
    if (!user) {
      setFormError(t('common.error'))
      return false
    }
    const report = build({ id: crypto.randomUUID(), teamId: user.team, by: user.id, byKind: kind, createdAt: new Date().toISOString(), date: todayInSeoul() })
    setFormError(undefined)
    setSaving(true)
    try {
      await saveReport(report)
      clearDraft()
      toast({ message: t(savedMessageKey) })
      goVolunteer({ name: 'home' })
      return true
    } catch (err) {
      if (err instanceof ValidationError) {
        const mapped: Partial<Record<F, string>> = {}
        const rest: string[] = []
        for (const issue of err.issues) {
          const field = (issue.path.split('.')[0] ?? '') as F
          if (fields.includes(field)) mapped[field] ??= issue.message
          else rest.push(issue.message)
        }
        setErrors(mapped)
        setFormError(rest.length ? rest.join(' ') : t('vol.form.err'))
      } else {
        setFormError(t('common.error'))
      }
      setSaving(false)
      return false
    }
  }

  return { errors, setErrors, formError, saving, refuse, send }
}
