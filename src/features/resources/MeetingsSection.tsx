// 협력회의: meetings of the team with its providers (date, providers picked from the directory or typed,
// attendees, notes), newest first. Each can be edited in place and deleted (asks once, undo from the toast).
import { useState } from 'react'
import type { FormEvent } from 'react'
import { formatDate, todayInSeoul } from '../../domain'
import type { CooperationMeeting, MeetingProvider, Resource } from '../../domain'
import { addMeeting, deleteMeeting, restoreMeeting, updateMeeting } from '../../store'
import { useT } from '../../i18n'
import {
  Button, CheckGroup, EmptyState, Field, FormActions, FormError, ImeTextArea, ImeTextInput, RecordActions, Section, formText,
  readAtSubmit, splitNames, useDeleteWithUndo,
} from '../common'
import { useCommand } from '../caseFile/useCommand'
import { useMeetings } from './useMeetings'

const FIELDS = ['date', 'providers', 'attendees', 'notes'] as const

/** How a provider of a meeting reads: the directory row's current provider when it is still listed. */
function providerName(p: MeetingProvider, resources: readonly Resource[]): string {
  const r = p.resourceId ? resources.find((x) => x.id === p.resourceId) : undefined
  return r ? `${r.provider} (${r.name})` : p.name
}

export function MeetingsSection({ resources }: { resources: readonly Resource[] }) {
  const t = useT()
  const { meetings, loaded } = useMeetings()
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const removal = useCommand([], t('resources.meetings.failed'))
  const deleteWithUndo = useDeleteWithUndo(removal.run)
  return (
    <Section
      title={t('resources.meetings.title')}
      actions={editing === undefined ? <Button onClick={() => setEditing('new')}>{t('resources.meetings.add')}</Button> : null}
    >
      <p className="muted">{t('resources.meetings.intro')}</p>
      {editing === 'new' ? <MeetingForm resources={resources} onDone={() => setEditing(undefined)} /> : null}
      <FormError message={removal.formError} />
      {loaded && meetings.length === 0 ? (
        <EmptyState>{t('resources.meetings.empty')}</EmptyState>
      ) : (
        <ul className="ui-list" data-testid="meeting-list">
          {meetings.map((m) =>
            editing === m.id ? (
              <li key={m.id}>
                <MeetingForm resources={resources} initial={m} onDone={() => setEditing(undefined)} />
              </li>
            ) : (
              <li key={m.id} className="ui-record">
                <div className="ui-record__body">
                  <strong>{formatDate(m.date)}</strong>
                  <div>
                    {t('resources.meetings.providers')}: {m.providers.map((p) => providerName(p, resources)).join(', ')}
                  </div>
                  {m.attendees.length ? (
                    <div className="res-meta">
                      {t('resources.meetings.attendees')}: {m.attendees.join(', ')}
                    </div>
                  ) : null}
                  {m.notes ? <div className="res-notes">{m.notes}</div> : null}
                </div>
                <RecordActions
                  what={t('resources.meetings.what', { date: formatDate(m.date) })}
                  disabled={editing !== undefined}
                  onEdit={() => setEditing(m.id)}
                  onDelete={() => void deleteWithUndo(() => deleteMeeting(m.id), restoreMeeting)}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </Section>
  )
}

function MeetingForm({ resources, initial, onDone }: { resources: readonly Resource[]; initial?: CooperationMeeting; onDone: () => void }) {
  const t = useT()
  const cmd = useCommand(FIELDS, t('resources.meetings.failed'))
  const [date, setDate] = useState(initial?.date ?? todayInSeoul())
  const listedIds = new Set(resources.map((r) => r.id))
  const [picked, setPicked] = useState<string[]>(
    initial?.providers.flatMap((p) => (p.resourceId && listedIds.has(p.resourceId) ? [p.resourceId] : [])) ?? [],
  )
  // Providers typed in, and those picked from rows deleted since: both stay as text to keep or change.
  const typed = initial?.providers.filter((p) => !p.resourceId || !listedIds.has(p.resourceId)).map((p) => p.name) ?? []

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const providers: MeetingProvider[] = [
      ...resources.filter((r) => picked.includes(r.id)).map((r) => ({ resourceId: r.id, name: r.provider })),
      ...splitNames(formText(form, 'otherProviders')).map((name) => ({ name })),
    ]
    const input = { date, providers, attendees: splitNames(formText(form, 'attendees')), notes: formText(form, 'notes') }
    const ok = await cmd.run(() => (initial ? updateMeeting(initial.id, input) : addMeeting(input)))
    if (ok) onDone()
  }

  return (
    <form
      className="res-card"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={initial ? t('resources.meetings.edit') : t('resources.meetings.add')}
    >
      <Field label={t('resources.meetings.date')} required error={cmd.errorFor('date')}>
        {(c) => <input className="ui-input" type="date" {...c} value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
      </Field>
      {resources.length ? (
        <CheckGroup
          legend={`${t('resources.meetings.providers')} · ${t('resources.meetings.pick')}`}
          options={resources.map((r) => ({ value: r.id, label: `${r.provider} (${r.name})` }))}
          selected={picked}
          onChange={setPicked}
          error={cmd.errorFor('providers')}
        />
      ) : (
        <p className="muted">{t('resources.meetings.noResources')}</p>
      )}
      <Field
        label={t('resources.meetings.otherProviders')}
        hint={t('resources.meetings.namesHint')}
        error={resources.length ? undefined : cmd.errorFor('providers')}
      >
        {(c) => <ImeTextInput {...c} name="otherProviders" value={typed.join(', ')} onCommit={readAtSubmit} />}
      </Field>
      <Field label={t('resources.meetings.attendees')} hint={t('resources.meetings.namesHint')} error={cmd.errorFor('attendees')}>
        {(c) => <ImeTextInput {...c} name="attendees" value={initial?.attendees.join(', ') ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <Field label={t('resources.meetings.notes')} error={cmd.errorFor('notes')}>
        {(c) => <ImeTextArea {...c} name="notes" value={initial?.notes ?? ''} onCommit={readAtSubmit} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
