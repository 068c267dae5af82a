// 이웃살피미 배정 (issue 10): the case's briefs (who checks on the household, how often, 살펴볼 점, 주민센터
// 연락처) with 배정, 수정 and 배정 종료. A brief carries only the head's name, address and phone from the case
// file (store/briefs.ts); the volunteer list is the team's from the relay, the last one kept for offline use.
import { useCallback, useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { CHECK_IN_SCHEDULES, formatDate, isBriefOutdated, teamAccessIn } from '../../../domain'
import type { Brief, CaseFile, CheckInSchedule } from '../../../domain'
import { registerMessages, useEnumLabel, useT } from '../../../i18n'
import { messages } from '../../../i18n/messages/inbox'
import { useSession } from '../../../security/session'
import {
  assignVolunteer, cachedTeamVolunteers, endAssignment, listCaseBriefs, loadTeamVolunteers, onVolunteerDocsChange, updateAssignment,
} from '../../../store'
import type { BriefEntry, VolunteerInfo } from '../../../store'
import {
  Badge, Button, ChoiceGroup, ConfirmButton, EmptyState, Field, FormActions, FormError, ImeTextArea, ImeTextInput, Section, formText, readAtSubmit,
} from '../../common'
import { useCommand } from '../useCommand'

registerMessages(messages)

const FIELDS = ['volunteerId', 'schedule', 'watchFor', 'centerContact'] as const

/** The case's briefs, kept current when any brief changes (here, in another tab or from the relay). */
function useCaseBriefs(caseId: string): BriefEntry[] | undefined {
  const [briefs, setBriefs] = useState<BriefEntry[] | undefined>(undefined)
  useEffect(() => {
    let live = true
    const load = () => void listCaseBriefs(caseId).then((b) => live && setBriefs(b), () => undefined)
    load()
    const off = onVolunteerDocsChange(load)
    return () => {
      live = false
      off()
    }
  }, [caseId])
  return briefs
}

/**
 * The team's volunteers: the list kept on the device at once; the relay is asked only when `ask` (the
 * assignment form is open), and without a connection the kept list stays (marked stale).
 */
function useTeamVolunteers(token: string | null, ask: boolean): { volunteers: VolunteerInfo[]; stale: boolean } {
  const [state, setState] = useState<{ volunteers: VolunteerInfo[]; stale: boolean }>({ volunteers: [], stale: false })
  useEffect(() => {
    let live = true
    void cachedTeamVolunteers().then((v) => live && setState((s) => (s.volunteers.length ? s : { volunteers: v.volunteers, stale: false })), () => undefined)
    return () => {
      live = false
    }
  }, [])
  useEffect(() => {
    if (!ask) return
    let live = true
    void loadTeamVolunteers(token).then((v) => live && setState({ volunteers: v.volunteers, stale: v.stale }), () => undefined)
    return () => {
      live = false
    }
  }, [token, ask])
  return state
}

export function VolunteerSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const label = useEnumLabel()
  const session = useSession()
  const caseId = caseFile.meta.id
  const briefs = useCaseBriefs(caseId)
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const { volunteers, stale } = useTeamVolunteers(session?.token ?? null, editing === 'new')
  const ending = useCommand()
  const canAssign = Boolean(session && (session.user.role === 'worker' || session.user.role === 'supervisor') && teamAccessIn(caseFile, session.user.team) === 'full')
  const nameOf = useCallback(
    (id: string) => volunteers.find((v) => v.id === id)?.username ?? t('volunteerAssign.unknownVolunteer'),
    [volunteers, t],
  )
  const by = session ? { id: session.user.id, team: session.user.team } : undefined
  // Nothing to show and nothing this user may do here (signed out, or the case is only shared with the team).
  if (!canAssign && !briefs?.length) return null
  return (
    <Section
      title={t('volunteerAssign.title')}
      actions={canAssign && editing === undefined ? <Button onClick={() => setEditing('new')}>{t('volunteerAssign.add')}</Button> : null}
    >
      {editing === 'new' ? (
        <AssignmentForm
          volunteers={volunteers}
          stale={stale}
          onDone={() => setEditing(undefined)}
          save={(input) => assignVolunteer(caseId, { ...input, volunteerId: input.volunteerId ?? '' }, by, input.volunteerId ? nameOf(input.volunteerId) : undefined)}
        />
      ) : null}
      <FormError message={ending.formError} />
      {briefs === undefined ? null : briefs.length === 0 ? (
        <EmptyState>{t('volunteerAssign.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {briefs.map(({ brief }) =>
            editing === brief.id ? (
              <li key={brief.id}>
                <AssignmentForm
                  initial={brief}
                  volunteerName={nameOf(brief.volunteerId)}
                  volunteers={volunteers}
                  stale={stale}
                  onDone={() => setEditing(undefined)}
                  save={(input) => updateAssignment(brief.id, input, by)}
                />
              </li>
            ) : (
              <li key={brief.id} className="ui-record" data-testid="brief">
                <div className="ui-record__body">
                  <strong>{nameOf(brief.volunteerId)}</strong> <Badge tone={brief.endedAt ? 'neutral' : 'ok'}>{brief.endedAt ? t('volunteerAssign.ended') : label('checkInSchedule', brief.schedule)}</Badge>
                  <div className="cf-meta">
                    {t('volunteerAssign.assignedAt', { date: formatDate(brief.assignedAt) })}
                    {brief.endedAt ? ` · ${t('volunteerAssign.endedAt', { date: formatDate(brief.endedAt) })}` : null}
                  </div>
                  {brief.watchFor ? <div>{t('volunteerAssign.watchFor')}: {brief.watchFor}</div> : null}
                  {brief.centerContact ? <div>{t('volunteerAssign.centerContact')}: {brief.centerContact}</div> : null}
                  {canAssign && !brief.endedAt && isBriefOutdated(brief, caseFile.household, caseFile.members) ? (
                    <p className="ui-field__error" role="status" data-testid="brief-outdated">
                      {t('volunteerAssign.outdated')}{' '}
                      <Button disabled={editing !== undefined || ending.busy} onClick={() => void ending.run(() => updateAssignment(brief.id, {}, by))}>
                        {t('volunteerAssign.refresh')}
                      </Button>
                    </p>
                  ) : null}
                </div>
                {canAssign && !brief.endedAt ? (
                  <div className="ui-row">
                    <Button disabled={editing !== undefined} onClick={() => setEditing(brief.id)}>
                      {t('volunteerAssign.edit')}
                    </Button>
                    <ConfirmButton
                      disabled={editing !== undefined || ending.busy}
                      confirmLabel={t('volunteerAssign.endConfirm')}
                      onConfirm={() => void ending.run(() => endAssignment(brief.id, by, nameOf(brief.volunteerId)))}
                    >
                      {t('volunteerAssign.end')}
                    </ConfirmButton>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
    </Section>
  )
}

interface AssignmentValues {
  volunteerId?: string
  schedule: CheckInSchedule
  watchFor: string
  centerContact: string
}

interface AssignmentFormProps {
  /** The brief being edited (its volunteer stays); absent for a new assignment. */
  initial?: Brief
  volunteerName?: string
  volunteers: readonly VolunteerInfo[]
  stale: boolean
  onDone: () => void
  save: (input: AssignmentValues) => Promise<unknown>
}

function AssignmentForm({ initial, volunteerName, volunteers, stale, onDone, save }: AssignmentFormProps) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const [volunteerId, setVolunteerId] = useState(initial?.volunteerId ?? '')
  const [schedule, setSchedule] = useState<CheckInSchedule | undefined>(initial?.schedule)
  const [missing, setMissing] = useState<{ volunteer?: string; schedule?: string }>({})
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const problems = {
      ...(!initial && !volunteerId ? { volunteer: t('volunteerAssign.volunteerRequired') } : {}),
      ...(!schedule ? { schedule: t('volunteerAssign.scheduleRequired') } : {}),
    }
    setMissing(problems)
    if (!schedule || problems.volunteer) return
    const values: AssignmentValues = {
      schedule,
      watchFor: formText(form, 'watchFor').trim(),
      centerContact: formText(form, 'centerContact').trim(),
      ...(initial ? {} : { volunteerId }),
    }
    if (await cmd.run(() => save(values))) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void submit(e)} aria-label={initial ? t('volunteerAssign.editing') : t('volunteerAssign.form')}>
      <p className="cf-meta">{t('volunteerAssign.shared')}</p>
      {initial ? (
        <p>
          {t('volunteerAssign.volunteer')}: <strong>{volunteerName}</strong>
        </p>
      ) : (
        <Field
          label={t('volunteerAssign.volunteer')}
          error={missing.volunteer ?? cmd.errorFor('volunteerId')}
          hint={volunteers.length === 0 ? t('volunteerAssign.noVolunteers') : stale ? t('volunteerAssign.staleList') : undefined}
        >
          {(c) => (
            <select className="ui-input" {...c} value={volunteerId} onChange={(e) => setVolunteerId(e.currentTarget.value)}>
              <option value="">{t('volunteerAssign.pick')}</option>
              {volunteers.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.username}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <ChoiceGroup
        legend={t('volunteerAssign.schedule')}
        choices={CHECK_IN_SCHEDULES.map((s) => ({ value: s, label: label('checkInSchedule', s) }))}
        value={schedule}
        onChange={(s) => {
          setSchedule(s)
          setMissing((m) => ({ ...m, schedule: undefined }))
        }}
        error={missing.schedule ?? cmd.errorFor('schedule')}
      />
      <Field label={t('volunteerAssign.watchFor')} hint={t('volunteerAssign.watchForHint')} error={cmd.errorFor('watchFor')}>
        {(c) => <ImeTextArea {...c} rows={3} name="watchFor" value={initial?.watchFor ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <Field label={t('volunteerAssign.centerContact')} hint={t('volunteerAssign.centerContactHint')} error={cmd.errorFor('centerContact')}>
        {(c) => <ImeTextInput {...c} name="centerContact" value={initial?.centerContact ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
