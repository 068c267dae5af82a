// 가구: 대상 유형, 도로명주소, phone, note. Edited as a draft and saved together (validated by the store).
import { useState } from 'react'
import { formatPhone, TARGET_TYPES } from '../../../domain'
import type { CaseFile, Household, TargetType } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { updateHousehold } from '../../../store'
import { Button, ChoiceGroup, Field, Section, FormActions } from '../../common'
import { useCommand } from '../useCommand'

const FIELDS = ['targetType', 'address', 'addressDetail', 'phone', 'householdNo', 'note'] as const

export function HouseholdSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const h = caseFile.household
  return (
    <Section
      title={t('caseFile.household.title')}
      actions={editing ? null : <Button onClick={() => setEditing(true)}>{t('caseFile.edit')}</Button>}
    >
      {editing ? (
        <HouseholdForm caseId={caseFile.meta.id} household={h} onDone={() => setEditing(false)} />
      ) : (
        <dl className="ui-grid">
          <div>
            <dt className="cf-meta">{t('caseFile.address')}</dt>
            <dd>
              {h.address} {h.addressDetail ?? ''}
            </dd>
          </div>
          <div>
            <dt className="cf-meta">{t('caseFile.phone')}</dt>
            <dd>{h.phone ? formatPhone(h.phone) : t('common.none')}</dd>
          </div>
          {h.householdNo ? (
            <div>
              <dt className="cf-meta">{t('caseFile.householdNo')}</dt>
              <dd>{h.householdNo}</dd>
            </div>
          ) : null}
          {h.note ? (
            <div>
              <dt className="cf-meta">{t('caseFile.note')}</dt>
              <dd>{h.note}</dd>
            </div>
          ) : null}
        </dl>
      )}
    </Section>
  )
}

function HouseholdForm({ caseId, household, onDone }: { caseId: string; household: Household; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand(FIELDS)
  const [targetType, setTargetType] = useState<TargetType>(household.targetType)
  const [address, setAddress] = useState(household.address)
  const [addressDetail, setAddressDetail] = useState(household.addressDetail ?? '')
  const [phone, setPhone] = useState(household.phone ? formatPhone(household.phone) : '')
  const [householdNo, setHouseholdNo] = useState(household.householdNo ?? '')
  const [note, setNote] = useState(household.note ?? '')
  const save = async () => {
    // Empty fields are sent as undefined so an edit can clear them.
    const next: Household = {
      targetType,
      address,
      addressDetail: addressDetail.trim() || undefined,
      phone: phone.trim() || undefined,
      householdNo: householdNo.trim() || undefined,
      note: note.trim() || undefined,
    }
    if (await cmd.run(() => updateHousehold(caseId, next))) onDone()
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <ChoiceGroup
        legend={t('caseFile.targetType')}
        choices={TARGET_TYPES.map((v) => ({ value: v, label: label('targetType', v) }))}
        value={targetType}
        onChange={setTargetType}
        error={cmd.errorFor('targetType')}
      />
      <Field label={t('caseFile.address')} error={cmd.errorFor('address')} required>
        {(c) => <input className="ui-input" {...c} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />}
      </Field>
      <Field label={t('caseFile.addressDetail')} error={cmd.errorFor('addressDetail')}>
        {(c) => <input className="ui-input" {...c} value={addressDetail} onChange={(e) => setAddressDetail(e.currentTarget.value)} />}
      </Field>
      <Field label={t('caseFile.phone')} error={cmd.errorFor('phone')} hint="010-1234-5678">
        {(c) => <input className="ui-input" type="tel" inputMode="tel" {...c} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />}
      </Field>
      <Field label={t('caseFile.householdNo')} error={cmd.errorFor('householdNo')} hint={t('caseFile.householdNoHint')}>
        {(c) => <input className="ui-input" inputMode="text" autoComplete="off" {...c} value={householdNo} onChange={(e) => setHouseholdNo(e.currentTarget.value)} />}
      </Field>
      <Field label={t('caseFile.note')} error={cmd.errorFor('note')}>
        {(c) => <textarea className="ui-input" {...c} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <FormActions busy={cmd.busy} error={cmd.formError} onCancel={onDone} />
    </form>
  )
}
