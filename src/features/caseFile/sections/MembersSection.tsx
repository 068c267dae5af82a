// 가구원: list with masked 생년월일-성별 (901231-1******) and phone; add, edit, remove.
import { useState } from 'react'
import { formatPhone, maskRrn } from '../../../domain'
import type { CaseFile, Member } from '../../../domain'
import { useT } from '../../../i18n'
import { addMember, removeMember, updateMember } from '../../../store'
import { Badge, Button, ConfirmButton, EmptyState, FormError, Section } from '../../common'
import { useCommand } from '../useCommand'
import { MemberForm } from './MemberForm'
import type { MemberDraft } from './MemberForm'

export function MembersSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const caseId = caseFile.meta.id
  const [editing, setEditing] = useState<string | 'new' | undefined>(undefined)
  const remove = useCommand()
  return (
    <Section
      title={t('caseFile.members.title', { n: caseFile.members.length })}
      actions={editing === undefined ? <Button onClick={() => setEditing('new')}>{t('caseFile.members.add')}</Button> : null}
    >
      {editing === 'new' ? (
        <MemberForm
          onCancel={() => setEditing(undefined)}
          onSave={async (draft: MemberDraft) => {
            await addMember(caseId, draft)
            setEditing(undefined)
          }}
        />
      ) : null}
      {caseFile.members.length === 0 ? <EmptyState>{t('caseFile.members.empty')}</EmptyState> : null}
      <ul className="ui-list">
        {caseFile.members.map((m) =>
          editing === m.id ? (
            <li key={m.id}>
              <MemberForm
                initial={m}
                onCancel={() => setEditing(undefined)}
                onSave={async (draft) => {
                  await updateMember(caseId, m.id, draft)
                  setEditing(undefined)
                }}
              />
            </li>
          ) : (
            <li key={m.id} className="ui-row">
              <MemberLine member={m} />
              <Button onClick={() => setEditing(m.id)}>{t('caseFile.edit')}</Button>
              {caseFile.members.length > 1 ? (
                <ConfirmButton confirmLabel={t('caseFile.members.confirmRemove')} onConfirm={() => void remove.run(() => removeMember(caseId, m.id))}>
                  {t('common.remove')}
                </ConfirmButton>
              ) : null}
            </li>
          ),
        )}
      </ul>
      <FormError message={remove.formError} />
    </Section>
  )
}

function MemberLine({ member }: { member: Member }) {
  const t = useT()
  return (
    <span style={{ flex: '1 1 240px' }}>
      <strong>{member.name}</strong> {member.isHead ? <Badge tone="info">{t('caseFile.members.head')}</Badge> : null}
      {member.relation ? ` · ${member.relation}` : ''}
      {member.birthDate ? ` · ${maskRrn(member.birthDate, member.sexDigit)}` : ''}
      {member.phone ? ` · ${formatPhone(member.phone)}` : ''}
    </span>
  )
}
